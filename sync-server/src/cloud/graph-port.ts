/**
 * What the Cloud API runtime needs from a Graph API client (cloud-api/graph/ implements it),
 * as a port: the handlers and workers are tested against the loopback Graph server through
 * the real client, and nothing here knows about HTTP.
 */
export type GraphErrorCode =
  | 'token_expired'
  | 'window_closed'
  | 'rate_limited'
  | 'invalid_number'
  | 'media_too_large'
  | 'media_unsupported'
  | 'template_invalid'
  | 'not_found'
  | 'bad_request'
  | 'unavailable';
export type GraphError = { code: GraphErrorCode; metaCode: number | null; detail: string; retryable: boolean };
export type GraphResult<T> = { ok: true; value: T } | { ok: false; error: GraphError };

export type GraphPort = {
  phoneNumberInfo(): Promise<
    GraphResult<{ displayPhoneNumber: string; verifiedName: string; qualityRating: string | null }>
  >;
  sendText(to: string, body: string, o?: { replyTo?: string }): Promise<GraphResult<{ wamid: string }>>;
};

/** The credentials of one number: the runtime builds a client per number from its row. */
export type GraphCredentials = { phoneNumberId: string; wabaId: string; accessToken: string };
export type GraphFactory = (c: GraphCredentials) => GraphPort;

/** What the rest of the server may ask of the Cloud API runtime (Services.cloud). */
export type CloudHooks = {
  readonly graph: GraphFactory;
  /** A webhook body was stored: store its messages now rather than at the next poll. */
  kickInbox(): void;
  /** A send to a Cloud number was queued: perform it now. */
  kickSends(): void;
};
