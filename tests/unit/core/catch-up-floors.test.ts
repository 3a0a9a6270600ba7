/**
 * A crash during catch-up must not leave a hole in a chat's history: a live message stored
 * while the catch-up still fetches the messages before it would otherwise become the chat's
 * watermark, and the next catch-up would start after the messages never stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestSink } from '../../../main/accounts/ports';
import { storeIngestSink } from '../../../main/core/adapters/ingest-sink';
import { createEventBus } from '../../../main/platform/event-bus';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { openStore } from '../../../main/store';
import { addAccount, msg, T0 } from '../store/fixtures';

const A = 'a1';
const KNOWN = '628111@c.us';
const OTHER = '628222@c.us';
const NEW = '628333@c.us';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'catchup-'));
});
afterEach(() => {
  if (store?.db.sqlite.open) store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the same database file again, as the app does after a crash. */
function start(): IngestSink {
  store = openStore({ file: join(dir, 'store.db'), checkpointEveryMs: 0 });
  return storeIngestSink(store, createEventBus(), silentLogger);
}

const at = (minutes: number) => T0 + minutes * 60_000;
const stored = (chatJid: string, minutes: number, origin: 'live' | 'history', sink: IngestSink) =>
  sink.ingest({ messages: [msg(addAccount(store, A), chatJid, { timestamp: at(minutes) })] }, origin);

describe('catch-up floors', () => {
  it('a catch-up that never finished is started again below the live messages stored during it', () => {
    let sink = start();
    stored(KNOWN, 0, 'history', sink);
    stored(OTHER, 1, 'history', sink);
    expect(sink.beginCatchUp(A)).toEqual(
      new Map([
        [KNOWN, at(0)],
        [OTHER, at(1)],
      ]),
    );
    // The catch-up stores KNOWN's first missing message, then a customer writes live in
    // KNOWN and in a chat this desktop never saw; the app dies before the catch-up ends.
    stored(KNOWN, 10, 'history', sink);
    stored(KNOWN, 60, 'live', sink);
    stored(NEW, 61, 'live', sink);
    store.close();

    sink = start();
    // KNOWN starts where the catch-up had got to (10), not at the live message (60); NEW is
    // fetched as a chat with no watermark; OTHER had no live message and keeps its own.
    expect(sink.beginCatchUp(A)).toEqual(
      new Map([
        [KNOWN, at(10)],
        [OTHER, at(1)],
      ]),
    );
  });

  it('keeps the floors across a second crash, and a live message later in the same catch-up moves nothing', () => {
    let sink = start();
    stored(KNOWN, 0, 'history', sink);
    sink.beginCatchUp(A);
    stored(KNOWN, 60, 'live', sink);
    store.close();

    sink = start();
    expect(sink.beginCatchUp(A).get(KNOWN)).toBe(at(0));
    stored(KNOWN, 90, 'live', sink);
    store.close();

    sink = start();
    expect(sink.beginCatchUp(A).get(KNOWN)).toBe(at(0));
  });

  it('a finished catch-up ends the floors: the newest stored message is the watermark again', () => {
    let sink = start();
    stored(KNOWN, 0, 'history', sink);
    sink.beginCatchUp(A);
    stored(KNOWN, 60, 'live', sink);
    sink.endCatchUp(A);
    stored(KNOWN, 70, 'live', sink);
    store.close();

    sink = start();
    expect(sink.beginCatchUp(A).get(KNOWN)).toBe(at(70));
  });

  it('live messages outside a catch-up, history and other accounts record no floor', () => {
    const sink = start();
    stored(KNOWN, 0, 'history', sink);
    stored(KNOWN, 5, 'live', sink);
    expect(store.catchUpFloors(A)).toBeNull();
    sink.beginCatchUp('other-account');
    stored(KNOWN, 6, 'live', sink);
    expect(store.catchUpFloors(A)).toBeNull();
    sink.beginCatchUp(A);
    stored(KNOWN, 7, 'history', sink);
    expect(store.catchUpFloors(A)).toEqual({});
    stored(KNOWN, 8, 'live', sink);
    expect(store.catchUpFloors(A)).toEqual({ [KNOWN]: at(7) });
  });

  it('a marker this code did not write counts as an unfinished catch-up with no floors', () => {
    const sink = start();
    stored(KNOWN, 0, 'history', sink);
    store.setSetting(`catch_up:${A}`, 'garbage');
    expect(store.catchUpFloors(A)).toEqual({});
    expect(sink.beginCatchUp(A).get(KNOWN)).toBe(at(0));
    stored(KNOWN, 9, 'live', sink);
    expect(store.catchUpFloors(A)).toEqual({ [KNOWN]: at(0) });
  });
});
