import { describe, expect, it } from 'vitest';
import { runReadiness } from '../../../sync-server/src/http/readiness';

describe('readiness checks', () => {
  it('answers ok or unavailable per dependency and keeps the error text out of the answer', async () => {
    const logged: unknown[] = [];
    const log = { warn: (details: object) => void logged.push(details) };
    const secret = new Error('connect ECONNREFUSED db-internal.example:3306 (user blazz_prod)');
    const checks = await runReadiness(
      { mysql: () => Promise.reject(secret), redis: () => Promise.resolve('PONG') },
      log,
    );
    expect(checks).toEqual({ mysql: 'unavailable', redis: 'ok' });
    expect(JSON.stringify(checks)).not.toContain('db-internal');
    expect(logged).toEqual([{ err: secret, check: 'mysql' }]);
  });
});
