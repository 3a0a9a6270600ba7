/**
 * Pushing what hosted accounts receive and send: batches from the persistent push queue,
 * at least once, with backoff. Rows leave the queue only after the server acked them; the
 * server upserts by key, so a batch pushed twice is stored once.
 */
import { MAX_PUSH_ITEMS, PUSH_WINDOW } from '../../common/protocol';
import { CommandError } from '../../common/result';
import type { Logger } from '../platform/log';
import type { IngestBatchInput } from '../../common/ingest';
import type { QueuedPush, Store } from '../store';
import { messageInputOfStored, voteInputsOfStored } from './message-inputs';
import { messageIdOf } from '../../common/domain';
import type { AccountId } from '../../common/domain';
import { isNotAccountMember } from './registration';

export type PushDeps = {
  readonly store: Store;
  readonly push: (payload: unknown) => Promise<unknown>;
  readonly isConnected: () => boolean;
  readonly signedIn: () => boolean;
  readonly log: Logger;
  /** After every pass, so the status (pending count) can be announced. */
  readonly onPassDone: () => void;
};

/** Contacts read per page when seeding: enough for few queue rows, small enough for one read. */
const SEED_CONTACTS_PAGE = 1000;

type InFlight = { readonly next: QueuedPush; readonly settled: Promise<unknown> };

type Kind = keyof IngestBatchInput;
/** The order the server applies a batch in: chats before their messages, messages before their updates. */
const KINDS: readonly Kind[] = ['contacts', 'chats', 'messages', 'acks', 'edits', 'revokes', 'reactions', 'votes'];

/**
 * A batch cut into pushes the server takes (at most `max` items each), kinds in the order
 * the server applies them. An ingest batch may hold 5,000 messages; pushed whole it would
 * be refused and, refused, dropped.
 */
export function pushParts(batch: IngestBatchInput, max = MAX_PUSH_ITEMS): IngestBatchInput[] {
  const parts: IngestBatchInput[] = [];
  let part: Partial<Record<Kind, unknown[]>> = {};
  let size = 0;
  for (const kind of KINDS) {
    const list: readonly unknown[] = batch[kind] ?? [];
    for (let i = 0; i < list.length;) {
      const take = Math.min(max - size, list.length - i);
      (part[kind] ??= []).push(...list.slice(i, i + take));
      size += take;
      i += take;
      if (size === max) {
        parts.push(part as IngestBatchInput);
        part = {};
        size = 0;
      }
    }
  }
  if (size > 0) parts.push(part as IngestBatchInput);
  return parts;
}

export function createPushQueue(deps: PushDeps) {
  const { store, log } = deps;
  let pushing = false;
  let timer: NodeJS.Timeout | null = null;
  let backoffMs = 1_000;

  function schedule(delayMs = 200): void {
    if (timer || !deps.signedIn()) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delayMs);
  }

  /**
   * Sends the queue head first, keeping up to PUSH_WINDOW batches in flight so the round
   * trip to the server is hidden behind its work on the previous batch (the server applies
   * a device's pushes in the order they were sent). Rows leave the queue only when their
   * batch is acked; after any failure the pass stops and the next one starts again from
   * the oldest unacked batch, which the server stores once however often it arrives.
   */
  async function flush(): Promise<void> {
    if (pushing || !deps.isConnected()) return;
    pushing = true;
    const inFlight: InFlight[] = [];
    try {
      let after = 0;
      for (;;) {
        while (inFlight.length < PUSH_WINDOW) {
          const next = store.peekPush(MAX_PUSH_ITEMS, after);
          if (!next) break;
          after = next.ids[next.ids.length - 1]!;
          const settled = deps.push(next.batch).then(
            () => null,
            (err: unknown) => err,
          );
          inFlight.push({ next, settled });
        }
        const head = inFlight.shift();
        if (!head) break;
        const err = await head.settled;
        if (err === null) {
          store.removePush(head.next.ids);
          backoffMs = 1_000;
          continue;
        }
        if ((err instanceof CommandError && err.code === 'invalid_args') || isNotAccountMember(err)) {
          // The server will never take this batch (or not while an admin keeps this member off
          // the number it holds); keeping it would block every other number's pushes behind it.
          log.error('push batch refused by the server, dropped', { items: head.next.items, err: String(err) });
          store.removePush(head.next.ids);
          continue;
        }
        log.warn('push failed, will retry', { err: String(err), inMs: backoffMs });
        schedule(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 60_000);
        break;
      }
    } finally {
      // Batches sent behind a failed one stay queued (the server refuses them, or stored them
      // already: either way the retry is safe). Wait for their answers before the next pass.
      await Promise.all(inFlight.map(f => f.settled));
      pushing = false;
      deps.onPassDone();
    }
  }

  /** Queues what hosted accounts stored, in parts the server takes. */
  function enqueue(batch: IngestBatchInput): void {
    for (const part of pushParts(withVotedPolls(batch))) store.enqueuePush(part);
  }

  /**
   * The server takes a vote only for a poll it has, and refuses the whole push otherwise: a
   * vote on a poll from before sign-in travels with its poll's message (an upsert by key,
   * harmless if the server has it), read from the store, which holds it by now.
   */
  function withVotedPolls(batch: IngestBatchInput): IngestBatchInput {
    const votes = batch.votes ?? [];
    if (votes.length === 0) return batch;
    const inBatch = new Set((batch.messages ?? []).map(m => `${m.accountId}:${m.providerMessageId}`));
    const missing = [...new Set(votes.map(v => messageIdOf(v.accountId as AccountId, v.providerMessageId)))].filter(
      id => !inBatch.has(id),
    );
    if (missing.length === 0) return batch;
    const polls = store
      .getMessages(missing)
      .filter(m => m.poll)
      .map(m => messageInputOfStored(m, m.chatId.slice(m.accountId.length + 1)));
    return { ...batch, messages: [...(batch.messages ?? []), ...polls] };
  }

  /** Everything this desktop hosts, queued once after sign-in so the team sees its history. */
  function seed(accountIds: readonly string[]): void {
    for (const accountId of accountIds) {
      // Contacts first: a teammate names people (chat titles, @mentions) from them.
      let after: string | null = '';
      do {
        const page = store.contactsForPush(accountId as AccountId, after, SEED_CONTACTS_PAGE);
        if (page.contacts.length > 0) enqueue({ contacts: page.contacts });
        after = page.next;
      } while (after !== null);
      let chatCursor: string | null = null;
      do {
        const page = store.inboxPage({ accountIds: [accountId], cursor: chatCursor, limit: 200 });
        enqueue({
          chats: page.items.map(c => ({
            accountId: c.accountId,
            jid: c.jid,
            isGroup: c.isGroup,
            name: c.name,
            ...(c.lastMessageAt ? { timestamp: c.lastMessageAt } : {}),
          })),
        });
        for (const chat of page.items) {
          const msgs = store.chatPage({ chatId: chat.id, limit: 200 }).messages;
          const reactions = msgs.flatMap(m =>
            m.reactions.map(r => ({ accountId: m.accountId, providerMessageId: m.providerMessageId, ...r })),
          );
          const votes = msgs.flatMap(voteInputsOfStored);
          enqueue({ messages: msgs.map(m => messageInputOfStored(m, chat.jid)), reactions, votes });
        }
        chatCursor = page.nextCursor;
      } while (chatCursor);
    }
  }

  return {
    schedule,
    flush,
    seed,
    enqueue,
    close(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
