import { describe, expect, it } from 'vitest';
import type { AccountAlert } from '../../../common/api/accounts';
import { alertText } from '../../../renderer/src/features/accounts/alert-text';
import { accountStatusEn } from '../../../renderer/src/i18n/account-status.en';
import { accountStatusId } from '../../../renderer/src/i18n/account-status.id';

const alert = (p: Partial<AccountAlert>): AccountAlert => ({
  accountId: 'acc_1',
  accountName: 'Toko Budi',
  level: 'warning',
  code: 'dropped',
  reasonCode: null,
  detail: null,
  tries: null,
  downtimeMs: null,
  ...p,
});

describe('account alerts in words (the core sends codes)', () => {
  it('words a drop with its reason in English and Bahasa Indonesia, never with the raw detail', () => {
    const dropped = alert({ reasonCode: 'process_crashed', detail: 'account process ended (signal SIGKILL)' });
    expect(alertText('en', dropped)).toBe(
      `Toko Budi lost its WhatsApp connection. ${accountStatusEn['status.process_crashed']}`,
    );
    expect(alertText('id', dropped)).toBe(
      `Toko Budi kehilangan koneksi WhatsApp. ${accountStatusId['status.process_crashed']}`,
    );
    expect(alertText('en', dropped)).not.toContain('SIGKILL');
  });

  it('says how long a number was down, in seconds or minutes', () => {
    expect(alertText('en', alert({ code: 'recovered', level: 'info', downtimeMs: 4_200 }))).toBe(
      'Toko Budi is back online after 4 s.',
    );
    expect(alertText('id', alert({ code: 'recovered', level: 'info', downtimeMs: 180_000 }))).toBe(
      'Toko Budi kembali online setelah 3 mnt.',
    );
  });

  it('says after how many tries a number stopped', () => {
    const gaveUp = alert({ code: 'gave_up', level: 'error', tries: 3, reasonCode: 'ready_timeout' });
    expect(alertText('en', gaveUp)).toMatch(/^Toko Budi needs attention: it stopped after 3 failed tries\. \S/);
    expect(alertText('id', gaveUp)).toMatch(/^Toko Budi perlu diperiksa: berhenti setelah 3 kali gagal\. \S/);
  });
});
