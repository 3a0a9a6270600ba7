import { describe, expect, it } from 'vitest';
import { ACCOUNT_STATUS_CODES, LINK_PROBLEM_CODES } from '../../../common/account-status';
import { accountStatusEn } from '../../../renderer/src/i18n/account-status.en';
import { accountStatusId } from '../../../renderer/src/i18n/account-status.id';

describe('every account status code has words, in English and Bahasa Indonesia', () => {
  it.each(ACCOUNT_STATUS_CODES)('%s', code => {
    const key = `status.${code}` as const;
    expect(accountStatusEn[key]).toMatch(/\S/);
    expect(accountStatusId[key]).toMatch(/\S/);
    expect(accountStatusId[key]).not.toBe(accountStatusEn[key]);
  });

  it('tells what to check for each linking problem a person can fix', () => {
    const fixable = [...LINK_PROBLEM_CODES].filter(
      c => !['browser_closed', 'process_crashed', 'not_responding', 'disconnected_other', 'unknown'].includes(c),
    );
    for (const code of fixable) {
      const key = `status.${code}.next`;
      expect(Object.keys(accountStatusEn), code).toContain(key);
      expect(Object.keys(accountStatusId), code).toContain(key);
    }
  });
});
