/**
 * reaction_requests (0024): the reactions members ask for with message:react. A desktop
 * number's is relayed to its host like every relayed request (relayed-requests.ts: stored
 * first under the client's id, queued until reported, settled once); a Cloud API number's
 * goes through Graph at once and is settled the same way.
 */
import type { WireReactionRequest } from '../../../../common/protocol-reactions';
import { reactionRequests } from '../schema';
import { relayedRequests, wireRelayedState } from './relayed-requests';

export type ReactionRequestRow = typeof reactionRequests.$inferSelect;

export const wireReactionRequest = (r: ReactionRequestRow): WireReactionRequest => ({
  clientReactionId: r.clientReactionId,
  accountId: r.accountId,
  chatId: r.chatId,
  chatJid: r.chatJid,
  providerMessageId: r.providerMessageId,
  emoji: r.emoji,
  state: wireRelayedState(r.state),
  error: r.error,
});

export const relayedReactions = relayedRequests(reactionRequests, reactionRequests.clientReactionId);
export const reactionRequestById = relayedReactions.byId;
export const insertReactionRequest = relayedReactions.insert;
export const settleReactionRequest = relayedReactions.settle;
