/**
 * What a simulated group's members send besides the schedule: a poll with its votes, and a
 * message that @mentions people, as whatsapp-web.js reports them (a `poll` message, then one
 * `vote` per voter; a body holding `@<digits>` with the mentioned jids beside it). The demo
 * sends a poll now and then; tests and trainers ask for either on demand
 * (`demo:simulate`, simulator control `customer_sends`), and a customer writing from a
 * hidden number (a lid only).
 */
import type { MessageInput, PollVoteInput } from '../../../../common/ingest';
import type { Rng } from './rng';
import type { SimChat, SimMessage, World } from './world';

export type GroupExtra = {
  readonly message: SimMessage;
  /** Votes to deliver after the poll, in order (none for a mention). */
  readonly votes: readonly Omit<PollVoteInput, 'timestamp'>[];
};

const RANDOM_POLLS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Jam buka favorit?', ['Pagi', 'Siang', 'Sore']],
  ['Which delivery day suits you?', ['Monday', 'Wednesday', 'Friday']],
  ['Warna mana yang lebih bagus?', ['Merah', 'Biru']],
];

/** The poll asked on demand: the same every time, so a test knows what to look for. */
export const ON_DEMAND_POLL = {
  question: 'Which delivery day suits you?',
  options: ['Monday', 'Wednesday', 'Friday'],
  /** Chosen by the group's members in order: two for Wednesday, one for Friday. */
  choices: ['Wednesday', 'Wednesday', 'Friday'],
} as const;

const asExtra = (base: SimMessage, over: Partial<MessageInput>): SimMessage => ({
  ...base,
  input: { ...base.input, caption: null, media: null, location: null, vcard: null, ...over },
  followUps: [],
});

/** A poll from the group's first member; `rng` picks a random one (the demo), else ON_DEMAND_POLL. */
export function pollExtra(world: World, chat: SimChat, tag: string, n: number, rng: Rng | null): GroupExtra {
  const base = world.extraMessage(tag, n, Date.now(), chat);
  const [question, options] = rng ? rng.pick(RANDOM_POLLS) : [ON_DEMAND_POLL.question, ON_DEMAND_POLL.options];
  const message = asExtra(base, {
    type: 'poll',
    body: question,
    poll: { question, options: [...options], multiple: false },
  });
  const pollId = message.input.providerMessageId;
  const voters = chat.people.filter(p => p.jid !== message.input.author);
  const choices: readonly string[] = rng ? [rng.pick(options)] : ON_DEMAND_POLL.choices;
  const votes = choices.flatMap((choice, i) => {
    const voter = rng ? voters[0] : chat.people[i % chat.people.length];
    return voter
      ? [{ accountId: message.input.accountId, providerMessageId: pollId, voterJid: voter.jid, options: [choice] }]
      : [];
  });
  return { message, votes };
}

/** A member @mentions another member and us, as WhatsApp writes it: `@<digits>` in the body. */
export function mentionExtra(world: World, chat: SimChat, tag: string, n: number): GroupExtra {
  const base = world.extraMessage(tag, n, Date.now(), chat);
  const sender = chat.people.find(p => p.jid === base.input.author) ?? chat.people[0];
  const other = chat.people.find(p => p.jid !== sender?.jid) ?? world.me;
  const body = `@${other.phone} @${world.me.phone} can you check order ${1000 + n} today?`;
  return { message: asExtra(base, { type: 'text', body, mentions: [other.jid, world.me.jid] }), votes: [] };
}

/**
 * A customer who hides their number writes to us: WhatsApp gives only a lid
 * (`<digits>@lid`, no phone, no name), so the inbox shows "Hidden number" (issue #20).
 */
export function hiddenNumberExtra(world: World, chat: SimChat, n: number): GroupExtra {
  const base = world.extraMessage('askhidden', n, Date.now(), chat);
  const digits = String(base.input.timestamp).slice(-8).padStart(8, '0');
  const lid = `2${digits}${String(n).padStart(5, '0')}@lid`;
  const message = asExtra(base, {
    chatJid: lid,
    author: null,
    authorName: null,
    fromMe: false,
    type: 'text',
    body: `Hello, is the item from your ad still available? (${n})`,
    quotedProviderMessageId: null,
  });
  return { message, votes: [] };
}
