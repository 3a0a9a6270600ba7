import { describe, expect, it } from 'vitest';
import { asMemberId } from '../../../common/domain';
import { CAPABILITIES, can, canSeeAccount, canSeeChat } from '../../../common/permissions';
import type { Viewer } from '../../../common/permissions';

const viewer = (role: Viewer['role'], accounts: string[] = ['a1'], active = true): Viewer => ({
  id: asMemberId('me'),
  role,
  active,
  accountIds: new Set(accounts),
});

describe('role capabilities', () => {
  it('gives admins everything and agents no management', () => {
    for (const c of CAPABILITIES) expect(can('admin', c)).toBe(true);
    for (const c of [
      'members.manage',
      'accounts.manage',
      'settings.manage',
      'chats.assign',
      'templates.manage',
      'accounts.host',
    ] as const) {
      expect(can('agent', c)).toBe(false);
    }
    expect(can('lead', 'chats.assign')).toBe(true);
    expect(can('lead', 'templates.manage')).toBe(true);
    expect(can('lead', 'members.manage')).toBe(false);
    expect(can('agent', 'chats.claim')).toBe(true);
    expect(can('agent', 'messages.send')).toBe(true);
  });
});

describe('chat visibility', () => {
  const open = { agentsSeeUnassigned: true };
  const closed = { agentsSeeUnassigned: false };
  it('admins see every chat, leads every chat of their accounts', () => {
    expect(canSeeChat(viewer('admin', []), { accountId: 'zz', assigneeId: 'x' }, closed)).toBe(true);
    expect(canSeeChat(viewer('lead'), { accountId: 'a1', assigneeId: 'someone' }, closed)).toBe(true);
    expect(canSeeChat(viewer('lead'), { accountId: 'a2', assigneeId: null }, open)).toBe(false);
  });
  it('agents see their own chats, and unassigned ones only when the workspace allows', () => {
    expect(canSeeChat(viewer('agent'), { accountId: 'a1', assigneeId: 'me' }, closed)).toBe(true);
    expect(canSeeChat(viewer('agent'), { accountId: 'a1', assigneeId: 'other' }, open)).toBe(false);
    expect(canSeeChat(viewer('agent'), { accountId: 'a1', assigneeId: null }, open)).toBe(true);
    expect(canSeeChat(viewer('agent'), { accountId: 'a1', assigneeId: null }, closed)).toBe(false);
    expect(canSeeChat(viewer('agent', ['a2']), { accountId: 'a1', assigneeId: 'me' }, open)).toBe(false);
  });
  it('a deactivated member sees nothing', () => {
    expect(canSeeChat(viewer('admin', [], false), { accountId: 'a1', assigneeId: null }, open)).toBe(false);
    expect(canSeeAccount(viewer('lead', ['a1'], false), 'a1')).toBe(false);
    expect(canSeeAccount(viewer('lead', ['a1']), 'a1')).toBe(true);
    expect(canSeeAccount(viewer('agent', ['a1']), 'a2')).toBe(false);
  });
});
