import { describe, expect, it, vi } from 'vitest';
import { deepLinkFromArgv, parseDeepLink } from '../../../main/app/deep-link';
import { totalUnread, trayMenuTemplate, trayTooltip } from '../../../main/app/tray-menu';

describe('deep links', () => {
  it('opens chats by id', () => {
    expect(parseDeepLink('blazz://chat/acc_1%3A628123%40c.us')).toEqual({ kind: 'chat', chatId: 'acc_1:628123@c.us' });
  });

  it('ignores anything that is not a well-formed chat link', () => {
    for (const bad of [
      'blazz://settings/x',
      'https://chat/acc:1@c.us',
      'blazz://chat/',
      'blazz://chat/no-colon',
      'blazz://chat/acc%3A..%2F..%2Fetc',
      'blazz://chat/%E0%A4%A',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(parseDeepLink(bad)).toBeNull();
    }
  });

  it('finds the link among a second launch’s arguments', () => {
    expect(deepLinkFromArgv(['/opt/blazz', '--flag', 'blazz://chat/a%3A1%40c.us'])).toEqual({
      kind: 'chat',
      chatId: 'a:1@c.us',
    });
    expect(deepLinkFromArgv(['/opt/blazz'])).toBeNull();
  });
});

describe('tray', () => {
  const accounts = [
    { id: 'a', name: 'Sales', unread: 3, state: 'ready' },
    { id: 'b', name: 'Support', unread: 0, state: 'logged_out' },
  ];

  it('shows totals and per-account badges', () => {
    expect(totalUnread(accounts)).toBe(3);
    expect(trayTooltip({ accounts, notificationsPaused: false })).toBe('Blazz Desk — 3 unread');
    expect(trayTooltip({ accounts: [], notificationsPaused: false })).toBe('Blazz Desk');
    const labels = trayMenuTemplate({ accounts, notificationsPaused: false }, noop()).map(i => i.label);
    expect(labels).toContain('Sales (3)');
    expect(labels).toContain('Support — logged out');
  });

  it('wires menu items to their actions', () => {
    const actions = noop();
    const menu = trayMenuTemplate({ accounts, notificationsPaused: true }, actions);
    const pause = menu.find(i => i.label === 'Pause notifications');
    expect(pause?.checked).toBe(true);
    pause?.click?.({} as never, undefined, {} as never);
    expect(actions.setNotificationsPaused).toHaveBeenCalledWith(false);
    menu.find(i => i.label === 'Quit')?.click?.({} as never, undefined, {} as never);
    expect(actions.quit).toHaveBeenCalledOnce();
  });
});

function noop() {
  return { show: vi.fn(), openAccount: vi.fn(), setNotificationsPaused: vi.fn(), quit: vi.fn() };
}
