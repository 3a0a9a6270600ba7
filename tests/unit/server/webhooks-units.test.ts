/** The webhook target rule, the signature and the back-off schedule, without a server. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../sync-server/src/config';
import { guardedLookup, isPrivateAddress, targetRefusal } from '../../../sync-server/src/webhooks/address';
import { DEFAULT_WEBHOOK_OPTIONS, nextAttemptAt } from '../../../sync-server/src/webhooks/options';
import { signature } from '../../../sync-server/src/webhooks/send';

describe('webhook targets', () => {
  it('calls private, loopback, link-local and reserved addresses private, public ones not', () => {
    for (const a of ['10.0.0.1', '127.0.0.1', '169.254.169.254', '172.20.1.1', '192.168.0.9', '100.64.0.1', '0.0.0.0'])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['::1', '::', 'fd12::1', 'fe80::1', '::ffff:10.0.0.1', 'not-an-ip'])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('wants https unless private networks are allowed, and then takes http too', async () => {
    const strict = { allowPrivate: false };
    expect(await targetRefusal(new URL('http://93.184.216.34/'), strict)).toBe('scheme');
    expect(await targetRefusal(new URL('https://93.184.216.34/'), strict)).toBeNull();
    expect(await targetRefusal(new URL('https://[::1]/'), strict)).toBe('private_address');
    expect(await targetRefusal(new URL('https://localhost/'), strict)).toBe('private_address');
    expect(await targetRefusal(new URL('http://127.0.0.1:8080/'), { allowPrivate: true })).toBeNull();
  });

  it('refuses, at connection time, a name that resolves to a private address', async () => {
    const lookup = guardedLookup({ allowPrivate: false });
    const err = await new Promise<NodeJS.ErrnoException | null>(resolve => lookup('localhost', {}, e => resolve(e)));
    expect(err?.code).toBe('ERR_WEBHOOK_REFUSED_ADDRESS');
    const allowed = await new Promise<string>(resolve =>
      guardedLookup({ allowPrivate: true })('localhost', {}, (_e, address) => resolve(String(address))),
    );
    expect(isPrivateAddress(allowed)).toBe(true);
  });

  it('reads WEBHOOK_ALLOW_PRIVATE_NETWORKS, off by default', () => {
    const base = { DATABASE_URL: 'mysql://u@h/db' };
    expect(readConfig([], base).webhookAllowPrivate).toBe(false);
    expect(readConfig([], { ...base, WEBHOOK_ALLOW_PRIVATE_NETWORKS: '1' }).webhookAllowPrivate).toBe(true);
  });
});

describe('webhook signature and back-off', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 under the secret', () => {
    const mac = createHmac('sha256', 'whsec_x').update('1700000000.{"a":1}').digest('hex');
    expect(signature('whsec_x', '{"a":1}', 1_700_000_000)).toBe(`t=1700000000,v1=${mac}`);
  });

  it('waits 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h between attempts, ±20 %', () => {
    const at = (attempts: number, r: number) =>
      nextAttemptAt({ ...DEFAULT_WEBHOOK_OPTIONS, random: () => r }, attempts, 0);
    expect([1, 2, 3, 4, 5, 6, 7].map(n => at(n, 0.5))).toEqual([
      10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000,
    ]);
    expect(at(1, 0)).toBe(8_000);
    expect(at(1, 1)).toBe(12_000);
    expect(at(20, 0.5)).toBe(43_200_000);
  });
});
