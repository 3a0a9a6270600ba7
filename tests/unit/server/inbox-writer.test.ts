/**
 * The webhook's shared insert: bodies that arrive while one insert is in flight go in
 * together in the next, each POST is answered only once its own insert is done, and a
 * failed insert fails exactly the POSTs whose bodies it held.
 */
import { describe, expect, it } from 'vitest';
import type { RawExec } from '../../../sync-server/src/db/index';
import { createInboxWriter } from '../../../sync-server/src/cloud/inbox-writer';

function fakeDb(failOn?: (bodies: string[]) => boolean) {
  const statements: string[][] = [];
  let release: (() => void) | null = null;
  const db = {
    query: (_sql: string, args: [Array<[number, string, string, number, number]>]) => {
      const bodies = args[0].map(row => row[1]);
      statements.push(bodies);
      return new Promise((resolve, reject) => {
        release = () =>
          failOn?.(bodies) ? reject(new Error('disk full')) : resolve([{ affectedRows: bodies.length }]);
      });
    },
  };
  const finish = async () => {
    await new Promise(r => setTimeout(r, 0));
    const r = release as (() => void) | null;
    release = null;
    r?.();
    await new Promise(r => setTimeout(r, 0));
  };
  return { db: db as unknown as RawExec, statements, finish };
}

describe('the webhook inbox writer', () => {
  it('puts what arrived during an insert into the next one, and answers each after its own', async () => {
    const { db, statements, finish } = fakeDb();
    const w = createInboxWriter(
      () => db,
      () => 1,
    );
    const done: string[] = [];
    const a = w.write('a').then(() => done.push('a'));
    const b = w.write('b').then(() => done.push('b'));
    const c = w.write('c').then(() => done.push('c'));
    await finish();
    expect(statements).toEqual([['a'], ['b', 'c']]);
    expect(done).toEqual(['a']);
    await finish();
    await Promise.all([a, b, c]);
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('fails only the POSTs of the insert that failed, and goes on with the next', async () => {
    const { db, statements, finish } = fakeDb(bodies => bodies.includes('bad'));
    const w = createInboxWriter(
      () => db,
      () => 1,
    );
    // Observed at once: the rejection comes while the test is still waiting on the insert.
    const first = w.write('bad').then(
      () => 'ok',
      (err: Error) => err.message,
    );
    const second = w.write('good');
    await finish();
    expect(await first).toBe('disk full');
    await finish();
    await expect(second).resolves.toBeUndefined();
    expect(statements).toEqual([['bad'], ['good']]);
  });
});
