/**
 * What the Cloud API runtime needs from the Graph API client (cloud-api/graph/): the
 * handlers and workers are given a factory, so nothing here knows about HTTP.
 */
import type { GraphClient } from '../cloud-api/graph';

export type GraphPort = Pick<
  GraphClient,
  | 'phoneNumberInfo'
  | 'sendText'
  | 'downloadMedia'
  | 'listTemplates'
  | 'sendTemplate'
  | 'sendReaction'
  | 'uploadMediaStream'
  | 'sendMedia'
  | 'markRead'
>;

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
  /** A read receipt for a Cloud number was queued: send it now. */
  kickReads(): void;
};
