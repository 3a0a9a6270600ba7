/**
 * A teammate edits and deletes for everyone their own message on a number another desktop
 * hosts (issue #20): desktop B asks, the workspace server relays it to desktop A (hosting a
 * simulated number), A applies it once through the phone, and the edited and deleted
 * message comes back to B through the normal push. Full cores on a real MariaDB-backed server.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Message } from '../../../common/domain';
import type { Core } from '../../../main/core/core';
import { callCore as call, until } from '../../helpers/core';
import type { Stack } from '../server/harness';
import { allMessages, desktops, leadHostingNumber, teammateJoins } from './desktops';

let stack: Stack;
let a: Core;
let b: Core;
let chatId: string;
const desks = desktops('changes');
afterEach(ctx => desks.printLogsIfFailed(ctx));
const applied = () => desks.logged(/relayed message change applied/);

beforeAll(async () => {
  const world = await leadHostingNumber(desks);
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

const on = (core: Core, what: string, ok: (m: Message) => boolean): Promise<Message> =>
  until(what, async () => (await allMessages(core, chatId)).find(ok), 30_000);

it('the teammate’s edit and delete reach WhatsApp once through the host, and come back edited and deleted', async () => {
  const optimistic = await call(b, 'messages:send', { chatId, text: 'Harga Rp10.000' });
  const mine = await on(
    b,
    'the reply sent through A',
    m => m.clientMessageId === optimistic.clientMessageId && !m.id.startsWith('local:') && m.ack !== 'pending',
  );
  expect(mine.fromMe).toBe(true);

  expect(await call(b, 'messages:edit', { messageId: mine.id, text: 'Harga Rp12.000' })).toBeNull();
  const edited = await on(b, 'the edit back on B', m => m.id === mine.id && m.edited);
  expect(edited.body).toBe('Harga Rp12.000');
  expect((await on(a, 'the edit on A', m => m.id === mine.id && m.edited)).body).toBe('Harga Rp12.000');
  expect(applied()).toBe(1);

  expect(await call(b, 'messages:delete', { messageId: mine.id })).toBeNull();
  await on(b, 'the deletion back on B', m => m.id === mine.id && m.revoked);
  expect(applied()).toBe(2);

  // Nothing is applied again later (a redelivery, a reconnect's offer).
  await call(a, 'workspace:status', {});
  await new Promise(r => setTimeout(r, 1_000));
  expect(applied()).toBe(2);
});

it('refuses the customer’s message on the teammate’s desktop without asking the host', async () => {
  // A customer's message reaches B with the host's pushes: on a busy machine, after a while.
  const theirs = await until(
    'a customer’s message on B',
    async () => {
      for (const c of (await call(b, 'chats:list', {})).items) {
        const found = (await allMessages(b, c.id)).find(m => !m.fromMe);
        if (found) return found;
      }
      return undefined;
    },
    30_000,
  );
  const r = await b.dispatch('messages:edit', { messageId: theirs.id, text: 'x' }, { transport: 'internal' });
  expect(!r.ok && r.error.code).toBe('forbidden');
  expect(applied()).toBe(2);
});
