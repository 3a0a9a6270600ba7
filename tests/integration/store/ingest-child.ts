/**
 * Child process for the durability test: ingests batches into a store file as fast as it
 * can and prints `committed <n>` after each commit, until it is killed.
 */
import { asAccountId } from '../../../common/domain';
import type { MessageInput } from '../../../common/ingest';
import { openStore } from '../../../main/store';

const [file, perBatchArg] = process.argv.slice(2);
if (!file) throw new Error('usage: ingest-child <file> [messagesPerBatch]');
const perBatch = Number(perBatchArg ?? 2000);
const store = openStore({ file, checkpointEveryMs: 1000 });
const acc = asAccountId('acc1');
store.upsertAccount({
  id: acc,
  provider: 'simulator',
  name: 'A',
  phone: null,
  color: '#000',
  muted: false,
  createdAt: 0,
  lastState: 'ready',
  config: {},
});
const T0 = Date.UTC(2025, 0, 1);

for (let b = 0; ; b++) {
  const messages: MessageInput[] = [];
  for (let i = 0; i < perBatch; i++) {
    messages.push({
      accountId: acc,
      chatJid: `62${b % 7}@c.us`,
      providerMessageId: `b${b}-m${i}`,
      fromMe: false,
      author: null,
      authorName: null,
      type: 'text',
      body: `batch ${b} message ${i} pesanan kiriman paket nomor ${b * perBatch + i}`,
      caption: null,
      media: null,
      location: null,
      vcard: null,
      quotedProviderMessageId: null,
      timestamp: T0 + b * perBatch + i,
      ack: 'sent',
      edited: false,
      revoked: false,
      clientMessageId: null,
    });
  }
  // One transaction per batch, on purpose larger than the app uses, so a kill lands inside one.
  store.ingest({ messages });
  process.stdout.write(`committed ${b}\n`);
}
