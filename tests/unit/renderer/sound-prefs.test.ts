import { describe, expect, it } from 'vitest';
import type { MemberId } from '../../../common/domain';
import { asAccountId } from '../../../common/domain';
import { defaultNotifyPrefs, inQuietHours, readNotifyPrefs, shouldChime } from '../../../renderer/src/lib/notify';

const at = (h: number, m = 0) => new Date(2026, 11, 4, h, m);
const night = { enabled: true, from: '22:00', to: '07:00' };
const msg = { fromMe: false, type: 'text' as const, accountId: asAccountId('sales') };
const chat = { assigneeId: null, muted: false, archived: false };
const me = 'm1' as MemberId;

describe('quiet hours', () => {
  it('covers a range across midnight and nothing outside it', () => {
    expect(inQuietHours(night, at(23, 30))).toBe(true);
    expect(inQuietHours(night, at(0, 0))).toBe(true);
    expect(inQuietHours(night, at(6, 59))).toBe(true);
    expect(inQuietHours(night, at(7, 0))).toBe(false);
    expect(inQuietHours(night, at(21, 59))).toBe(false);
  });

  it('covers a daytime range, and equal bounds or turned off mean never', () => {
    expect(inQuietHours({ enabled: true, from: '12:00', to: '13:00' }, at(12, 30))).toBe(true);
    expect(inQuietHours({ enabled: true, from: '12:00', to: '13:00' }, at(13, 0))).toBe(false);
    expect(inQuietHours({ enabled: true, from: '09:00', to: '09:00' }, at(9, 0))).toBe(false);
    expect(inQuietHours({ ...night, enabled: false }, at(23))).toBe(false);
  });
});

describe('the chime', () => {
  it('chimes for a new customer message, not in quiet hours, not for a silent number', () => {
    expect(shouldChime(msg, chat, undefined, defaultNotifyPrefs, me, false, at(10))).toBe(true);
    expect(shouldChime(msg, chat, undefined, { ...defaultNotifyPrefs, quietHours: night }, me, false, at(23))).toBe(
      false,
    );
    expect(
      shouldChime(msg, chat, undefined, { ...defaultNotifyPrefs, silentAccounts: ['sales'] }, me, false, at(10)),
    ).toBe(false);
    expect(shouldChime(msg, chat, undefined, { ...defaultNotifyPrefs, sound: false }, me, false, at(10))).toBe(false);
  });

  it('chimes even with notifications off, but never for my own, muted or viewed messages', () => {
    expect(shouldChime(msg, chat, undefined, { ...defaultNotifyPrefs, enabled: false }, me, false, at(10))).toBe(true);
    expect(shouldChime({ ...msg, fromMe: true }, chat, undefined, defaultNotifyPrefs, me, false, at(10))).toBe(false);
    expect(shouldChime(msg, { ...chat, muted: true }, undefined, defaultNotifyPrefs, me, false, at(10))).toBe(false);
    expect(shouldChime(msg, chat, { muted: true }, defaultNotifyPrefs, me, false, at(10))).toBe(false);
    expect(shouldChime(msg, chat, undefined, defaultNotifyPrefs, me, true, at(10))).toBe(false);
  });
});

describe('stored notification preferences', () => {
  it('reads old preferences with the new defaults, and damaged fields as defaults', () => {
    expect(readNotifyPrefs({ enabled: false, onlyMineOrUnassigned: true, showPreview: false })).toEqual({
      ...defaultNotifyPrefs,
      enabled: false,
      showPreview: false,
    });
    expect(
      readNotifyPrefs({
        sound: 'yes',
        silentAccounts: [1, 'a', null],
        quietHours: { enabled: true, from: '25:00', to: '06:30' },
      }),
    ).toEqual({
      ...defaultNotifyPrefs,
      silentAccounts: ['a'],
      quietHours: { enabled: true, from: '22:00', to: '06:30' },
    });
    expect(readNotifyPrefs('garbage')).toEqual(defaultNotifyPrefs);
  });
});
