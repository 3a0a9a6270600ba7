/**
 * A reaction on the lead's desktop (A, hosting a simulated number) reaches a teammate's
 * desktop (B) through the workspace server, and so does taking it back. Both are full
 * cores on a real MariaDB-backed server.
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
const desks = desktops('reactions');
afterEach(ctx => desks.printLogsIfFailed(ctx));

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

/** The message on B with this provider id, once `ok` holds for it. */
async function onB(providerMessageId: string, ok: (m: Message) => boolean): Promise<Message> {
  return until(
    'the reaction on B',
    async () => (await allMessages(b, chatId)).find(m => m.providerMessageId === providerMessageId && ok(m)),
    20_000,
  );
}

it('a reaction on the host reaches the teammate’s desktop, and so does taking it back', async () => {
  const target = (await allMessages(a, chatId)).at(-1)!;
  await call(a, 'messages:react', { messageId: target.id, emoji: '🙏' });
  const reacted = await onB(target.providerMessageId, m => m.reactions.length > 0);
  expect(reacted.reactions.map(r => r.emoji)).toEqual(['🙏']);

  await call(a, 'messages:react', { messageId: target.id, emoji: '' });
  const cleared = await onB(target.providerMessageId, m => m.reactions.length === 0);
  expect(cleared.reactions).toEqual([]);
});
