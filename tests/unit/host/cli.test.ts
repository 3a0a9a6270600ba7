import { describe, expect, it } from 'vitest';
import { HOST_HELP, parseHostArgs } from '../../../main/host/cli';
import { resolveStaticPath } from '../../../main/core/renderer-assets';
import { tokenMatches } from '../../../main/host/bridge-auth';

describe('host flags', () => {
  it('reads flags before env and env before defaults', () => {
    const r = parseHostArgs(
      ['--port', '5000', '--data-dir', '/d'],
      { BLAZZ_PORT: '6000', BLAZZ_DATA_DIR: '/e' },
      '/app',
    );
    expect(r).toEqual({
      kind: 'run',
      config: { port: 5000, dataDir: '/d', token: null, staticDir: '/app/dist/renderer' },
    });
    const fromEnv = parseHostArgs(
      [],
      { BLAZZ_PORT: '6000', BLAZZ_DATA_DIR: '/e', BLAZZ_HOST_TOKEN: 'a'.repeat(20) },
      '/app',
    );
    expect(fromEnv).toMatchObject({ kind: 'run', config: { port: 6000, dataDir: '/e', token: 'a'.repeat(20) } });
  });

  it('documents every flag in --help', () => {
    expect(parseHostArgs(['--help'], {}, '/app')).toEqual({ kind: 'help' });
    for (const flag of [
      '--port',
      '--data-dir',
      '--token',
      '--static',
      'BLAZZ_PORT',
      'BLAZZ_DATA_DIR',
      'BLAZZ_HOST_TOKEN',
    ]) {
      expect(HOST_HELP).toContain(flag);
    }
  });

  it('explains bad flags instead of starting', () => {
    expect(parseHostArgs(['--port', 'abc'], {}, '/app')).toMatchObject({ kind: 'error' });
    expect(parseHostArgs(['--port', '70000'], {}, '/app')).toMatchObject({ kind: 'error' });
    expect(parseHostArgs(['--bogus'], {}, '/app')).toMatchObject({ kind: 'error' });
    expect(parseHostArgs(['--token', 'short'], {}, '/app')).toMatchObject({ kind: 'error' });
  });
});

describe('static file paths', () => {
  it('maps URLs inside the bundle', () => {
    expect(resolveStaticPath('/srv/r', '/')).toBe('/srv/r/index.html');
    expect(resolveStaticPath('/srv/r', '/assets/a.js?v=1')).toBe('/srv/r/assets/a.js');
  });

  it('never leaves the bundle folder', () => {
    for (const evil of [
      '/../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2fsecret',
      '/a/../../b',
      '/%00x',
      '/%E0%A4%A',
    ]) {
      const resolved = resolveStaticPath('/srv/r', evil);
      expect(resolved === null || resolved.startsWith('/srv/r/')).toBe(true);
    }
    expect(resolveStaticPath('/srv/r', '/%E0%A4%A')).toBeNull();
  });
});

describe('token check', () => {
  it('accepts only the exact token', () => {
    expect(tokenMatches('secret-token-123456', 'secret-token-123456')).toBe(true);
    expect(tokenMatches('secret-token-123456', 'secret-token-12345')).toBe(false);
    expect(tokenMatches('secret-token-123456', undefined)).toBe(false);
    expect(tokenMatches('secret-token-123456', 123)).toBe(false);
  });
});
