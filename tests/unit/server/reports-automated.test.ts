import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../sync-server/src/reports/conversations';
import { cutConversations } from '../../../sync-server/src/reports/conversations';

const MIN = 60_000;
const inbound = (at: number): Fact => ({ kind: 'message', at, fromMe: false, senderId: null });
const reply = (at: number, senderId: string | null, automated = false): Fact => ({
  kind: 'message',
  at,
  fromMe: true,
  senderId,
  automated,
});

describe('automated replies in reports', () => {
  it('an away or greeting message is a message out, never the first response', () => {
    const { conversations } = cutConversations(
      'c1',
      [inbound(0), reply(5_000, null, true), reply(12 * MIN, 'member-1')],
      null,
    );
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ firstResponseAt: 12 * MIN, firstResponderId: 'member-1', messagesOut: 2 });
  });

  it('a conversation answered only automatically has no first response', () => {
    const { conversations } = cutConversations('c1', [inbound(0), reply(1_000, null, true)], 'member-2');
    expect(conversations[0]).toMatchObject({ firstResponseAt: null, messagesOut: 1 });
  });
});
