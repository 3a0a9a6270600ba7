import type { GraphErrorCode } from '../../../common/cloud-api';

/** English sentences for the Cloud API's error codes (common/cloud-api.ts). Keys also in graph-errors.id.ts. */
export const graphErrorsEn: Readonly<Record<`graphError.${GraphErrorCode}`, string>> = {
  'graphError.token_expired':
    "Meta no longer accepts this number's access token. An admin needs to remove the number in Settings and add it again with a new token.",
  'graphError.window_closed':
    'More than 24 hours have passed since the customer last wrote: only an approved template can be sent now.',
  'graphError.rate_limited': 'Meta is limiting how fast this number sends. Retry in a moment.',
  'graphError.invalid_number': 'This phone number cannot receive WhatsApp messages.',
  'graphError.media_too_large': 'This file is larger than WhatsApp allows for its type.',
  'graphError.media_unsupported': 'WhatsApp does not accept this type of file.',
  'graphError.template_invalid': 'Meta refused the template: check its name, language and parameters.',
  'graphError.not_found': 'Meta could not find what was asked for (it may have expired).',
  'graphError.bad_request': 'Meta refused the request.',
  'graphError.unavailable': "Meta's servers could not be reached or did not answer properly. Try again in a moment.",
};
