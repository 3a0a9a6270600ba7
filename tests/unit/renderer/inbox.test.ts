import { describe, expect, it } from 'vitest';
import type { Chat, MemberId } from '../../../common/domain';
import { asAccountId, asMemberId } from '../../../common/domain';
import type { InboxFilter } from '../../../renderer/src/lib/inbox';
import { applyChanges, compareChats, defaultFilter, matches, titleFor, toQuery } from '../../../renderer/src/lib/inbox';
import { shouldNotify, defaultNotifyPrefs } from '../../../renderer/src/lib/notify';
import { chatFixture } from '../../helpers/chat-fixture';

const chat = (id: string, at: number, extra: Partial<Chat> = {}): Chat =>
  chatFixture(id, { lastMessageAt: at, ...extra });
const me: MemberId = asMemberId('m1');
const f = (p: Partial<InboxFilter> = {}): InboxFilter => ({ ...defaultFilter, ...p });

describe('inbox order and filters', () => {
  it('sorts pinned first, then newest, then id', () => {
    const list = [chat('a', 1), chat('b', 3), chat('c', 2, { pinned: true })].sort(compareChats);
    expect(list.map(c => c.id)).toEqual(['c', 'b', 'a']);
  });

  it('filters by queue, account, unread and tag', () => {
    const mine = chat('x', 1, { assigneeId: me, status: 'pending', unreadCount: 2, tags: ['vip'] });
    expect(matches(mine, f({ queue: 'mine' }), me)).toBe(true);
    expect(matches(mine, f({ queue: 'unassigned' }), me)).toBe(false);
    expect(matches(mine, f({ queue: 'pending' }), me)).toBe(true);
    expect(matches(mine, f({ queue: 'resolved' }), me)).toBe(false);
    expect(matches(mine, f({ unreadOnly: true, tag: 'vip' }), me)).toBe(true);
    expect(matches(mine, f({ tag: 'other' }), me)).toBe(false);
    expect(matches(mine, f({ accountIds: [asAccountId('a2')] }), me)).toBe(false);
    expect(matches(chat('y', 1, { archived: true }), f(), me)).toBe(false);
  });

  it('shows only archived chats in the Archived view, and asks the store for them', () => {
    expect(matches(chat('y', 1, { archived: true }), f({ archived: true }), me)).toBe(true);
    expect(matches(chat('z', 1), f({ archived: true }), me)).toBe(false);
    expect(toQuery(f({ archived: true }), me)).toEqual({ archived: true });
    // Archiving a listed chat takes it out of the inbox; unarchiving in the Archived view does too.
    const listed = [chat('a', 2), chat('b', 1)];
    expect(applyChanges(listed, [chat('a', 2, { archived: true })], f(), me, true).map(c => c.id)).toEqual(['b']);
  });

  it('builds chats:list arguments from a filter', () => {
    expect(toQuery(f(), me)).toEqual({});
    expect(toQuery(f({ queue: 'unassigned', unreadOnly: true }), me)).toEqual({ assigneeId: null, unreadOnly: true });
    expect(toQuery(f({ queue: 'resolved', accountIds: [asAccountId('a1')], tag: 't' }), me)).toEqual({
      statuses: ['resolved'],
      accountIds: ['a1'],
      tag: 't',
    });
  });

  it('moves a changed chat to the top and drops one that stops matching', () => {
    const list = [chat('a', 30), chat('b', 20), chat('c', 10)];
    const moved = applyChanges(list, [chat('c', 40)], f(), me, true);
    expect(moved.map(c => c.id)).toEqual(['c', 'a', 'b']);
    const dropped = applyChanges(list, [chat('b', 20, { unreadCount: 0 })], f({ unreadOnly: true }), me, true);
    expect(dropped.map(c => c.id)).toEqual(['a', 'c']);
  });

  it('leaves a chat older than the loaded page for paging when the list is incomplete', () => {
    const list = [chat('a', 30), chat('b', 20)];
    expect(applyChanges(list, [chat('z', 5)], f(), me, false).map(c => c.id)).toEqual(['a', 'b']);
    expect(applyChanges(list, [chat('z', 5)], f(), me, true).map(c => c.id)).toEqual(['a', 'b', 'z']);
  });

  it('puts the unread total in the window title', () => {
    expect(titleFor('Blazz Desk', 0)).toBe('Blazz Desk');
    expect(titleFor('Blazz Desk', 7)).toBe('(7) Blazz Desk');
    expect(titleFor('Blazz Desk', 12_000)).toBe('(999+) Blazz Desk');
  });
});

describe('notifications', () => {
  const incoming = { fromMe: false, type: 'text' as const };
  const open = { assigneeId: null, muted: false, archived: false };
  it('notifies for unassigned and mine, not for others or muted', () => {
    expect(shouldNotify(incoming, open, { muted: false }, defaultNotifyPrefs, me, false)).toBe(true);
    expect(shouldNotify(incoming, { ...open, assigneeId: me }, undefined, defaultNotifyPrefs, me, false)).toBe(true);
    expect(
      shouldNotify(incoming, { ...open, assigneeId: asMemberId('m2') }, undefined, defaultNotifyPrefs, me, false),
    ).toBe(false);
    expect(shouldNotify(incoming, open, { muted: true }, defaultNotifyPrefs, me, false)).toBe(false);
    expect(shouldNotify(incoming, { ...open, muted: true }, undefined, defaultNotifyPrefs, me, false)).toBe(false);
  });
  it('stays quiet for our own messages, the chat being viewed, or when turned off', () => {
    expect(shouldNotify({ ...incoming, fromMe: true }, open, undefined, defaultNotifyPrefs, me, false)).toBe(false);
    expect(shouldNotify(incoming, open, undefined, defaultNotifyPrefs, me, true)).toBe(false);
    expect(shouldNotify(incoming, open, undefined, { ...defaultNotifyPrefs, enabled: false }, me, false)).toBe(false);
  });
});
