import { describe, expect, it } from 'vitest';
import type { Route } from '../../../sync-server/src/http/route';
import { matchPath } from '../../../sync-server/src/http/route';

const blob: Route = { method: 'GET', path: '/api/blobs/:sha', params: { sha: /^[0-9a-f]{4}$/ }, handle: () => {} };
const health: Route = { method: 'GET', path: '/healthz', handle: () => {} };

describe('matching a request path to a route', () => {
  it('matches literal segments exactly', () => {
    expect(matchPath(health, '/healthz')).toEqual({});
    for (const p of ['/healthz/', '/healthzz', '/HEALTHZ', '//healthz', '/', ''])
      expect(matchPath(health, p), p).toBeNull();
  });

  it('captures a placeholder only when the whole segment matches its pattern', () => {
    expect(matchPath(blob, '/api/blobs/ab12')).toEqual({ sha: 'ab12' });
    for (const p of ['/api/blobs/ab12/x', '/api/blobs/', '/api/blobs/AB12', '/api/blobs/ab123', '/api/blobs/ab1'])
      expect(matchPath(blob, p), p).toBeNull();
  });

  it('refuses a placeholder that declares no pattern', () => {
    const loose: Route = { method: 'GET', path: '/x/:id', handle: () => {} };
    expect(matchPath(loose, '/x/1')).toBeNull();
  });
});
