/** What an error code from the core or the workspace server means, for the reader. */
export const errorsEn = {
  'error.unknown_command': 'This version of the app cannot do that. Update the app.',
  'error.invalid_args': 'The request was not valid.',
  'error.payload_too_large': 'That is too large to send.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.unauthenticated': 'Sign in again to continue.',
  'error.not_found': 'It no longer exists, or you cannot see it.',
  'error.conflict': 'Someone changed this at the same time. Try again.',
  'error.rate_limited': 'Too many attempts. Wait a moment and try again.',
  'error.unavailable': 'The workspace server cannot be reached right now.',
  'error.timeout': 'No answer in time. Try again.',
  'error.too_late': 'It is too late for that now.',
  'error.unsupported': 'This number cannot do that.',
  'error.lid_only': 'This contact’s number is hidden; reply from the number they wrote to.',
  'error.internal': 'Something went wrong in the app.',
  'error.other': 'Something went wrong ({code}).',
} as const;

export type ErrorsMessageKey = keyof typeof errorsEn;
