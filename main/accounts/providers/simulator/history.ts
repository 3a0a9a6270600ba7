/**
 * What the simulated server knows about past messages: their final state (edits and
 * deletions applied), the catch-up a linked device gets after being away, and older pages
 * of a chat. All of it regenerated from the seed, nothing stored.
 */
import type { IngestBatchInput, MessageInput, ReactionInput } from '../../../../common/ingest';
import type { CatchUpReport, OlderPage, ProviderEvent } from '../../provider';
import type { FollowUp, SimMessage, World } from './world';

// Small batches: main validates every message, and one batch is one turn of its event loop.
const BATCH = 100;

/** A message as the server knows it at `now`; reactions so far go to `reactionsOut`. */
export function finalState(m: SimMessage, now: number, reactionsOut: ReactionInput[]): MessageInput {
  let input = m.input;
  for (const f of m.followUps) {
    if (input.timestamp + f.afterMs > now) continue;
    if (f.kind === 'edit') input = { ...input, body: f.body, edited: true };
    if (f.kind === 'revoke') input = { ...input, revoked: true, body: null, caption: null };
    if (f.kind === 'reaction') reactionsOut.push(reactionOf(input, f));
  }
  return input;
}

const reactionOf = (input: MessageInput, f: Extract<FollowUp, { kind: 'reaction' }>): ReactionInput => ({
  accountId: input.accountId,
  providerMessageId: input.providerMessageId,
  senderJid: f.senderJid,
  emoji: f.emoji,
  timestamp: input.timestamp + f.afterMs,
});

/** A follow-up as the live event the phone sends at its time. */
export function followUpEvent(m: SimMessage, f: FollowUp): ProviderEvent {
  const { accountId, providerMessageId, timestamp } = m.input;
  const at = timestamp + f.afterMs;
  switch (f.kind) {
    case 'edit':
      return { kind: 'edit', edit: { accountId, providerMessageId, body: f.body, editedAt: at } };
    case 'revoke':
      return { kind: 'revoke', revoke: { accountId, providerMessageId, revokedAt: at } };
    case 'reaction':
      return { kind: 'reaction', reaction: reactionOf(m.input, f) };
  }
}

/** Every message at or after its chat's watermark, in batches, chats and contacts first. */
export async function catchUpWorld(
  world: World,
  extras: readonly SimMessage[],
  reactions: readonly ReactionInput[],
  watermarks: ReadonlyMap<string, number>,
  send: (batch: IngestBatchInput) => Promise<void>,
): Promise<CatchUpReport> {
  const now = Date.now();
  let batch: { messages: MessageInput[]; reactions: ReactionInput[] } = { messages: [], reactions: [] };
  const lastActivity = new Map<string, number>();
  const touched = new Set<string>();
  let count = 0;
  const take = async (m: SimMessage) => {
    const input = finalState(m, now, batch.reactions);
    lastActivity.set(input.chatJid, Math.max(lastActivity.get(input.chatJid) ?? 0, input.timestamp));
    const mark = watermarks.get(input.chatJid);
    if (mark !== undefined && input.timestamp < mark) return;
    batch.messages.push(input);
    touched.add(input.chatJid);
    count++;
    if (batch.messages.length >= BATCH) {
      await send(batch);
      batch = { messages: [], reactions: [] };
    }
  };
  await send({ contacts: world.contactInputs(), chats: world.chatInputs(new Map()) });
  // When every chat has a watermark, start at the oldest one instead of the beginning.
  const allKnown = world.chats.every(c => watermarks.has(c.jid));
  const oldestMark = Math.min(...world.chats.map(c => watermarks.get(c.jid) ?? 0));
  const first = allKnown ? Math.max(0, world.lastIndexAt(oldestMark - 1)) : 0;
  for (let k = first, last = world.lastIndexAt(now); k <= last; k++) await take(world.message(k));
  for (const m of extras) if (m.input.timestamp <= now) await take(m);
  batch.reactions.push(...reactions);
  await send({ ...batch, chats: world.chatInputs(lastActivity) });
  return { chats: touched.size, messages: count };
}

/** Time between two messages of a chat's older history (before the first sync). */
const OLDER_GAP_MS = 47 * 60_000;

/**
 * What the simulated phone holds before the history a new device syncs: `count` messages
 * per chat, before the world's first message, regenerated from the seed. Only older-history
 * requests reach them, as on a real phone; `n` 0 is the newest.
 */
export function olderHistoryOf(world: World, chatJid: string, count: number): SimMessage[] {
  const index = world.chats.findIndex(c => c.jid === chatJid);
  const chat = world.chats[index];
  if (!chat) return [];
  const start = Math.min(world.timeOf(0), Date.now());
  // Chats are offset by a few seconds so two chats never share a millisecond.
  return Array.from({ length: count }, (_, n) =>
    world.extraMessage(`old${index.toString(36)}x`, n, start - (n + 1) * OLDER_GAP_MS - index * 1000, chat),
  );
}

/** The `limit` newest messages of a chat older than `beforeMs`, newest first, and whether more exist. */
export function olderMessages(
  world: World,
  extras: Iterable<SimMessage>,
  older: readonly SimMessage[],
  chatJid: string,
  beforeMs: number,
  limit: number,
): OlderPage {
  const found: MessageInput[] = [];
  const ignored: ReactionInput[] = [];
  for (let k = world.lastIndexAt(beforeMs - 1); k >= 0 && found.length <= limit; k--) {
    const m = world.message(k);
    if (m.input.chatJid === chatJid) found.push(finalState(m, Date.now(), ignored));
  }
  for (const m of [...extras, ...older])
    if (m.input.chatJid === chatJid && m.input.timestamp < beforeMs) found.push(m.input);
  const sorted = found.sort((a, b) => b.timestamp - a.timestamp);
  return { messages: sorted.slice(0, limit), hasMore: sorted.length > limit, reachedLimit: false };
}
