/**
 * The core's reaction path: on a number this desktop hosts the reaction goes to the local
 * provider; on one it does not (a teammate's, a Cloud API number) it goes to the server as
 * message:react with a fresh client reaction id, and a failed one is reported as an error.
 */
import { describe, expect, it } from 'vitest';
import type { MessageReact, WireReactionRequest } from '../../../common/protocol-reactions';
import { CommandError } from '../../../common/result';
import type { RemoteReactions } from '../../../main/core/handlers/messages';
import { messagesHandlers } from '../../../main/core/handlers/messages';

type Args = Parameters<typeof messagesHandlers>;

function world(remoteIds: string[], outcome: WireReactionRequest['state'] = 'sent') {
  const local: unknown[] = [];
  const relayed: MessageReact[] = [];
  const store = {
    getMessages: (ids: string[]) =>
      ids.map(id => ({ id, accountId: id.split(':')[0], chatId: 'c1', providerMessageId: 'wamid-1' })),
    getChat: () => ({ id: 'meta_1:628@c.us', jid: '628@c.us' }),
  } as unknown as Args[1];
  const accounts = {
    request: (accountId: string, req: unknown) => {
      local.push({ accountId, req });
      return Promise.resolve(null);
    },
  } as unknown as Args[2];
  const remote: RemoteReactions = {
    isRemote: id => remoteIds.includes(id),
    react: args => {
      relayed.push(args);
      return Promise.resolve({
        ...args,
        accountId: 'meta_1',
        chatJid: '628@c.us',
        state: outcome,
        error: outcome === 'failed' ? 'token_expired' : null,
      });
    },
  };
  const h = messagesHandlers({} as Args[0], store, accounts, {} as Args[3], remote);
  const react = (messageId: string, emoji = '👍') =>
    (h['messages:react'] as (a: { messageId: string; emoji: string }) => Promise<null>)({ messageId, emoji });
  return { react, local, relayed };
}

describe('messages:react in the core', () => {
  it('sends through the local provider for a number hosted here', async () => {
    const w = world([]);
    await w.react('acct:1');
    expect(w.local).toEqual([
      { accountId: 'acct', req: { op: 'react', chatJid: '628@c.us', providerMessageId: 'wamid-1', emoji: '👍' } },
    ]);
    expect(w.relayed).toEqual([]);
  });

  it('asks the server for a number hosted elsewhere, with a new id each time', async () => {
    const w = world(['meta_1']);
    await w.react('meta_1:1');
    await w.react('meta_1:1', '');
    expect(w.local).toEqual([]);
    expect(w.relayed.map(r => [r.chatId, r.providerMessageId, r.emoji])).toEqual([
      ['meta_1:628@c.us', 'wamid-1', '👍'],
      ['meta_1:628@c.us', 'wamid-1', ''],
    ]);
    expect(new Set(w.relayed.map(r => r.clientReactionId)).size).toBe(2);
  });

  it("reports the server's failure code", async () => {
    const w = world(['meta_1'], 'failed');
    await expect(w.react('meta_1:1')).rejects.toThrow(CommandError);
  });
});
