/**
 * A teammate's edit while the number's host is closed (issue #20): desktop B's edit is
 * queued on the server, and when desktop A opens again (same data folder, signed in from
 * its saved session) the server offers it, A performs it once and reports it, and B's core
 * hears the outcome once (messages:change-settled). Full cores, real MariaDB-backed server.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { DeskEvents } from '../../../common/api';
import type { Core } from '../../../main/core/core';
import { callCore as call, until } from '../../helpers/core';
import type { Stack } from '../server/harness';
import { allMessages, desktops, leadHostingNumber, teammateJoins } from './desktops';

let stack: Stack;
let a: Core | null = null;
let b: Core;
let chatId: string;
let folderA: string;
const desks = desktops('changes-reconnect');
afterEach(ctx => desks.printLogsIfFailed(ctx));

beforeAll(async () => {
  folderA = desks.folder();
  const world = await leadHostingNumber(desks, folderA);
  ({ stack, a, chatId } = world);
  b = await desks.open();
  await teammateJoins(b, world);
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await stack?.stop();
  desks.removeAll();
});

const changes = async () => {
  const [rows] = await stack.node.app.database.raw.query<RowDataPacket[]>('select state, error from message_changes');
  return rows.map(r => ({ state: String(r['state']), error: r['error'] as string | null }));
};

it('waits for the closed host, and is performed and reported once when it is back', async () => {
  const optimistic = await call(b, 'messages:send', { chatId, text: 'Harga Rp10.000' });
  const mine = await until(
    'the reply sent through A',
    async () =>
      (await allMessages(b, chatId)).find(
        m => m.clientMessageId === optimistic.clientMessageId && !m.id.startsWith('local:') && m.ack !== 'pending',
      ),
    30_000,
  );
  const settled: DeskEvents['messages:change-settled'][] = [];
  b.events.subscribe((name, payload) => {
    if (name === 'messages:change-settled') settled.push(payload as DeskEvents['messages:change-settled']);
  });

  await a!.close();
  a = null;
  expect(await call(b, 'messages:edit', { messageId: mine.id, text: 'Harga Rp12.000' })).toBeNull();
  expect(await changes()).toEqual([{ state: 'queued', error: null }]);
  await new Promise(r => setTimeout(r, 500));
  expect(settled).toEqual([]);

  a = await desks.open(undefined, folderA);
  await until('the change settled', async () => (await changes())[0]?.state !== 'queued', 60_000);
  await until('B heard of it', async () => settled.length > 0, 20_000);
  const [row] = await changes();
  expect(settled).toEqual([{ messageId: mine.id, kind: 'edit', state: row!.state, error: row!.error }]);
  // The simulator keeps what it sent in memory only: after A's restart its phone no longer
  // knows the reply, and says so, as WhatsApp would for a message it cannot find.
  expect(row).toEqual({ state: 'failed', error: 'not_found' });
  // Nothing is performed again on a later reconnect.
  await new Promise(r => setTimeout(r, 1_000));
  expect(settled).toHaveLength(1);
});
