/**
 * The desktop's note queue against the real server: the first answer to note:add is lost
 * (the server stored the note, the device hears a time-out), the queue sends it again
 * once with the same clientNoteId, and the server, the device and the other devices each
 * hold one note.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireNote } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import { silentLogger } from '../../../main/platform/log';
import { createNoteSender } from '../../../main/sync/note-sender';
import { addAccount, memoryStore, msg } from '../../unit/store/fixtures';
import type { Stack } from '../server/harness';
import { hostWithChat, must, recorder, startStack } from '../server/harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('a note whose answer was lost', () => {
  it('is retried once with the same id and stored once on the server and the device', async () => {
    const store = memoryStore();
    const accountId = addAccount(store, `retry-${randomUUID().slice(0, 8)}`);
    const chatId = store.ingest({ messages: [msg(accountId, '628123@c.us')] }).chatIds[0]!;
    const { host } = await hostWithChat(stack, accountId);
    expect(`${accountId}:628123@c.us`).toBe(chatId);
    const admin = await stack.device('admin');
    const watcher = recorder(admin.socket);

    const sent: string[] = [];
    const sender = createNoteSender({
      store,
      addNote: async args => {
        sent.push(args.clientNoteId);
        const note: WireNote = await must(host.socket, 'note:add', args);
        // The server has it; the answer never reaches the queue the first time.
        if (sent.length === 1) throw new CommandError('timeout', 'no answer within 10 s');
        return note;
      },
      isOnline: () => true,
      me: () => ({ id: host.id, name: 'Host Lead' }),
      events: { emit: () => {} },
      log: silentLogger,
    });
    const clientNoteId = randomUUID();
    const first = await sender.add(chatId, 'Customer asked for an invoice', clientNoteId);
    expect(first.pending).toBe(true);
    expect(store.getQueuedNote(clientNoteId)?.state).toBe('sending');

    await sender.flush();
    sender.close();
    expect(sent).toEqual([clientNoteId, clientNoteId]);
    expect(store.countQueuedNotes()).toBe(0);
    const onDevice = store.listNotes(chatId).filter(n => n.body === 'Customer asked for an invoice');
    expect(onDevice).toHaveLength(1);
    const onServer = (await must(admin.socket, 'chat:get', { chatId })).notes.filter(
      n => n.body === 'Customer asked for an invoice',
    );
    expect(onServer).toHaveLength(1);
    expect(onServer[0]).toMatchObject({ id: onDevice[0]!.id, clientNoteId });
    // Other devices heard of it once.
    await must(admin.socket, 'presence:list', {});
    expect(watcher.events.filter(e => e.name === 'note:added')).toHaveLength(1);
    store.close();
  });
});
