/**
 * The host's hand check of its core's messages (main/host/core-messages.ts) against the
 * schemas Electron's main parses them with: for the three shapes the host acts on, both
 * accept and refuse the same messages.
 */
import { describe, expect, it } from 'vitest';
import { coreToMainSchema } from '../../../main/core-process/control';
import { parseCoreToHost } from '../../../main/host/core-messages';

const HOST_SHAPES = new Set(['ready', 'failed', 'renderer']);

const samples: unknown[] = [
  { t: 'ready' },
  { t: 'ready', extra: 1 },
  { t: 'failed', message: 'disk full' },
  { t: 'failed', message: 'x'.repeat(4000) },
  { t: 'failed', message: 'x'.repeat(4001) },
  { t: 'failed', message: 7 },
  { t: 'failed' },
  { t: 'failed', message: 'a', more: true },
  { t: 'renderer', msg: { t: 'reply', id: 1, reply: { ok: true, value: 1 } } },
  { t: 'renderer', msg: null },
  { t: 'renderer' },
  { t: 'renderer', msg: 1, other: 2 },
  { t: 'accounts', accounts: [] },
  { t: 'vault-get', id: 1, name: 'k' },
  { t: 'nope' },
  { t: 'ready', toString: 'x' },
  ['ready'],
  'ready',
  null,
  undefined,
  42,
];

describe("the host's check of its core's messages", () => {
  it.each(samples.map(s => [JSON.stringify(s) ?? String(s), s]))('agrees with the schema on %s', (_, raw) => {
    const schema = coreToMainSchema.safeParse(raw);
    const expected = schema.success && HOST_SHAPES.has(schema.data.t) ? schema.data : null;
    expect(parseCoreToHost(raw)).toEqual(expected);
  });

  it('keeps the renderer lane message as it came', () => {
    const msg = { t: 'event', name: 'chats:changed', payload: { ids: ['a'] } };
    expect(parseCoreToHost({ t: 'renderer', msg })).toEqual({ t: 'renderer', msg });
  });
});
