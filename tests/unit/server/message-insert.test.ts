/** The push's message upsert writes only the columns its rows use, and merges left-out columns as their defaults. */
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../../sync-server/src/db/repositories/chats';
import { messageUpsert } from '../../../sync-server/src/db/repositories/message-insert';

const plain: StoredMessage = {
  accountId: 'a',
  providerMessageId: 'p1',
  chatId: 'a:1@c.us',
  fromMe: false,
  author: null,
  authorName: null,
  type: 'text',
  body: 'hi',
  caption: null,
  media: null,
  mediaSha256: null,
  location: null,
  quotedProviderMessageId: null,
  timestamp: 1,
  ack: 'sent',
  edited: false,
  revoked: false,
  clientMessageId: null,
};

const columnsOf = (sql: string) => /\(([^)]*)\) values/.exec(sql)![1]!.split(', ');
const mergeOf = (sql: string, column: string) =>
  new RegExp(`\\b${column} = (.*?)(?:, [a-z_0-9]+ = |$)`).exec(sql.split('on duplicate key update ')[1]!)?.[1];

describe('messageUpsert', () => {
  it('leaves out the columns every row holds at their default', () => {
    const { sql, values } = messageUpsert([plain, { ...plain, providerMessageId: 'p2', body: null }]);
    expect(columnsOf(sql)).toEqual([
      'account_id',
      'provider_message_id',
      'chat_id',
      'from_me',
      'type',
      'body',
      'ts',
      'ack',
    ]);
    expect(values).toEqual([
      ['a', 'p1', 'a:1@c.us', false, 'text', 'hi', 1, 'sent'],
      ['a', 'p2', 'a:1@c.us', false, 'text', null, 1, 'sent'],
    ]);
    // Merged as if the default had been pushed: the same result as a statement that writes them.
    expect(mergeOf(sql, 'caption')).toBe('if(revoked, caption, null)');
    expect(mergeOf(sql, 'media')).toBe('coalesce(null, media)');
    expect(mergeOf(sql, 'edited')).toBe('edited or false');
    expect(mergeOf(sql, 'client_message_id')).toBe('coalesce(client_message_id, null)');
    expect(mergeOf(sql, 'body')).toBe('if(revoked, body, values(body))');
  });

  it('writes a column for every row once one row of the statement uses it', () => {
    const { sql, values } = messageUpsert([plain, { ...plain, providerMessageId: 'p2', edited: true, caption: 'c' }]);
    expect(columnsOf(sql)).toEqual([
      'account_id',
      'provider_message_id',
      'chat_id',
      'from_me',
      'type',
      'body',
      'caption',
      'ts',
      'ack',
      'edited',
    ]);
    expect(values.map(v => [v[6], v[9]])).toEqual([
      [null, false],
      ['c', true],
    ]);
    expect(mergeOf(sql, 'caption')).toBe('if(revoked, caption, values(caption))');
    expect(mergeOf(sql, 'edited')).toBe('edited or values(edited)');
  });

  it('keeps the merge order: body and caption read revoked before it is updated', () => {
    const { sql } = messageUpsert([{ ...plain, revoked: true, media: '{}', mediaSha256: 'x' }]);
    const merges = sql.split('on duplicate key update ')[1]!;
    const order = ['body', 'caption', 'media', 'media_sha256', 'ack', 'edited', 'revoked', 'client_message_id'];
    const at = order.map(c => merges.indexOf(`${c} = `));
    expect(at.every(i => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });
});
