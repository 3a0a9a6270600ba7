import { describe, expect, it } from 'vitest';
import {
  newPasswordProblem,
  passwordChangeErrorPhrase,
  signInWaitPhrase,
} from '../../../renderer/src/features/security/logic';

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

describe('a refused sign-in that says how long to wait', () => {
  const limited = (details?: unknown) => ({
    code: 'rate_limited' as const,
    message: 'm',
    ...(details ? { details } : {}),
  });

  it('says the account is locked, in minutes or seconds', () => {
    expect(signInWaitPhrase(limited({ reason: 'locked', retryAfterSeconds: 600 }))).toEqual({
      key: 'security.locked.minutes',
      vars: { n: 10 },
    });
    expect(signInWaitPhrase(limited({ reason: 'locked', retryAfterSeconds: 29.2 }))).toEqual({
      key: 'security.locked.seconds',
      vars: { n: 30 },
    });
  });

  it('says too many attempts from here for a spent budget, and nothing without a wait', () => {
    expect(signInWaitPhrase(limited({ retryAfterSeconds: 42 }))).toEqual({
      key: 'security.busy.seconds',
      vars: { n: 42 },
    });
    expect(signInWaitPhrase(limited())).toBeNull();
    expect(signInWaitPhrase({ code: 'unauthenticated', message: 'm', details: { reason: 'reset_invalid' } })).toEqual({
      key: 'security.reset.invalid',
    });
    expect(signInWaitPhrase(limited({ retryAfterSeconds: 'soon' }))).toBeNull();
    expect(signInWaitPhrase({ code: 'unauthenticated', message: 'm', details: { retryAfterSeconds: 5 } })).toBeNull();
  });
});
