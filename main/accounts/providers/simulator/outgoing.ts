/**
 * What the simulated phone does with an agent's send: the message as WhatsApp would store
 * it, its ticks (delivered, then read), and now and then the customer's reply or reaction.
 */
import type { MessageInput, ReactionInput } from '../../../../common/ingest';
import type { ProviderEvent } from '../../provider';
import { rngOf } from './rng';
import type { SimMessage, World } from './world';

export type OutgoingContext = {
  readonly accountId: string;
  readonly seed: number;
  /** The seed's tag in provider ids, so findMessage can tell the simulator's own ids. */
  readonly seedTag: string;
  readonly ackStepMs: number;
  readonly world: World;
  /** Messages outside the schedule, kept for lookups and catch-up. */
  readonly extras: Map<string, SimMessage>;
  readonly reactions: ReactionInput[];
  emit(event: ProviderEvent): void;
  later(ms: number, fn: () => void): void;
  isOnline(): boolean;
  deliverLive(m: SimMessage): void;
  /** The next number of a sent message (ids and the reply's dice). */
  nextSent(): number;
};

export function createOutgoing(ctx: OutgoingContext) {
  const chatOf = (jid: string) => ctx.world.chats.find(c => c.jid === jid);
  const sent = (
    chatJid: string,
    base: Omit<
      MessageInput,
      | 'accountId'
      | 'chatJid'
      | 'providerMessageId'
      | 'fromMe'
      | 'timestamp'
      | 'ack'
      | 'edited'
      | 'revoked'
      | 'author'
      | 'authorName'
      | 'location'
      | 'vcard'
    >,
  ): MessageInput => {
    const n = ctx.nextSent();
    const input: MessageInput = {
      ...base,
      accountId: ctx.accountId,
      chatJid,
      providerMessageId: `true_${chatJid}_${ctx.seedTag}OUT${Date.now().toString(36).toUpperCase()}${n}`,
      fromMe: true,
      author: null,
      authorName: null,
      location: null,
      vcard: null,
      timestamp: Date.now(),
      ack: 'sent',
      edited: false,
      revoked: false,
    };
    ctx.extras.set(input.providerMessageId, { input, followUps: [], mediaVariant: 0 });
    const ack = (step: 1 | 2) => () => {
      const value = step === 1 ? 'delivered' : 'read';
      const cur = ctx.extras.get(input.providerMessageId);
      if (cur) ctx.extras.set(input.providerMessageId, { ...cur, input: { ...cur.input, ack: value } });
      if (ctx.isOnline())
        ctx.emit({
          kind: 'ack',
          ack: { accountId: ctx.accountId, providerMessageId: input.providerMessageId, ack: value },
        });
    };
    ctx.later(ctx.ackStepMs, ack(1));
    ctx.later(ctx.ackStepMs * 2, ack(2));
    const chat = chatOf(chatJid);
    const rng = rngOf(ctx.seed, 'reply', n);
    if (chat && rng.chance(0.6)) {
      ctx.later(ctx.ackStepMs * 3, () => {
        const reply = ctx.world.extraMessage('reply', n, Date.now(), chat);
        ctx.extras.set(reply.input.providerMessageId, reply);
        if (ctx.isOnline()) ctx.deliverLive(reply);
      });
    }
    if (chat && !chat.isGroup && rng.chance(0.3)) {
      ctx.later(ctx.ackStepMs * 2 + 200, () => {
        const reaction = {
          accountId: ctx.accountId,
          providerMessageId: input.providerMessageId,
          senderJid: chat.jid,
          emoji: rng.pick(['👍', '🙏', '❤️']),
          timestamp: Date.now(),
        };
        ctx.reactions.push(reaction);
        if (ctx.isOnline()) ctx.emit({ kind: 'reaction', reaction });
      });
    }
    return input;
  };
  return { sent, chatOf };
}
