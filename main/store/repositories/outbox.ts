/**
 * The outbox: a composed message is stored with its client message id in the same
 * transaction as its optimistic chat row, then moves queued → sending → sent | failed.
 */
import { z } from 'zod';
import type { AccountId, Chat, ChatId, ClientMessageId, Message, OutboxState } from '../../../common/domain';
import { messageIdOf } from '../../../common/domain';
import { mediaInputSchema } from '../../../common/ingest';
import type { StoreDb } from '../db';
import { inTransaction } from '../db';
import { emptyReport, withIngestContext } from '../ingest';
import { touch } from '../ingest/context';
import { beforeRewrite } from '../ingest/search-index';
import { upsertMessage } from '../ingest/messages';
import { ensureChat } from '../ingest/people';
import { ackCode } from '../rows';
import { getChat } from './chats';
import { getMessages } from './messages';

export const outboxPayloadSchema = z.object({
  type: z.enum(['text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contact_card']),
  body: z.string().max(65_536).nullable().default(null),
  caption: z.string().max(65_536).nullable().default(null),
  media: mediaInputSchema.nullable().default(null),
  quotedProviderMessageId: z.string().min(1).max(200).nullable().default(null),
});
export type OutboxPayload = z.infer<typeof outboxPayloadSchema>;

export type OutboxEntry = {
  readonly clientMessageId: ClientMessageId;
  readonly accountId: AccountId;
  readonly chatId: ChatId;
  readonly payload: OutboxPayload;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly providerMessageId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
};

type OutboxRow = {
  client_message_id: string;
  account_id: string;
  chat_id: string;
  payload: string;
  state: string;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: number;
  updated_at: number;
};

