/**
 * Reactions pushed by host devices, and read back with their messages. One row per
 * (message, sender); the newest wins whatever order pushes arrive in, and a removal stays
 * as an empty emoji so that devices which still show the old one learn it is gone.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { ReactionInput } from '../../../../common/ingest';
import type { WireMessage, WireReaction } from '../../../../common/protocol';
import type { RawExec, RawTx } from '../index';
import type { MessageRow } from './chats';
import { toWireMessage } from './chats';
import { keyOf } from './message-key';
import { pollKeysOf, pollsOf } from './polls';
import { mentionKeysOf, mentionsOf } from './mentions';

/** As devices receive it: '' is a removal. */
export type StoredReaction = WireReaction;

const CHUNK = 1000;

export async function applyReactions(tx: RawTx, list: readonly ReactionInput[]): Promise<void> {
  // One row per (message, sender) in a statement: MySQL applies duplicates in it one by one,
  // and the newest of them is the one that counts anyway.
  const newest = new Map<string, ReactionInput>();
  for (const r of list) {
    const k = `${keyOf(r.accountId, r.providerMessageId)}\u0000${r.senderJid}`;
    const seen = newest.get(k);
    if (!seen || r.timestamp >= seen.timestamp) newest.set(k, r);
  }
  const rows = [...newest.values()].map(r => [r.accountId, r.providerMessageId, r.senderJid, r.emoji, r.timestamp]);
  for (let i = 0; i < rows.length; i += CHUNK) {
    // emoji is assigned before reacted_at: it compares against the stored time, not the new one.
    await tx.query(
      `insert into message_reactions (account_id, provider_message_id, sender_jid, emoji, reacted_at) values ?
       on duplicate key update
         emoji = if(values(reacted_at) >= reacted_at, values(emoji), emoji),
         reacted_at = greatest(reacted_at, values(reacted_at))`,
      [rows.slice(i, i + CHUNK)],
    );
  }
}

/**
 * The reactions of these messages (by account, provider ids), keyed by keyOf,
 * removals included. Messages without any are absent.
 */
export async function reactionsOf(
  raw: RawExec,
  byAccount: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, StoredReaction[]>> {
  const out = new Map<string, StoredReaction[]>();
  if (byAccount.size === 0) return out;
  // Most accounts have no reactions at all: one cheap look at the key's first column spares
  // looking up every message of a 1,000-message push on the live-delivery path.
  const [withAny] = await raw.query<RowDataPacket[]>(
    'select distinct account_id from message_reactions where account_id in (?)',
    [[...byAccount.keys()]],
  );
  const accounts = new Set(withAny.map(r => String(r['account_id'])));
  for (const [accountId, idSet] of byAccount) {
    if (!accounts.has(accountId)) continue;
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const [rows] = await raw.query<RowDataPacket[]>(
        `select provider_message_id, sender_jid, emoji, reacted_at from message_reactions
         where account_id = ? and provider_message_id in (?)`,
        [accountId, ids.slice(i, i + CHUNK)],
      );
      for (const r of rows) {
        const key = keyOf(accountId, String(r['provider_message_id']));
        const list = out.get(key) ?? [];
        list.push({
          senderJid: String(r['sender_jid']),
          emoji: String(r['emoji']),
          timestamp: Number(r['reacted_at']),
        });
        out.set(key, list);
      }
    }
  }
  return out;
}

/** Messages read from the database as devices receive them, their reactions (polls' votes, mentions) included. */
export async function wireMessagesOf(raw: RawExec, rows: readonly MessageRow[]): Promise<WireMessage[]> {
  const byAccount = new Map<string, Set<string>>();
  for (const m of rows) {
    const ids = byAccount.get(m.accountId) ?? new Set<string>();
    ids.add(m.providerMessageId);
    byAccount.set(m.accountId, ids);
  }
  const reactions = rows.length ? await reactionsOf(raw, byAccount) : new Map<string, StoredReaction[]>();
  const [polls, mentions] = await Promise.all([pollsOf(raw, pollKeysOf(rows)), mentionsOf(raw, mentionKeysOf(rows))]);
  return rows.map(m => {
    const key = keyOf(m.accountId, m.providerMessageId);
    return toWireMessage(m, reactions.get(key), polls.get(key), mentions.get(key));
  });
}
