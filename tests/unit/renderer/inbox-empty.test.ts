import { describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import { emptyReason } from '../../../renderer/src/features/inbox/empty-reason';
import { defaultFilter } from '../../../renderer/src/lib/inbox';

describe('emptyReason: why the chat list is empty', () => {
  it('says there is no number before anything else', () => {
    expect(emptyReason({ ...defaultFilter, unreadOnly: true }, 0)).toBe('noAccounts');
  });
  it('says no chats yet when no filter is on', () => {
    expect(emptyReason(defaultFilter, 2)).toBe('noChats');
  });
  it('says all read when only Unread is on', () => {
    expect(emptyReason({ ...defaultFilter, unreadOnly: true }, 1)).toBe('allRead');
  });
  it('says no match when another filter is on, with or without Unread', () => {
    const account = ['a1' as AccountId];
    expect(emptyReason({ ...defaultFilter, accountIds: account }, 1)).toBe('noMatch');
    expect(emptyReason({ ...defaultFilter, unreadOnly: true, tag: 'vip' }, 1)).toBe('noMatch');
    expect(emptyReason({ ...defaultFilter, queue: 'mine' }, 1)).toBe('noMatch');
  });
});
