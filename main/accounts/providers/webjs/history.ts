/**
 * History through whatsapp-web.js: catch-up after `ready` (the library reports only new
 * messages, so anything that arrived while we were away is fetched here) and older pages.
 */
import type { IngestBatchInput, MessageInput } from '../../../../common/ingest';
import type { CatchUpReport } from '../../provider';
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
): Promise<CatchUpReport> {
  const chats = await client.getChats();
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

/** The `limit` newest messages older than `beforeMs` (null: from the newest), newest first. */
export async function olderMessages(chat: WebjsChat, map: MapMessage, beforeMs: number | null, limit: number) {
  const before = beforeMs ?? Number.POSITIVE_INFINITY;
  let older: MessageInput[] = [];
  for (let fetch = limit; fetch <= 5000; fetch *= 4) {
    const got = await chat.fetchMessages({ limit: fetch });
    older = mapAll(got, map).filter(m => m.timestamp < before);
    if (older.length >= limit || got.length < fetch) break;
  }
  return older.sort((a, b) => b.timestamp - a.timestamp).slice(0, limit);
}
