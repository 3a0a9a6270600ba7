import { describe, expect, it, vi } from 'vitest';
import { deepLinkFromArgv, parseDeepLink } from '../../../main/app/deep-link';
import { TRAY_ICON_PNG_BASE64, TRAY_ICON_UNREAD_PNG_BASE64 } from '../../../main/app/tray-icons';
import { totalUnread, trayBadge, trayMenuTemplate, trayTooltip } from '../../../main/app/tray-menu';
import { INDONESIAN_TRAY_LABELS } from '../../helpers/shell-labels';

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
    expect(trayTooltip({ accounts, notificationsPaused: false, labels: null })).toBe('Blazz Desk — 3 unread');
    expect(trayTooltip({ accounts: [], notificationsPaused: false, labels: null })).toBe('Blazz Desk');
    const labels = trayMenuTemplate({ accounts, notificationsPaused: false, labels: null }, noop()).map(i => i.label);
    expect(labels).toContain('Sales (3)');
    expect(labels).toContain('Support — logged out');
  });

  it('speaks the page’s language once the page sent its words', () => {
    const labels = INDONESIAN_TRAY_LABELS;
    expect(trayTooltip({ accounts, notificationsPaused: false, labels })).toBe('Blazz Desk — 3 belum dibaca');
    expect(trayTooltip({ accounts: [], notificationsPaused: false, labels })).toBe('Blazz Desk');
    const items = trayMenuTemplate({ accounts, notificationsPaused: false, labels }, noop()).map(i => i.label);
    expect(items).toEqual(expect.arrayContaining(['Tampilkan Blazz Desk', 'Jeda notifikasi', 'Keluar']));
    expect(items).toContain('Support — Keluar');
    expect(items).not.toContain('Quit');
  });

  it('marks unread on the icon, with the count beside it where the OS shows one', () => {
    expect(trayBadge({ accounts, notificationsPaused: false, labels: null })).toEqual({ dot: true, title: '3' });
    expect(trayBadge({ accounts: [], notificationsPaused: false, labels: null })).toEqual({ dot: false, title: '' });
    const many = [{ id: 'c', name: 'Busy', unread: 250, state: 'ready' }];
    expect(trayBadge({ accounts: many, notificationsPaused: false, labels: null }).title).toBe('99+');
  });

  it('has two distinct 32 px PNG icons (read and unread)', () => {
    for (const b64 of [TRAY_ICON_PNG_BASE64, TRAY_ICON_UNREAD_PNG_BASE64]) {
      const png = Buffer.from(b64, 'base64');
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
    }
    expect(TRAY_ICON_PNG_BASE64).not.toBe(TRAY_ICON_UNREAD_PNG_BASE64);
  });

  it('wires menu items to their actions', () => {
    const actions = noop();
    const menu = trayMenuTemplate({ accounts, notificationsPaused: true, labels: null }, actions);
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
