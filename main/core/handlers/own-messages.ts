/**
 * Editing and deleting our own sent messages (messages:edit, messages:delete). The phone
 * session that sent the message must change it: on a number this desktop hosts it is asked
 * here; on a teammate's number the server relays the change to its host (message:change),
 * which performs it through applyOwnChange below, the same path. The result reaches the
 * store through the provider's edit or revoke event, as the phone's would.
 */
import { randomUUID } from 'node:crypto';
import type { messagesCommands } from '../../../common/api/messages';
import type { Chat, Message, MessageId } from '../../../common/domain';
import { asAccountId, messageIdOf } from '../../../common/domain';
import type { MessageActionRefusal } from '../../../common/message-actions';
import type { MessageChange, WireMessageChange } from '../../../common/protocol-message-changes';
import { CLOUD_PROVIDER } from '../../../common/cloud/ids';
import { editRefusal, revokeRefusal } from '../../../common/message-actions';
import { CommandError } from '../../../common/result';
import type { AccountManager } from '../../accounts/manager';
import type { MessageActionOutcome } from '../../accounts/provider';
import type { Store } from '../../store';
import type { HandlerTable } from '../router';

type OwnMessageHandlers = Pick<
  HandlerTable,
  Extract<keyof typeof messagesCommands, 'messages:edit' | 'messages:delete'>
>;

const REFUSED: Record<MessageActionRefusal, [CommandError['code'], string, string]> = {
  forbidden: ['forbidden', 'Only our own sent messages can be changed.', 'not_own'],
  invalid_args: ['invalid_args', 'WhatsApp does not allow this for that kind of message.', 'wrong_type'],
  too_late: ['too_late', 'WhatsApp no longer allows this for that message.', 'window_passed'],
};

function refuse(why: MessageActionRefusal): never {
  const [code, message, reason] = REFUSED[why];
  throw new CommandError(code, message, { reason });
}

function outcomeOf(outcome: MessageActionOutcome): null {
  if (outcome === 'done') return null;
  if (outcome === 'not_found') throw new CommandError('not_found', 'That message is no longer on WhatsApp.');
  return refuse(outcome === 'not_ours' ? 'forbidden' : 'too_late');
}

/** A teammate's number: the change goes to the server (message:change), which relays it to the host. */
export type RemoteChange = (args: MessageChange) => Promise<WireMessageChange>;

type Change = { readonly kind: 'edit' | 'delete'; readonly text: string | null };

/** The checks and the provider call of a change, on a number hosted here (also for a teammate's relayed one). */
export async function applyOwnChange(
  accounts: Pick<AccountManager, 'request'>,
  target: { message: Message; chat: Chat },
  change: Change,
): Promise<null> {
  const { message, chat } = target;
  const why = change.kind === 'edit' ? editRefusal(message, Date.now()) : revokeRefusal(message, Date.now());
  if (why) refuse(why);
  const outcome =
    change.kind === 'edit'
      ? await accounts.request(message.accountId, {
          op: 'editMessage',
          chatJid: chat.jid,
          providerMessageId: message.providerMessageId,
          text: change.text ?? '',
        })
      : await accounts.request(message.accountId, {
          op: 'deleteMessage',
          chatJid: chat.jid,
          providerMessageId: message.providerMessageId,
        });
  return outcomeOf(outcome);
}

/** A stored message and its chat, or not_found. */
export function ownTarget(store: Store, messageId: string): { message: Message; chat: Chat } {
  const message = store.getMessages([messageId as MessageId])[0];
  if (!message) throw new CommandError('not_found', 'That message is not on this device.');
  const chat = store.getChat(message.chatId);
  if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
  return { message, chat };
}

/** How long a relayed change waits for its number to be ready (the host just started, say). */
const READY_WAIT_MS = 60_000;

/** Resolves once the number is ready, or after `ms` (the change then fails as `unavailable`). */
async function readyOrLater(accounts: Pick<AccountManager, 'list'>, accountId: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!accounts.list().some(a => a.id === accountId && a.state === 'ready') && Date.now() < end)
    await new Promise(r => setTimeout(r, 250));
}

/**
 * The host's side of a teammate's relayed change (RelayPort.changeForTeammate): the hosted
 * path, checks and provider call included; a refusal throws its CommandError code. The
 * server offers queued changes as soon as the host connects, often before its numbers are
 * ready again, so it first waits for the number (as the outbox waits for ready).
 */
export function teammateChange(
  store: Store,
  accounts: Pick<AccountManager, 'request' | 'list'>,
  waitMs = READY_WAIT_MS,
): (c: WireMessageChange) => Promise<void> {
  return async c => {
    await readyOrLater(accounts, c.accountId, waitMs);
    await applyOwnChange(accounts, ownTarget(store, messageIdOf(asAccountId(c.accountId), c.providerMessageId)), c);
  };
}

export function ownMessageHandlers(
  store: Store,
  accounts: Pick<AccountManager, 'request'>,
  isRemote: (accountId: string) => boolean,
  remoteChange?: RemoteChange,
): OwnMessageHandlers {
  const run = async (messageId: string, change: Change): Promise<null> => {
    const target = ownTarget(store, messageId);
    const account = store.getAccount(target.message.accountId);
    const remote = isRemote(target.message.accountId);
    // Not a number of this desktop, nor one the workspace relays for us (signed out): its phone session is elsewhere.
    if (!account || (remote && !remoteChange))
      throw new CommandError('forbidden', 'This number runs elsewhere: its messages cannot be changed here.', {
        reason: 'not_hosted',
      });
    // Graph has no call that edits or deletes a sent message.
    if (account.provider === CLOUD_PROVIDER)
      throw new CommandError('unsupported', 'Cloud API numbers cannot edit or delete sent messages.');
    if (!remote || !remoteChange) return applyOwnChange(accounts, target, change);
    // Refused here as the host would: the user hears at once, without a round trip.
    const why =
      change.kind === 'edit' ? editRefusal(target.message, Date.now()) : revokeRefusal(target.message, Date.now());
    if (why) refuse(why);
    // Queued on the server until the host applies it; the outcome comes back as messages:change-settled.
    await remoteChange({
      clientChangeId: randomUUID(),
      chatId: target.chat.id,
      providerMessageId: target.message.providerMessageId,
      kind: change.kind,
      text: change.text,
    });
    return null;
  };
  return {
    'messages:edit': ({ messageId, text }) => run(messageId, { kind: 'edit', text }),
    'messages:delete': ({ messageId }) => run(messageId, { kind: 'delete', text: null }),
  };
}
