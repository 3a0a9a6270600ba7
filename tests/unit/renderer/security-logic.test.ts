import { describe, expect, it } from 'vitest';
import { newPasswordProblem, passwordChangeErrorPhrase } from '../../../renderer/src/features/security/logic';

describe('password change form rules', () => {
  it('asks for 10 characters, the same new password twice, and a change', () => {
    expect(newPasswordProblem({ current: 'old password', next: 'short', confirm: 'short' })).toEqual({
      key: 'security.password.tooShort',
    });
    expect(newPasswordProblem({ current: 'old password', next: 'long enough 1', confirm: 'long enough 2' })).toEqual({
      key: 'security.password.mismatch',
    });
    expect(newPasswordProblem({ current: 'old password', next: 'old password', confirm: 'old password' })).toEqual({
      key: 'security.password.same',
    });
    expect(newPasswordProblem({ current: 'old password', next: 'new password', confirm: 'new password' })).toBeNull();
  });

  it("words the server's refusals by their reason, and anything else with its message", () => {
    const err = (code: 'forbidden' | 'invalid_args' | 'rate_limited' | 'unavailable', details?: unknown) => ({
      code,
      message: 'm',
      ...(details ? { details } : {}),
    });
    expect(passwordChangeErrorPhrase(err('forbidden', { reason: 'wrong_password' })).key).toBe(
      'security.password.wrong',
    );
    expect(passwordChangeErrorPhrase(err('invalid_args', { reason: 'same_password' })).key).toBe(
      'security.password.same',
    );
    expect(passwordChangeErrorPhrase(err('rate_limited')).key).toBe('security.password.rateLimited');
    expect(passwordChangeErrorPhrase(err('unavailable'))).toEqual({
      key: 'security.password.failed',
      vars: { message: 'm' },
    });
  });
});
