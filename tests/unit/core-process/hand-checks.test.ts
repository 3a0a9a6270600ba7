/**
 * The core process's first step reads its boundary by hand, before zod loads (#23): the
 * renderer channel's calls (serve.ts), main's messages (main-messages.ts) and its
 * `--config` (config-args.ts). Each check accepts and refuses what its zod schema does, and
 * passes on the same value.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coreProcessConfigSchema } from '../../../main/core-process/config';
import { parseCoreProcessArgs } from '../../../main/core-process/config-args';
import { mainToCoreSchema } from '../../../main/core-process/control';
import { parseMainToCore } from '../../../main/core-process/main-messages';
import { parseCall } from '../../../main/core-process/serve';

const label = (v: unknown) => JSON.stringify(v) ?? String(v);
const long = (n: number) => 'x'.repeat(n);

/** The schema serve.ts checked calls with before its hand check (#23). */
const callSchema = z.strictObject({
  t: z.literal('call'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  name: z.string().max(200),
  args: z.unknown(),
});

const calls: unknown[] = [
  { t: 'call', id: 1, name: 'chats:list', args: { limit: 50 } },
  { t: 'call', id: 0, name: '', args: undefined },
  { t: 'call', id: 0, name: 'x' },
  { t: 'call', id: 1, name: long(200), args: null },
  { t: 'call', id: 1, name: long(201), args: null },
  { t: 'call', id: -1, name: 'x', args: 1 },
  { t: 'call', id: 1.5, name: 'x', args: 1 },
  { t: 'call', id: Number.MAX_SAFE_INTEGER, name: 'x', args: 1 },
  { t: 'call', id: Number.MAX_SAFE_INTEGER + 2, name: 'x', args: 1 },
  { t: 'call', id: NaN, name: 'x', args: 1 },
  { t: 'call', id: '1', name: 'x', args: 1 },
  { t: 'call', id: 1, name: 7, args: 1 },
  { t: 'call', id: 1, args: 1 },
  { t: 'call', name: 'x', args: 1 },
  { t: 'reply', id: 1, name: 'x', args: 1 },
  { t: 'call', id: 1, name: 'x', args: 1, more: 2 },
  { id: 1, name: 'x', args: 1 },
  [],
  null,
  'call',
  3,
];

const mainMessages: unknown[] = [
  { t: 'attach-renderer' },
  { t: 'attach-renderer', port: 1 },
  { t: 'shutdown' },
  { t: 'shutdown', now: true },
  { t: 'renderer', msg: { t: 'call', id: 1, name: 'x', args: {} } },
  { t: 'renderer', msg: undefined },
  { t: 'renderer' },
  { t: 'renderer', msg: 1, x: 2 },
  { t: 'chat-requested', chatId: 'acc_1:6281@c.us' },
  { t: 'chat-requested', chatId: '' },
  { t: 'chat-requested', chatId: long(300) },
  { t: 'chat-requested', chatId: long(301) },
  { t: 'chat-requested', chatId: 5 },
  { t: 'notifications-paused', paused: true },
  { t: 'notifications-paused', paused: 'yes' },
  { t: 'notifications-paused' },
  { t: 'desktop-preferences', values: { launchAtLogin: true, autoUpdate: { enabled: true, url: 'https://u' } } },
  { t: 'desktop-preferences', values: { launchAtLogin: false, autoUpdate: { enabled: false, url: null } } },
  { t: 'desktop-preferences', values: { launchAtLogin: false, autoUpdate: { enabled: false, url: long(2000) } } },
  { t: 'desktop-preferences', values: { launchAtLogin: false, autoUpdate: { enabled: false, url: long(2001) } } },
  { t: 'desktop-preferences', values: { launchAtLogin: false, autoUpdate: { enabled: false } } },
  { t: 'desktop-preferences', values: { launchAtLogin: false, autoUpdate: { enabled: 1, url: null } } },
  { t: 'desktop-preferences', values: { launchAtLogin: false, autoUpdate: { enabled: true, url: null, x: 1 } } },
  { t: 'desktop-preferences', values: { launchAtLogin: false, autoUpdate: null } },
  { t: 'desktop-preferences', values: { autoUpdate: { enabled: true, url: null } } },
  { t: 'desktop-preferences', values: { launchAtLogin: false, autoUpdate: { enabled: true, url: null }, x: 1 } },
  { t: 'desktop-preferences', values: [] },
  { t: 'desktop-preferences' },
  { t: 'vault-result', id: 1, ok: true, value: 'secret' },
  { t: 'vault-result', id: 0, ok: false, value: null },
  { t: 'vault-result', id: 1, ok: true, value: long(1_000_000) },
  { t: 'vault-result', id: 1, ok: true, value: long(1_000_001) },
  { t: 'vault-result', id: -1, ok: true, value: null },
  { t: 'vault-result', id: 1.5, ok: true, value: null },
  { t: 'vault-result', id: 1, ok: 'true', value: null },
  { t: 'vault-result', id: 1, ok: true },
  { t: 'vault-result', id: 1, ok: true, value: null, x: 1 },
  { t: 'nope' },
  { t: 'ready' },
  {},
  [],
  null,
  'shutdown',
];

const configs: unknown[] = [
  { dataDir: '/d' },
  { dataDir: '' },
  { dataDir: long(4096) },
  { dataDir: long(4097) },
  {},
  { dataDir: '/d', shell: 'headless' },
  { dataDir: '/d', shell: 'electron' },
  { dataDir: '/d', shell: 'web' },
  { dataDir: '/d', shell: null },
  { dataDir: '/d', nativeBinding: '/n.node' },
  { dataDir: '/d', nativeBinding: '' },
  { dataDir: '/d', accountEnv: { ELECTRON_RUN_AS_NODE: '1' } },
  { dataDir: '/d', accountEnv: {} },
  { dataDir: '/d', accountEnv: { [long(100)]: 'v' } },
  { dataDir: '/d', accountEnv: { [long(101)]: 'v' } },
  { dataDir: '/d', accountEnv: { A: long(4096) } },
  { dataDir: '/d', accountEnv: { A: long(4097) } },
  { dataDir: '/d', accountEnv: { A: 1 } },
  { dataDir: '/d', accountEnv: ['a'] },
  { dataDir: '/d', simulator: {} },
  { dataDir: '/d', simulator: { chats: 1, chatterIntervalMs: 0, qrScanDelayMs: 0, history: 0 } },
  {
    dataDir: '/d',
    simulator: { chats: 500, chatterIntervalMs: 3_600_000, qrScanDelayMs: 600_000, history: 1_000_000 },
  },
  { dataDir: '/d', simulator: { chats: 0 } },
  { dataDir: '/d', simulator: { chats: 501 } },
  { dataDir: '/d', simulator: { chats: 1.5 } },
  { dataDir: '/d', simulator: { chatterIntervalMs: -1 } },
  { dataDir: '/d', simulator: { qrScanDelayMs: 600_001 } },
  { dataDir: '/d', simulator: { history: 1_000_001 } },
  { dataDir: '/d', simulator: { speed: 1 } },
  { dataDir: '/d', simulator: null },
  { dataDir: '/d', liveTrace: '/t' },
  { dataDir: '/d', liveTrace: '' },
  { dataDir: '/d', other: 1 },
  { dataDir: 5 },
  [],
  null,
  'x',
];

describe('hand checks of the core process boundary', () => {
  it.each(calls.map(c => [label(c), c]))('a channel call: %s', (_, raw) => {
    const schema = callSchema.safeParse(raw);
    expect(parseCall(raw)).toEqual(schema.success ? schema.data : null);
  });

  it.each(mainMessages.map(m => [label(m).slice(0, 120), m]))('a message from main: %s', (_, raw) => {
    const schema = mainToCoreSchema.safeParse(raw);
    expect(parseMainToCore(raw)).toEqual(schema.success ? schema.data : null);
  });

  it.each(configs.map(c => [label(c).slice(0, 120), c]))('a --config: %s', (_, raw) => {
    const schema = coreProcessConfigSchema.safeParse(raw);
    const mine = parseCoreProcessArgs(['--config', JSON.stringify(raw)]);
    expect(mine.ok).toBe(schema.success);
    if (mine.ok && schema.success) expect(mine.value).toEqual(schema.data);
  });

  it('refuses a --config that is missing or not JSON', () => {
    expect(parseCoreProcessArgs([])).toEqual({ ok: false, error: 'missing --config <json>' });
    expect(parseCoreProcessArgs(['--config', '{'])).toEqual({ ok: false, error: '--config is not JSON' });
  });
});
