import { describe, expect, it } from 'vitest';
import { stateLabelKey } from '../../../renderer/src/features/accounts/states';
import { translate } from '../../../renderer/src/i18n';

describe('the words for an account’s state', () => {
  it('calls a WhatsApp number that never linked "Not linked yet", not "Disconnected"', () => {
    const never = { provider: 'webjs', state: 'disconnected', phone: null } as const;
    expect(translate('en', stateLabelKey(never))).toBe('Not linked yet');
    expect(translate('id', stateLabelKey(never))).toBe('Belum ditautkan');
  });

  it('keeps "Disconnected" for a number that was linked before', () => {
    const linked = { provider: 'webjs', state: 'disconnected', phone: '6281100000001' } as const;
    expect(translate('en', stateLabelKey(linked))).toBe('Disconnected');
    expect(translate('id', stateLabelKey(linked))).toBe('Terputus');
  });

  it('names other states as they are', () => {
    expect(translate('en', stateLabelKey({ provider: 'webjs', state: 'qr', phone: null }))).toBe('QR code needed');
    expect(translate('en', stateLabelKey({ provider: 'simulator', state: 'qr', phone: null }))).toBe(
      'Linking the simulated phone…',
    );
    expect(translate('en', stateLabelKey({ provider: 'webjs', state: 'failed', phone: '6281100000001' }))).toBe(
      'Failed',
    );
  });

  it('keeps "Not linked yet" when linking stopped after failed tries or a missing browser', () => {
    for (const state of ['failed', 'degraded'] as const)
      expect(translate('en', stateLabelKey({ provider: 'webjs', state, phone: null }))).toBe('Not linked yet');
  });
});
