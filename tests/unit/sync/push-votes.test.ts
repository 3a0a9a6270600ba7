/**
 * A hosted poll's votes go to the workspace with the poll itself: the server refuses a vote
 * for a poll it does not have, so a vote on a poll from before sign-in must carry its poll.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pushSchema } from '../../../common/protocol';
import type { Store } from '../../../main/store';
import { addAccount, memoryStore } from '../store/fixtures';
import { offlinePushQueue } from './push-fixtures';

let store: Store | undefined;
afterEach(() => store?.close());

const ACCOUNT = 'a1';
const GROUP = '1203630@g.us';

describe('pushing poll votes', () => {
  it('a vote on a stored poll is queued with the poll’s message and definition', () => {
    const s = (store = memoryStore());
    addAccount(s, ACCOUNT);
    const at = Date.now() - 60_000;
    s.ingest({
      chats: [{ accountId: ACCOUNT, jid: GROUP, isGroup: true, name: 'Team' }],
      messages: [
        {
          accountId: ACCOUNT,
          chatJid: GROUP,
          providerMessageId: 'poll-1',
          fromMe: false,
          type: 'poll',
          body: 'Lunch?',
          timestamp: at,
          poll: { question: 'Lunch?', options: ['Rice', 'Noodles'], multiple: false },
        },
      ],
    });
    const vote = {
      accountId: ACCOUNT,
      providerMessageId: 'poll-1',
      voterJid: '628555@c.us',
      options: ['Rice'],
      timestamp: at + 1,
    };
    offlinePushQueue(s).enqueue({ votes: [vote] });
    const queued = s.peekPush(2_000);
    expect(queued?.batch.votes).toEqual([vote]);
    expect(queued?.batch.messages?.map(m => [m.providerMessageId, m.poll])).toEqual([
      ['poll-1', { question: 'Lunch?', options: ['Rice', 'Noodles'], multiple: false }],
    ]);
    expect(pushSchema.safeParse(queued?.batch).success).toBe(true);
  });
});
