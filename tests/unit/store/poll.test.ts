import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let acc: AccountId;
const GROUP = '120363000000000001@g.us';

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
});
afterEach(() => store.close());

const vote = (voterJid: string, options: string[], at: number) => ({
  accountId: acc,
  providerMessageId: poll.providerMessageId,
  voterJid,
  options,
  timestamp: at,
});
let poll: ReturnType<typeof msg>;

describe('polls in the store', () => {
  beforeEach(() => {
    poll = {
      ...msg(acc, GROUP, { type: 'poll', body: 'Jam buka favorit?' }),
      poll: { question: 'Jam buka favorit?', options: ['Pagi', 'Sore'], multiple: false },
    };
  });

  it('keeps the question and options, one current choice per voter, and the question searchable', () => {
    store.ingest({ messages: [poll] });
    const report = store.ingest({
      votes: [vote('6281@c.us', ['Pagi'], T0 + 1), vote('6282@c.us', ['Sore'], T0 + 2)],
    });
    expect(report.updatedMessageIds).toEqual([`${acc}:${poll.providerMessageId}`]);
    // A voter who changes their mind counts once, for the new option; an empty vote is taken back.
    store.ingest({ votes: [vote('6281@c.us', ['Sore'], T0 + 3), vote('6282@c.us', [], T0 + 4)] });
    const [stored] = store.getMessages([`${acc}:${poll.providerMessageId}` as never]);
    expect(stored?.poll).toEqual({
      question: 'Jam buka favorit?',
      options: ['Pagi', 'Sore'],
      multiple: false,
      votes: { '6281@c.us': ['Sore'], '6282@c.us': [] },
    });
    // The poll arriving again (a history page) keeps its votes.
    store.ingest({ messages: [poll] });
    expect(store.getMessages([`${acc}:${poll.providerMessageId}` as never])[0]?.poll?.votes['6281@c.us']).toEqual([
      'Sore',
    ]);
    expect(store.getChat(chatOfJid(acc, GROUP))).toMatchObject({ lastMessageKind: 'poll' });
    expect(store.searchMessages({ query: 'favorit' }).hits).toHaveLength(1);
  });

  it('ignores a vote for a poll it does not have', () => {
    const report = store.ingest({ votes: [vote('6281@c.us', ['Pagi'], T0)] });
    expect(report.updatesIgnored).toBe(1);
  });
});