const entryOf = (r: OutboxRow): OutboxEntry => ({
  clientMessageId: r.client_message_id as ClientMessageId,
  accountId: r.account_id as AccountId,
  chatId: r.chat_id as ChatId,
  payload: outboxPayloadSchema.parse(JSON.parse(r.payload)),
  state: r.state as OutboxState,
  attempts: r.attempts,
  lastError: r.last_error,
  providerMessageId: r.provider_message_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The optimistic row's provider id until the provider names the message. */
export const localProviderId = (clientMessageId: string): string => `local:${clientMessageId}`;

export type EnqueueRequest = {
  readonly clientMessageId: ClientMessageId;
  readonly accountId: AccountId;
  readonly chatJid: string;
  readonly payload: z.input<typeof outboxPayloadSchema>;
  readonly now?: number;
};

export type Enqueued = { readonly entry: OutboxEntry; readonly message: Message; readonly chat: Chat };

/** The outbox commit is the one a user would notice losing, so it alone is synced to disk with FULL. */
function durably<T>(db: StoreDb, fn: () => T): T {
  db.sqlite.pragma('synchronous = FULL');
  try {
    return fn();
  } finally {
    db.sqlite.pragma('synchronous = NORMAL');
  }
}

export function enqueueOutgoing(db: StoreDb, req: EnqueueRequest): Enqueued {
  const payload = outboxPayloadSchema.parse(req.payload);
  const now = req.now ?? Date.now();
  const report = emptyReport();
  const chatId = durably(db, () =>
    withIngestContext(db, now, report, ctx => {
      const chat = ensureChat(ctx, req.accountId, req.chatJid, now);
      db.prepare(
        `INSERT INTO outbox (client_message_id, account_id, chat_id, payload, state, attempts, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'queued', 0, ?, ?)`,
      ).run(req.clientMessageId, req.accountId, chat.id, JSON.stringify(payload), now, now);
      upsertMessage(ctx, {
        accountId: req.accountId,
        chatJid: req.chatJid,
        providerMessageId: localProviderId(req.clientMessageId),
        fromMe: true,
        author: null,
        authorName: null,
        type: payload.type,
        body: payload.body,
        caption: payload.caption,
        media: payload.media,
        location: null,
        vcard: null,
        quotedProviderMessageId: payload.quotedProviderMessageId,
        timestamp: now,
        ack: 'pending',
        edited: false,
        revoked: false,
        clientMessageId: req.clientMessageId,
      });
      return chat.id;
    }),
  );
  const entry = getOutboxEntry(db, req.clientMessageId);
  const [message] = getMessages(db, [messageIdOf(req.accountId, localProviderId(req.clientMessageId))]);
  const chat = getChat(db, chatId);
  if (!entry || !message || !chat) throw new Error('outbox: the enqueued message was not stored');
  return { entry, message, chat };
}

export function getOutboxEntry(db: StoreDb, clientMessageId: ClientMessageId): OutboxEntry | null {
  const row = db.prepare('SELECT * FROM outbox WHERE client_message_id = ?').get(clientMessageId) as
    OutboxRow | undefined;
  return row ? entryOf(row) : null;
}

/** What still has to go out, oldest first. `sending` rows are there after a crash mid-send. */
export function listPendingOutbox(db: StoreDb, accountId?: AccountId): OutboxEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM outbox WHERE state IN ('queued', 'sending') AND (@account IS NULL OR account_id = @account)
       ORDER BY created_at, client_message_id`,
    )
    .all({ account: accountId ?? null }) as OutboxRow[];
  return rows.map(entryOf);
}

/** queued | failed → sending, counting the attempt. Null when the entry is not in a state that may be sent. */
export function markOutboxSending(db: StoreDb, clientMessageId: ClientMessageId, now = Date.now()): OutboxEntry | null {
  const r = db
    .prepare(
      `UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?
       WHERE client_message_id = ? AND state IN ('queued', 'failed')`,
    )
    .run(now, clientMessageId);
  return r.changes > 0 ? getOutboxEntry(db, clientMessageId) : null;
}

/** → failed with the reason; the optimistic message shows the failed mark. */
export function markOutboxFailed(
  db: StoreDb,
  clientMessageId: ClientMessageId,
  error: string,
  now = Date.now(),
): OutboxEntry | null {
  return inTransaction(db, () => {
    const r = db
      .prepare(
        `UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ?
         WHERE client_message_id = ? AND state IN ('queued', 'sending')`,
      )
      .run(error.slice(0, 2000), now, clientMessageId);
    if (r.changes === 0) return null;
    db.prepare('UPDATE messages SET ack = ? WHERE client_message_id = ? AND ack <= ?').run(
      ackCode('failed'),
      clientMessageId,
      ackCode('pending'),
    );
    return getOutboxEntry(db, clientMessageId);
  });
}

/**
 * → sent: the provider named the message. The optimistic row takes the real provider id;
 * if the provider's echo was already ingested as its own row, the optimistic one is dropped.
 * A late success after a failure counts (the message did go out).
 */
export function confirmOutboxSent(
  db: StoreDb,
  clientMessageId: ClientMessageId,
  providerMessageId: string,
  now = Date.now(),
): OutboxEntry | null {
  const entry = getOutboxEntry(db, clientMessageId);
  if (!entry) return null;
  if (entry.state === 'sent') return entry.providerMessageId === providerMessageId ? entry : null;
  const report = emptyReport();
  withIngestContext(db, now, report, ctx => {
    db.prepare(
      `UPDATE outbox SET state = 'sent', provider_message_id = ?, last_error = NULL, updated_at = ?
       WHERE client_message_id = ?`,
    ).run(providerMessageId, now, clientMessageId);
    const echo = db
      .prepare('SELECT seq FROM messages WHERE account_id = ? AND provider_message_id = ?')
      .pluck()
      .get(entry.accountId, providerMessageId);
    if (echo !== undefined) {
      beforeRewrite(ctx);
      db.prepare('DELETE FROM messages WHERE client_message_id = ? AND seq <> ?').run(clientMessageId, echo);
      db.prepare('UPDATE messages SET client_message_id = ? WHERE seq = ?').run(clientMessageId, echo);
    } else {
      db.prepare('UPDATE messages SET provider_message_id = ?, ack = max(ack, ?) WHERE client_message_id = ?').run(
        providerMessageId,
        ackCode('sent'),
        clientMessageId,
      );
    }
    touch(ctx, entry.chatId).recompute = true;
  });
  return getOutboxEntry(db, clientMessageId);
}

/** failed → queued, when the user taps "retry". */
export function requeueOutbox(db: StoreDb, clientMessageId: ClientMessageId, now = Date.now()): OutboxEntry | null {
  return inTransaction(db, () => {
    const r = db
      .prepare(`UPDATE outbox SET state = 'queued', updated_at = ? WHERE client_message_id = ? AND state = 'failed'`)
      .run(now, clientMessageId);
    if (r.changes === 0) return null;
    db.prepare('UPDATE messages SET ack = ? WHERE client_message_id = ? AND ack = ?').run(
      ackCode('pending'),
      clientMessageId,
      ackCode('failed'),
    );
    return getOutboxEntry(db, clientMessageId);
  });
}
