import { expect, test } from '@playwright/test';
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesktopOnDouble } from '../helpers/electron-double/launch';
import { launchDesktopOnDouble } from '../helpers/electron-double/launch';

// The double's own contract, piece by piece, with a small main of its own
// (tests/helpers/electron-double/fixtures): if the double stopped behaving like Electron
// where it claims to, the desktop scenario could pass for the wrong reason.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'electron-double', 'fixtures');

type Contract = {
  modules: Record<string, string>;
  point: object;
  date: unknown;
  add(a: number, b: number): number;
  callBack(cb: (n: number) => number): number;
  later(v: number): Promise<number>;
  fail(): void;
  sendFunction(): string;
  echo(v: unknown): Promise<unknown>;
  results(): Promise<Record<string, unknown>>;
};

let app: DesktopOnDouble;
test.beforeAll(async () => {
  app = await launchDesktopOnDouble({
    entry: join('fixtures', 'contract-main.mjs'),
    mutate: root => cpSync(fixtures, join(root, 'fixtures'), { recursive: true }),
  });
});
test.afterAll(async () => {
  await app.dispose();
});

test('the sandboxed preload may require electron, events, timers and url, nothing else', async () => {
  const page = await app.window();
  await expect(page.getByText('contract page')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { contract: Contract }).contract.modules)).toEqual({
    events: 'function',
    timers: 'function',
    url: 'function',
    fs: 'module not found: fs',
    childProcess: 'module not found: node:child_process',
  });
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
});

test('contextBridge copies like Electron: prototypes dropped, functions and promises proxied, errors copied', async () => {
  const page = await app.window();
  const seen = await page.evaluate(async () => {
    const c = (globalThis as unknown as { contract: Contract }).contract;
    let thrown = '';
    try {
      c.fail();
    } catch (err) {
      thrown = err instanceof Error ? err.message : 'not an Error';
    }
    return {
      plainPrototype: Object.getPrototypeOf(c.point) === Object.prototype,
      point: { ...c.point },
      getterKept: 'doubled' in c.point,
      date: c.date instanceof Date,
      add: c.add(2, 3),
      callBack: c.callBack(n => n * 2),
      later: await c.later(21),
      thrown,
      rebind: (globalThis as { rebind?: unknown }).rebind,
    };
  });
  expect(seen).toEqual({
    plainPrototype: true,
    point: { x: 1 },
    getterKept: false,
    date: true,
    add: 5,
    callBack: 41,
    later: 42,
    thrown: 'bad input',
    rebind: 'Cannot bind an API on top of an existing property on the window object',
  });
});

test('IPC clones like Electron: a function in a payload throws, Map/BigInt/undefined survive', async () => {
  const page = await app.window();
  expect(await page.evaluate(() => (globalThis as unknown as { contract: Contract }).contract.sendFunction())).toBe(
    'threw',
  );
  const echoed = await page.evaluate(async () => {
    const back = (await (globalThis as unknown as { contract: Contract }).contract.echo({
      m: new Map([[1, 'a']]),
      big: 10n,
      u: undefined,
      d: new Date(7),
    })) as {
      m: Map<number, string>;
      big: bigint;
      u: undefined;
      d: Date;
    };
    return { map: back.m instanceof Map && back.m.get(1), big: back.big === 10n, u: 'u' in back, d: back.d.getTime() };
  });
  expect(echoed).toEqual({ map: 'a', big: true, u: true, d: 7 });
  const results = await page.evaluate(() => (globalThis as unknown as { contract: Contract }).contract.results());
  expect(results.postMessageWithFunction).toBe('threw');
});

test('utilityProcess: a real child with parentPort, a transferred port, structured clone and no process.send', async () => {
  const page = await app.window();
  const results = await page.evaluate(() => (globalThis as unknown as { contract: Contract }).contract.results());
  expect(results.child).toEqual({ n: 42, date: true, send: 'undefined' });
});

test('safeStorage encrypts for real: round trip, no plain text, tampering detected', async () => {
  const page = await app.window();
  const results = await page.evaluate(() => (globalThis as unknown as { contract: Contract }).contract.results());
  expect(results.safeStorage).toEqual({ roundTrip: true, plainVisible: false, tamperedThrows: true });
});

test('protocol.handle answers every request of the page, including a 404', async () => {
  const page = await app.window();
  expect(await page.evaluate(async () => (await fetch('/missing.js')).status)).toBe(404);
  expect((await app.state()).windows[0]?.url).toBe('app://bundle/index.html');
});
