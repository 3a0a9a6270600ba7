/**
 * Mentions shared with the team (0035): the WhatsApp ids a message @mentions, as its host
 * pushed them (`messages[].mentions`, at most 100 valid ids: checked at the push boundary),
 * read back with the message so a teammate's device shows names where the host does.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { MessageInput } from '../../../../common/ingest';
import type { RawExec, RawTx } from '../index';
import { keyOf } from './message-key';

const CHUNK = 1000;

function jidsOf(text: unknown): string[] {
  try {
    const v: unknown = JSON.parse(String(text));
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The mentions among pushed messages. A message pushed again with mentions replaces them (an
 * edit may change who is meant); one pushed without keeps the stored ones, as the desktop's
 * store does: a copy without them (an older desktop, an ack) must not erase them.
 */
export async function upsertMentions(tx: RawTx, messages: readonly MessageInput[]): Promise<void> {
  const rows = messages
    .filter(m => m.mentions && m.mentions.length > 0)
    .map(m => [m.accountId, m.providerMessageId, JSON.stringify([...new Set(m.mentions)])]);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.query(
      `insert into message_mentions (account_id, provider_message_id, jids) values ?
       on duplicate key update jids = values(jids)`,
      [rows.slice(i, i + CHUNK)],
    );
  }
}

/** The mentioned ids of these messages, keyed by keyOf; messages that mention no one are absent. */
export async function mentionsOf(
  raw: RawExec,
  keys: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [accountId, idSet] of keys) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const [rows] = await raw.query<RowDataPacket[]>(
        'select provider_message_id, jids from message_mentions where account_id = ? and provider_message_id in (?)',
        [accountId, ids.slice(i, i + CHUNK)],
      );
      for (const r of rows) {
        const jids = jidsOf(r['jids']);
        if (jids.length > 0) out.set(keyOf(accountId, String(r['provider_message_id'])), jids);
      }
    }
  }
  return out;
}

/**
 * The keys of messages among these rows that could mention someone, by account: a mention
 * is written `@<digits>` in the body or caption, so a message without an `@` is not looked
 * up (most are not).
 */
export function mentionKeysOf(
  rows: Iterable<{ accountId: string; providerMessageId: string; body: string | null; caption: string | null }>,
) {
  const out = new Map<string, Set<string>>();
  for (const m of rows) {
    if (!m.body?.includes('@') && !m.caption?.includes('@')) continue;
    out.set(m.accountId, (out.get(m.accountId) ?? new Set()).add(m.providerMessageId));
  }
  return out;
}
