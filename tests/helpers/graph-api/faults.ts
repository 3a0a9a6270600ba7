/**
 * Answers the loopback Graph server gives instead of the real one, in Meta's documented error
 * shape `{ error: { message, type, code, error_subcode?, error_data?, fbtrace_id } }`.
 */
export type Fault = {
  /** Which request this fault is for (default: the next one, whatever it is). */
  readonly match?: (method: string, path: string) => boolean;
  /** Wait before answering (a slow Graph). */
  readonly delayMs?: number;
  /** Answer this instead of the normal one; absent: only the delay. */
  readonly status?: number;
  readonly body?: unknown;
  /** Sent as is, unparsed (a malformed answer). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
};

let trace = 0;
export function metaError(
  status: number,
  code: number,
  message: string,
  extra: { subcode?: number; details?: string; type?: string; headers?: Record<string, string> } = {},
): Fault {
  return {
    status,
    headers: extra.headers,
    body: {
      error: {
        message,
        type: extra.type ?? 'OAuthException',
        code,
        ...(extra.subcode === undefined ? {} : { error_subcode: extra.subcode }),
        ...(extra.details === undefined
          ? {}
          : { error_data: { messaging_product: 'whatsapp', details: extra.details } }),
        fbtrace_id: `Afake${++trace}`,
      },
    },
  };
}

export const faults = {
  tokenExpired: () =>
    metaError(401, 190, 'Error validating access token: Session has expired on Friday, 04-Dec-26 10:00:00 PST.', {
      subcode: 463,
    }),
  windowClosed: () =>
    metaError(400, 131047, 'Re-engagement message', {
      details:
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    }),
  throughput: () =>
    metaError(400, 130429, 'Rate limit hit', { details: 'Cloud API message throughput has been reached.' }),
  pairLimit: () => metaError(400, 131056, '(Business Account, Consumer Account) pair rate limit hit'),
  appLimit: () => metaError(400, 4, '(#4) Application request limit reached'),
  undeliverable: () => metaError(400, 131026, 'Message Undeliverable.'),
  notAllowed: () => metaError(400, 131030, 'Recipient phone number not in allowed list'),
  mediaUnsupported: () => metaError(400, 131053, 'Media upload error', { details: 'Unsupported file type.' }),
  templateParams: () => metaError(400, 132000, 'Number of parameters does not match the expected number of params'),
  templateMissing: () => metaError(404, 132001, 'Template name does not exist in the translation'),
  invalidParameter: () => metaError(400, 100, 'Invalid parameter'),
  serverError: () => metaError(500, 1, 'An unknown error occurred', { type: 'OAuthException' }),
  serviceUnavailable: () => metaError(503, 131016, 'Service unavailable'),
  tooManyRequests: (retryAfterS?: number): Fault => ({
    status: 429,
    raw: '',
    headers: retryAfterS === undefined ? {} : { 'retry-after': String(retryAfterS) },
  }),
  malformed: (): Fault => ({ status: 200, raw: '{"messages": [{"id": ' }),
  wrongShape: (): Fault => ({ status: 200, body: { messages: [{ wamid: 42 }] } }),
  slow: (delayMs: number): Fault => ({ delayMs }),
};
