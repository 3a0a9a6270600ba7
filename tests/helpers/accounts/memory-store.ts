/**
 * A faithful in-memory double of the SQLite store, behind the accounts ports: it validates
 * batches with the same zod schema, is idempotent on (accountId, providerMessageId), lets
 * real content replace a 'ciphertext' placeholder (never the reverse), never lowers an
 * ack, and answers per-chat watermarks when a catch-up begins.
 */
import type { Ack } from '../../../common/domain';
import type { ChatInput, ContactInput, IngestBatch, IngestBatchInput, MessageInput } from '../../../common/ingest';
import { ingestBatchSchema } from '../../../common/ingest';
import type { AccountRecord, AccountRegistry, IngestReport, IngestSink } from '../../../main/accounts/ports';
import { accountRecordSchema } from '../../../main/accounts/ports';

const ackRank: Readonly<Record<Ack, number>> = { failed: -1, pending: 0, sent: 1, delivered: 2, read: 3, played: 4 };

export type StoredMessage = MessageInput & { reactions: Map<string, string> };

export class MemoryStore implements AccountRegistry, IngestSink {
  readonly records = new Map<string, AccountRecord>();
  readonly messages = new Map<string, StoredMessage>();
  readonly chats = new Map<string, ChatInput>();
  readonly contacts = new Map<string, ContactInput>();
  /** Message inputs received, duplicates included: shows that idempotency was exercised. */
  messageInputs = 0;
  ingestCalls = 0;
  private listeners = new Set<(batch: IngestBatch, report: IngestReport) => void>();

  // ── AccountRegistry ───────────────────────────────────────────────────────────────────
  list(): AccountRecord[] {
    return [...this.records.values()];
  }
  save(record: AccountRecord): void {
    this.records.set(record.id, accountRecordSchema.parse(record));
  }
  remove(accountId: string): void {
    this.records.delete(accountId);
  }

  // ── IngestSink ────────────────────────────────────────────────────────────────────────
  ingest(input: IngestBatchInput): IngestReport {
    const batch = ingestBatchSchema.parse(input);
    this.ingestCalls++;
    let inserted = 0;
    let updated = 0;
    for (const c of batch.contacts) this.contacts.set(`${c.accountId}|${c.jid ?? c.lid}`, c);
    for (const c of batch.chats)
      this.chats.set(`${c.accountId}|${c.jid}`, { ...this.chats.get(`${c.accountId}|${c.jid}`), ...c });
    for (const m of batch.messages) {
      this.messageInputs++;
      const key = `${m.accountId}|${m.providerMessageId}`;
      const old = this.messages.get(key);
      if (!old) {
        this.messages.set(key, { ...m, reactions: new Map() });
        inserted++;
      } else if (old.type === 'ciphertext' && m.type !== 'ciphertext') {
        this.messages.set(key, { ...m, reactions: old.reactions });
        updated++;
      } else if (m.type !== 'ciphertext') {
        const ack = ackRank[m.ack] > ackRank[old.ack] ? m.ack : old.ack;
        this.messages.set(key, {
          ...old,
          ack,
          revoked: old.revoked || m.revoked,
          ...(m.edited ? { body: m.body, edited: true } : {}),
        });
      }
    }
    for (const a of batch.acks) {
      const m = this.messages.get(`${a.accountId}|${a.providerMessageId}`);
      if (m && ackRank[a.ack] > ackRank[m.ack]) m.ack = a.ack;
    }
    for (const e of batch.edits) {
      const m = this.messages.get(`${e.accountId}|${e.providerMessageId}`);
      if (m) Object.assign(m, { body: e.body, edited: true });
    }
    for (const r of batch.revokes) {
      const m = this.messages.get(`${r.accountId}|${r.providerMessageId}`);
      if (m) Object.assign(m, { revoked: true, body: null, caption: null });
    }
    for (const r of batch.reactions) {
      const m = this.messages.get(`${r.accountId}|${r.providerMessageId}`);
      if (!m) continue;
      if (r.emoji === '') m.reactions.delete(r.senderJid);
      else m.reactions.set(r.senderJid, r.emoji);
    }
    const report = { inserted, updated };
    for (const l of this.listeners) l(batch, report);
    return report;
  }

  /** Catch-ups that started and finished, per account (the real store keeps floors: catch-up.ts). */
  readonly catchUps = { begun: new Map<string, number>(), ended: new Map<string, number>() };

  endCatchUp(accountId: string): void {
    this.catchUps.ended.set(accountId, (this.catchUps.ended.get(accountId) ?? 0) + 1);
  }

  beginCatchUp(accountId: string): ReadonlyMap<string, number> {
    this.catchUps.begun.set(accountId, (this.catchUps.begun.get(accountId) ?? 0) + 1);
    const marks = new Map<string, number>();
    for (const m of this.messages.values()) {
      if (m.accountId !== accountId) continue;
      marks.set(m.chatJid, Math.max(marks.get(m.chatJid) ?? 0, m.timestamp));
    }
    return marks;
  }

  // ── test conveniences ─────────────────────────────────────────────────────────────────
  /** A sink over this store that shows each batch to `spy` first (what was stored, in which turn). */
  spiedSink(spy: (batch: IngestBatchInput) => void, report?: Partial<IngestReport>): IngestSink {
    return {
      ingest: batch => {
        spy(batch);
        return { ...this.ingest(batch), ...report };
      },
      beginCatchUp: accountId => this.beginCatchUp(accountId),
      endCatchUp: accountId => this.endCatchUp(accountId),
    };
  }

  onIngest(listener: (batch: IngestBatch, report: IngestReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  messagesOf(accountId: string): StoredMessage[] {
    return [...this.messages.values()].filter(m => m.accountId === accountId);
  }
  message(accountId: string, providerMessageId: string): StoredMessage | undefined {
    return this.messages.get(`${accountId}|${providerMessageId}`);
  }
}
