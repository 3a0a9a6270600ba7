/**
 * Polls shared with the team (0032): a poll's question and options as its host pushed them
 * (`messages[].poll`), and each voter's current choice (`votes`), read back with the poll's
 * message. A vote must name a poll the server has: the push is refused otherwise, so a
 * device cannot fill the table with votes for messages that do not exist.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { MessageInput, PollVoteInput } from '../../../../common/ingest';
import type { WirePoll, WirePollVote } from '../../../../common/protocol';
import { UNKNOWN_POLL } from '../../../../common/protocol';
import { CommandError } from '../../../../common/result';
import type { RawExec, RawTx } from '../index';
import type { TouchedMessage } from './push';
import { keyOf } from './message-key';

const CHUNK = 1000;

function byAccount<T extends { accountId: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) out.set(item.accountId, [...(out.get(item.accountId) ?? []), item]);
  return out;
}

function stringsOf(text: unknown): string[] {
  try {
    const v: unknown = JSON.parse(String(text));
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/** The polls among pushed messages; a poll pushed again keeps its first definition (WhatsApp never changes one). */
export async function upsertPolls(tx: RawTx, messages: readonly MessageInput[]): Promise<void> {
  const rows = messages
    .filter(m => m.type === 'poll' && m.poll)
    .map(m => [m.accountId, m.providerMessageId, m.poll!.question, JSON.stringify(m.poll!.options), m.poll!.multiple]);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.query(
      `insert into message_polls (account_id, provider_message_id, question, options, multiple) values ?
       on duplicate key update question = question`,
      [rows.slice(i, i + CHUNK)],
    );
  }
}

/** The (account, provider id) keys among these that name a stored poll. */
async function knownPolls(raw: RawExec, keys: ReadonlyMap<string, ReadonlySet<string>>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const [accountId, idSet] of keys) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const [rows] = await raw.query<RowDataPacket[]>(
        'select provider_message_id from message_polls where account_id = ? and provider_message_id in (?)',
        [accountId, ids.slice(i, i + CHUNK)],
      );
      for (const r of rows) out.add(keyOf(accountId, String(r['provider_message_id'])));
    }
  }
  return out;
}

/**
 * Votes, the newest per (poll, voter) kept. Throws `invalid_args` (UNKNOWN_POLL) when a vote
 * names no stored poll, which rolls the whole push back. Returns the polls' messages that
 * are stored, for messages:upserted.
 */
export async function applyVotes(tx: RawTx, votes: readonly PollVoteInput[]): Promise<TouchedMessage[]> {
  if (votes.length === 0) return [];
  const wanted = new Map<string, Set<string>>();
  for (const v of votes) wanted.set(v.accountId, (wanted.get(v.accountId) ?? new Set()).add(v.providerMessageId));
  const known = await knownPolls(tx, wanted);
  if (votes.some(v => !known.has(keyOf(v.accountId, v.providerMessageId))))
    throw new CommandError('invalid_args', 'a vote names a poll this workspace does not have', UNKNOWN_POLL);
  const newest = new Map<string, PollVoteInput>();
  for (const v of votes) {
    const k = `${keyOf(v.accountId, v.providerMessageId)}\u0000${v.voterJid}`;
    const seen = newest.get(k);
    if (!seen || v.timestamp >= seen.timestamp) newest.set(k, v);
  }
  const rows = [...newest.values()].map(v => [
    v.accountId,
    v.providerMessageId,
    v.voterJid,
    JSON.stringify(v.options),
    v.timestamp,
  ]);
  for (let i = 0; i < rows.length; i += CHUNK) {
    // options is assigned before voted_at: it compares against the stored time, not the new one.
    await tx.query(
      `insert into poll_votes (account_id, provider_message_id, voter_jid, options, voted_at) values ?
       on duplicate key update
         options = if(values(voted_at) >= voted_at, values(options), options),
         voted_at = greatest(voted_at, values(voted_at))`,
      [rows.slice(i, i + CHUNK)],
    );
  }
  const out: TouchedMessage[] = [];
  for (const [accountId, list] of byAccount(votes)) {
    const ids = [...new Set(list.map(v => v.providerMessageId))];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const [found] = await tx.query<RowDataPacket[]>(
        'select provider_message_id, chat_id from messages where account_id = ? and provider_message_id in (?)',
        [accountId, ids.slice(i, i + CHUNK)],
      );
      for (const r of found)
        out.push({ accountId, chatId: String(r['chat_id']), providerMessageId: String(r['provider_message_id']) });
    }
  }
  return out;
}

/** The polls (with their votes) of these messages, keyed by keyOf; messages that are no poll are absent. */
export async function pollsOf(
  raw: RawExec,
  keys: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, WirePoll>> {
  const out = new Map<string, WirePoll>();
  for (const [accountId, idSet] of keys) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const [polls] = await raw.query<RowDataPacket[]>(
        `select provider_message_id, question, options, multiple from message_polls
         where account_id = ? and provider_message_id in (?)`,
        [accountId, part],
      );
      if (polls.length === 0) continue;
      const [votes] = await raw.query<RowDataPacket[]>(
        `select provider_message_id, voter_jid, options, voted_at from poll_votes
         where account_id = ? and provider_message_id in (?)`,
        [accountId, polls.map(p => String(p['provider_message_id']))],
      );
      const votesOf = new Map<string, WirePollVote[]>();
      for (const v of votes) {
        const id = String(v['provider_message_id']);
        votesOf.set(id, [
          ...(votesOf.get(id) ?? []),
          { voterJid: String(v['voter_jid']), options: stringsOf(v['options']), timestamp: Number(v['voted_at']) },
        ]);
      }
      for (const p of polls) {
        const id = String(p['provider_message_id']);
        out.set(keyOf(accountId, id), {
          question: String(p['question']),
          options: stringsOf(p['options']),
          multiple: Boolean(p['multiple']),
          votes: votesOf.get(id) ?? [],
        });
      }
    }
  }
  return out;
}

/** The keys of poll messages among these rows, by account: the only ones worth a look in message_polls. */
export function pollKeysOf(rows: Iterable<{ accountId: string; providerMessageId: string; type: string }>) {
  const out = new Map<string, Set<string>>();
  for (const m of rows) {
    if (m.type !== 'poll') continue;
    out.set(m.accountId, (out.get(m.accountId) ?? new Set()).add(m.providerMessageId));
  }
  return out;
}
