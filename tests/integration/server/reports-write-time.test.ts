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
});
