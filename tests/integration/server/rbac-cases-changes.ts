/**
 * RBAC rows of edit / delete-for-everyone from any device (message:change): permission as
 * message:send (who may see the chat), then the message must be one we sent; relayed to
 * number A's host, the only device that may report it.
 */
import { must } from './harness';
import type { Case } from './rbac-world';
import { all, only, w } from './rbac-world';

/** A message number A sent a moment ago, pushed by A's host. */
async function ownMessage(): Promise<string> {
  const id = `own-${crypto.randomUUID().slice(0, 8)}`;
  await must(w.A.hostSocket, 'sync:push', {
    messages: [
      {
        accountId: w.A.accountId,
        chatJid: '628123@c.us',
        providerMessageId: id,
        fromMe: true,
        type: 'text',
        body: 'Halo',
        timestamp: Date.now(),
      },
    ],
  });
  return id;
}

const change = (chatId: string, providerMessageId: string) => ({
  clientChangeId: crypto.randomUUID(),
  chatId,
  providerMessageId,
  kind: 'edit',
  text: 'Halo lagi',
});

export const changeCases: Case[] = [
  { cmd: 'message:change', scope: 'own', args: async () => change(w.A.chatId, await ownMessage()), expect: all('ok') },
  // m1 is the customer's: no member may change it.
  { cmd: 'message:change', scope: 'own', args: () => change(w.A.chatId, 'm1'), expect: all('forbidden') },
  {
    cmd: 'message:change',
    scope: 'other-account',
    args: () => change(w.B.chatId, 'm1'),
    // The admin sees B's chat, and is refused for the message; the others do not see the chat.
    expect: { ...only([], 'not_found'), admin: 'forbidden' },
  },
  {
    cmd: 'message:change',
    scope: 'other-workspace',
    args: () => change('meta_1:6281234567890@c.us', 'm1'),
    expect: all('not_found'),
  },
  {
    cmd: 'message-change:report',
    scope: 'own',
    args: async () => {
      const r = await must(w.adminSocket, 'message:change', change(w.A.chatId, await ownMessage()));
      return { clientChangeId: r.clientChangeId, status: 'sent' };
    },
    expect: all('forbidden'),
  },
  { cmd: 'message-change:pending', scope: 'own', args: () => ({}), expect: all('ok') },
];
