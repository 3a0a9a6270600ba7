import { describe, expect, it } from 'vitest';
import { errorCodeSchema } from '../../../common/reply-schemas';
import { errorsEn } from '../../../renderer/src/i18n/errors.en';
import { errorsId } from '../../../renderer/src/i18n/errors.id';
import { errorTextIn } from '../../../renderer/src/lib/error-text';

describe('error replies in the reader language', () => {
  it('words the code in Bahasa Indonesia instead of showing the English detail', () => {
    const error = { code: 'forbidden', message: 'only admins may change roles' };
    expect(errorTextIn('id', error)).toBe('Anda tidak diizinkan melakukan ini.');
    expect(errorTextIn('en', error)).toBe('only admins may change roles');
  });

  it('falls back to the code when a newer server sends one this app does not know', () => {
    expect(errorTextIn('id', { code: 'quota_exceeded', message: 'quota' })).toBe('Terjadi kesalahan (quota_exceeded).');
    expect(errorTextIn('en', { code: 'internal', message: '  ' })).toBe('Something went wrong in the app.');
  });

  it('has every code in both languages', () => {
    expect(Object.keys(errorsId).sort()).toEqual(Object.keys(errorsEn).sort());
    // Every code the protocol defines, from its own schema.
    for (const code of errorCodeSchema.options) expect(errorsId).toHaveProperty(`error.${code}`);
  });
});
