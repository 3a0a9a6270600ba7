import { describe, expect, it } from 'vitest';
import { jsonSize } from '../../../sync-server/src/handlers/json-size';

const exact = (v: unknown) => JSON.stringify(v ?? null).length;

/** A random JSON value as Socket.IO's JSON.parse would hand it over (parsed back from text). */
function randomJson(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 3 ? 4 : 6));
  const chars = ['a', 'é', '"', '\\', '\n', '\u0001', '\u007f', '😀', '\ud800', '中', ' ', '/'];
  const text = () =>
    Array.from({ length: Math.floor(rand() * 8) }, () => chars[Math.floor(rand() * chars.length)]).join('');
  switch (pick) {
    case 0:
      return text();
    case 1:
      return [0, -0, 1.5, -12, 1e21, 1e-7, 123456789012][Math.floor(rand() * 7)];
    case 2:
      return rand() < 0.5;
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomJson(rand, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 4) }, (_, i) => [`${text()}${i}`, randomJson(rand, depth + 1)]),
      );
  }
}

describe('jsonSize', () => {
  it('equals the length of JSON.stringify for every kind of parsed value', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const value = JSON.parse(JSON.stringify(randomJson(rand))) as unknown;
      expect(jsonSize(value)).toBe(exact(value));
    }
  });

  it('measures what JSON drops or rewrites as JSON does', () => {
    const cases: unknown[] = [
      undefined,
      { a: undefined, b: () => 1, c: Symbol('x'), d: 1 },
      [undefined, () => 1, Symbol('y')],
      [Number.NaN, Number.POSITIVE_INFINITY],
      { toJSON: 'a plain member' },
      { when: new Date(0), data: Buffer.from('hi') },
      Object.assign(Object.create(null) as object, { x: 'y' }),
      { '\u2028key"': 'line\u2028separator' },
      '',
      [],
      {},
    ];
    for (const v of cases) expect(jsonSize(v)).toBe(exact(v));
  });

  it('is past the bound as soon as it is known to be, and infinite where JSON throws', () => {
    const big = { messages: Array.from({ length: 1000 }, (_, i) => ({ body: `message ${i}`.repeat(20) })) };
    const size = exact(big);
    expect(jsonSize(big, size)).toBe(size);
    expect(jsonSize(big, 1000)).toBeGreaterThan(1000);
    expect(jsonSize(big, 1000)).toBeLessThan(size);
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(jsonSize(cycle)).toBe(Number.POSITIVE_INFINITY);
    expect(jsonSize({ n: 1n })).toBe(Number.POSITIVE_INFINITY);
  });
});
