/**
 * The report tables kept at write time (migration 0034): a push counts its new messages once
 * (a duplicate push adds nothing) and queues its chat; a status change queues it too; the
 * report worker then stores the chat's conversation.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from './harness';
import { hostWithChat, must, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

async function rows(sql: string, values: unknown[]): Promise<RowDataPacket[]> {
  const [r] = await stack.node.app.database.raw.query<RowDataPacket[]>(sql, values);
  return r;
}

describe('report tables at write time', () => {
  it('count a pushed message once, and store its conversation and its resolution', async () => {
    const { host, accountId, chatId, jid } = await hostWithChat(stack);
    const counted = () =>
      rows('select sum(messages_in) as i, sum(messages_out) as o from report_message_counts where account_id = ?', [
        accountId,
      ]);
    expect(await counted()).toMatchObject([{ i: '1', o: '0' }]);
    // The same message pushed again: merged into its row, not counted again.
    await must(host.socket, 'sync:push', {
      messages: [
        {
          accountId,
          chatJid: jid,
          providerMessageId: 'm1',
          fromMe: false,
          type: 'text',
          body: 'hello',
          timestamp: Date.now(),
        },
      ],
    });
    expect(await counted()).toMatchObject([{ i: '1', o: '0' }]);
    await stack.node.app.reportTables.idle();
    const open = await rows('select resolved_at, messages_in from report_conversations where chat_id = ?', [chatId]);
    expect(open).toMatchObject([{ resolved_at: null, messages_in: 1 }]);
    const { chat } = await must(host.socket, 'chat:get', { chatId });
    await must(host.socket, 'chat:set-status', { chatId, status: 'resolved', version: chat.version });
    await stack.node.app.reportTables.idle();
    const done = await rows('select resolved_at, resolved_by from report_conversations where chat_id = ?', [chatId]);
    expect(done).toHaveLength(1);
    expect(done[0]!['resolved_at']).not.toBeNull();
    expect(done[0]!['resolved_by']).toBe(host.id);
  });

  it('count only the new messages of a batch that also carries stored ones, and a repeated one once', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    const counted = async () =>
      Number(
        (
          await rows(
            "select sum(messages_in) as i from report_message_counts where account_id = ? and member_id = ''",
            [accountId],
          )
        )[0]!['i'],
      );
    expect(await counted()).toBe(1);
    const text = (id: string, body: string) => ({
      accountId,
      chatJid: jid,
      providerMessageId: id,
      fromMe: false,
      type: 'text',
      body,
      timestamp: Date.now(),
    });
    // m1 is stored already and n1 comes twice: the plain insert is refused and the batch merges.
    await must(host.socket, 'sync:push', {
      messages: [text('m1', 'hello'), text('n1', 'first'), text('n2', 'second'), text('n1', 'first, edited')],
    });
    expect(await counted()).toBe(3);
    const stored = await rows('select provider_message_id, body from messages where account_id = ? order by 1', [
      accountId,
    ]);
    expect(stored.map(r => [r['provider_message_id'], r['body']])).toEqual([
      ['m1', 'hello'],
      ['n1', 'first, edited'],
      ['n2', 'second'],
    ]);
    // An all-new batch takes the plain insert and is counted in full.
    await must(host.socket, 'sync:push', { messages: [text('n3', 'third'), text('n4', 'fourth')] });
    expect(await counted()).toBe(5);
  });
});
