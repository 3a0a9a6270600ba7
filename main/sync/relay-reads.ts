/**
 * Read receipts across the workspace (chat:read, docs/protocol.md "Read receipts"), the
 * desktop's two halves. Reading a chat of a number hosted elsewhere tells the server, which
 * marks it read on WhatsApp (Graph for a Cloud number) or relays it to the number's host;
 * and this desktop, as a host, performs what the server relays (`read:requested`) through
 * the number's provider. Also wires the reaction relay, so workspace-sync.ts stays one line
 * per listener.
 */
import { recentIds } from './recent-ids';
import { wireReadRequestSchema } from '../../common/protocol-read-receipts';
import type { WireReadRequest } from '../../common/protocol-read-receipts';
import type { Logger } from '../platform/log';
import { parseLive } from './facts';
import type { SyncSocket } from './connection';
import type { RelayPort } from './relay';
import { createReactionRelay } from './relay-reactions';
import type { ReactionRelayDeps } from './relay-reactions';
import { createMessageChangeRelay } from './relay-message-changes';
import type { MessageChangeRelayDeps } from './relay-message-changes';

export type HostRelayDeps = Omit<ReactionRelayDeps, 'call'> & {
  readonly relay: Pick<RelayPort, 'reactForTeammate' | 'markReadForTeammate' | 'changeForTeammate'>;
  readonly call: ReactionRelayDeps['call'] & MessageChangeRelayDeps['call'];
};

/** The host's `read:requested` listener: the payload is parsed first, like every live event. */
export function createReadRelay(
  deps: Pick<HostRelayDeps, 'isHosted' | 'relay' | 'log'>,
): (raw: unknown) => Promise<void> {
  // The server relays each message once; a redelivery in this run is not performed again.
  const handled = recentIds();
  return async raw => {
    const r = parseLive(wireReadRequestSchema, 'read:requested', raw, deps.log);
    const key = r ? `${r.accountId}:${r.providerMessageId}` : '';
    if (!r || handled.has(key) || !deps.isHosted(r.accountId) || !deps.relay.markReadForTeammate) return;
    handled.add(key);
    try {
      await deps.relay.markReadForTeammate(r);
    } catch (err) {
      // A receipt is a courtesy: not worth a retry queue on the desktop (docs/protocol.md).
      deps.log.warn('relayed read receipt not sent', { accountId: r.accountId, err: String(err) });
    }
  };
}

/** Registers the host relays that are not sends (reactions, edits and deletes, read receipts) on a new socket. */
export function createHostRelays(deps: HostRelayDeps): { listen(s: SyncSocket): void } {
  const react = createReactionRelay(deps);
  const change = createMessageChangeRelay(deps);
  const read = createReadRelay(deps);
  return {
    listen(s) {
      s.on('reaction:requested', raw => void react(raw));
      s.on('message-change:requested', raw => void change(raw));
      s.on('read:requested', raw => void read(raw));
    },
  };
}

export type ChatReadDeps = {
  /** Numbers another desktop (or the server) hosts. */
  readonly isRemote: (accountId: string) => boolean;
  /**
   * Numbers this desktop hosts while it is signed in to a workspace: their reads go through
   * the server too, which applies the number's "Send read receipts", makes the read team
   * state and relays the receipt back to this desktop (`read:requested`, once per message).
   */
  readonly isHostedInWorkspace?: (accountId: string) => boolean;
  readonly call: (cmd: 'chat:read', args: { chatId: string }) => Promise<unknown>;
  readonly log: Logger;
};

/**
 * After the agent read a chat on this device: for a number hosted elsewhere, or hosted here
 * while signed in, the server is told so the customer gets a read receipt. Not awaited by
 * the inbox; offline, nothing is sent (the next read of the chat, once online, marks the
 * newest message).
 */
export function tellChatRead(deps: ChatReadDeps, chat: { id: string; accountId: string } | null): void {
  if (!chat || !(deps.isRemote(chat.accountId) || deps.isHostedInWorkspace?.(chat.accountId))) return;
  deps.call('chat:read', { chatId: chat.id }).catch((err: unknown) => {
    deps.log.info('read receipt not requested', { err: String(err) });
  });
}

export type { WireReadRequest };
