/**
 * History through whatsapp-web.js: catch-up after `ready` (the library reports only new
 * messages, so anything that arrived while we were away is fetched here) and older pages.
 */
import type { ContactInput, IngestBatchInput, MessageInput } from '../../../../common/ingest';
import type { CatchUpReport, OlderPage } from '../../provider';
import type { WebjsChat, WebjsClient, WebjsMessage } from './client';
import { chatInputOf, toMs } from './map';

// Small batches: main validates every message, and one batch is one turn of its event loop.
const BATCH = 100;

type MapMessage = (m: WebjsMessage) => MessageInput | null;
const mapAll = (got: readonly WebjsMessage[], map: MapMessage) =>
  got.map(map).filter((m): m is MessageInput => m !== null);

/**
 * The deepest one catch-up reaches into a chat. Each fetch loads every message up to its
 * limit into the page, so the cap is checked before asking: older ones come page by page
 * when the agent scrolls (loadOlder).
 */
export const CATCH_UP_MAX_PER_CHAT = 20_000;

/** Messages at or after the watermark, fetching deeper until the watermark is reached. */
async function missingMessages(chat: WebjsChat, map: MapMessage, mark: number | undefined, firstSync: number) {
  const first = Math.min(mark === undefined ? firstSync : 50, CATCH_UP_MAX_PER_CHAT);
  for (let limit = first; ; limit = Math.min(limit * 4, CATCH_UP_MAX_PER_CHAT)) {
    const got = await chat.fetchMessages({ limit });
    const mapped = mapAll(got, map);
    const oldest = Math.min(...mapped.map(m => m.timestamp));
    const reachedMark = mark === undefined || oldest <= mark || got.length < limit || limit >= CATCH_UP_MAX_PER_CHAT;
    if (reachedMark) return mark === undefined ? mapped : mapped.filter(m => m.timestamp >= mark);
  }
}

export async function catchUpChats(
  client: WebjsClient,
  accountId: string,
  map: MapMessage,
  watermarks: ReadonlyMap<string, number>,
  send: (batch: IngestBatchInput) => Promise<void>,
  firstSyncPerChat: number,
  /** The lid chats' contacts, paired with their phones where the library can (lid-pairs.ts). */
  pairLids: (client: WebjsClient, jids: readonly string[]) => Promise<ContactInput[]> = async () => [],
): Promise<CatchUpReport> {
  const chats = await client.getChats();
  // Lid chats paired first, so their chats and messages land in the phone chat from the start.
  const paired = await pairLids(
    client,
    chats.map(ch => ch.id._serialized),
  );
  for (let i = 0; i < paired.length; i += BATCH) await send({ contacts: paired.slice(i, i + BATCH) });
  for (let i = 0; i < chats.length; i += BATCH)
    await send({ chats: chats.slice(i, i + BATCH).map(ch => chatInputOf(accountId, ch)) });
  let messages = 0;
  let touched = 0;
  let batch: MessageInput[] = [];
  for (const chat of chats) {
    const mark = watermarks.get(chat.id._serialized);
    const last = toMs(chat.timestamp);
    // A chat whose last activity is older than what we have needs no fetch at all.
    if (mark !== undefined && last !== null && last < mark) continue;
    const fresh = await missingMessages(chat, map, mark, firstSyncPerChat);
    if (fresh.length) touched++;
    for (const m of fresh) {
      batch.push(m);
      messages++;
      if (batch.length >= BATCH) {
        await send({ messages: batch });
        batch = [];
      }
    }
  }
  if (batch.length) await send({ messages: batch });
  return { chats: touched, messages };
}

/**
 * How deep older history goes in one chat. Every fetch holds all the messages up to its
 * limit in WhatsApp Web's page, so paging stops here (the phone may have more).
 */
export const OLDER_MAX_DEPTH = 20_000;

/**
 * The `limit` newest messages older than `beforeMs` (null: from the newest), newest first.
 * The library's `fetchMessages({ limit })` returns a chat's newest `limit` messages and,
 * when the page holds fewer, loads earlier ones into the page first (`loadEarlierMsgs`);
 * fewer than asked means the phone has no more. So the limit grows: it starts at how deep
 * this chat was fetched before (`depths`, kept while the page lives) plus a page, and
 * doubles until `limit` older messages are in or the chat's beginning is reached.
 */
export async function olderMessages(
  chat: WebjsChat,
  map: MapMessage,
  beforeMs: number | null,
  limit: number,
  depths: Map<string, number>,
): Promise<OlderPage> {
  const before = beforeMs ?? Number.POSITIVE_INFINITY;
  const key = chat.id._serialized;
  let fetch = Math.min((depths.get(key) ?? 0) + limit, OLDER_MAX_DEPTH);
  for (;;) {
    const got = await chat.fetchMessages({ limit: fetch });
    depths.set(key, Math.max(depths.get(key) ?? 0, got.length));
    const older = mapAll(got, map)
      .filter(m => m.timestamp < before)
      .sort((a, b) => b.timestamp - a.timestamp);
    const atStart = got.length < fetch;
    const atLimit = !atStart && fetch >= OLDER_MAX_DEPTH;
    if (older.length >= limit || atStart || atLimit) {
      const more = older.length > limit;
      return {
        messages: older.slice(0, limit),
        hasMore: more || (!atStart && !atLimit),
        reachedLimit: atLimit && !more,
      };
    }
    fetch = Math.min(fetch * 2, OLDER_MAX_DEPTH);
  }
}
