/**
 * Hosting is not membership (issue #15, point 4): only the first registration of a new
 * number makes its host a member; a host an admin removed from its number cannot restore
 * itself by registering again, and its pushes for that number are refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ACCOUNT_MEMBER } from '../../../common/protocol';
import type { Stack } from './harness';
import { call, hostWithChat, must, NOW, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const register = (accountId: string) => ({ accountId, name: 'Support line', phone: '628111', provider: 'simulator' });

describe('account:register and membership', () => {
  it('makes the first host of a brand-new number its member', async () => {
    const { host, accountId } = await hostWithChat(stack, `hm-${randomUUID().slice(0, 8)}`);
    const [account] = await must(host.socket, 'account:list', {});
    expect(account?.id).toBe(accountId);
    expect(account?.memberIds).toEqual([host.id]);
  });

  it('refuses a removed host re-registering, and never restores its membership', async () => {
    const { host, accountId } = await hostWithChat(stack, `hm-${randomUUID().slice(0, 8)}`);
    const admin = await stack.device('admin');
    await must(admin.socket, 'account:remove-member', { accountId, memberId: host.id });

    const again = await call(host.socket, 'account:register', register(accountId));
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('forbidden');
      expect(again.error.details).toEqual(NOT_ACCOUNT_MEMBER);
    }
    const accounts = await must(admin.socket, 'account:list', {});
    expect(accounts.find(a => a.id === accountId)?.memberIds).toEqual([]);
    expect(await must(host.socket, 'account:list', {})).toEqual([]);
  });

  it('refuses the pushes of a host removed from its number', async () => {
    const { host, accountId } = await hostWithChat(stack, `hm-${randomUUID().slice(0, 8)}`);
    const admin = await stack.device('admin');
    await must(admin.socket, 'account:remove-member', { accountId, memberId: host.id });
    const pushed = await call(host.socket, 'sync:push', {
      messages: [
        {
          accountId,
          chatJid: '628123@c.us',
          providerMessageId: randomUUID(),
          fromMe: false,
          type: 'text',
          body: 'after removal',
          timestamp: NOW(),
        },
      ],
    });
    expect(pushed.ok).toBe(false);
    if (!pushed.ok) expect(pushed.error).toMatchObject({ code: 'forbidden', details: NOT_ACCOUNT_MEMBER });
  });

  it('lets a host re-register a number it still is a member of, without a second membership', async () => {
    const { host, accountId } = await hostWithChat(stack, `hm-${randomUUID().slice(0, 8)}`);
    const again = await must(host.socket, 'account:register', register(accountId));
    expect(again.memberIds).toEqual([host.id]);
  });

  it('does not make an admin who takes over hosting a member', async () => {
    const { accountId } = await hostWithChat(stack, `hm-${randomUUID().slice(0, 8)}`);
    const admin = await stack.device('admin');
    const taken = await must(admin.socket, 'account:register', register(accountId));
    expect(taken.hostMemberId).toBe(admin.id);
    expect(taken.memberIds).not.toContain(admin.id);
  });
});
