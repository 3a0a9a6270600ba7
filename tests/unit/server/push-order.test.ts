import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../common/result';
import { createPushOrder } from '../../../sync-server/src/handlers/push-order';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof CommandError ? e.code : String(e)),
  );

describe('push order (one device’s pushes, in the order they arrived)', () => {
  it('runs pushes in arrival order even when a later one is ready first', async () => {
    const order = createPushOrder();
    const log: string[] = [];
    // Turns are taken on arrival; the second push finishes parsing first and asks to run first.
    const first = order.reserve('device-1');
    const second = order.reserve('device-1');
    const third = order.reserve('device-1');
    const work = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      third.run(work('c', 1)),
      second.run(work('b', 1)),
      sleep(10).then(() => first.run(work('a', 20))),
    ]);
    expect(results).toEqual(['c', 'b', 'a']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    await sleep(0);
    expect(order.busy()).toBe(0);
  });

  it('refuses the pushes waiting behind a failed one, through one given up unrun, then takes the resend', async () => {
    const order = createPushOrder();
    const ran: string[] = [];
    const first = order.reserve('device-1');
    const givenUp = order.reserve('device-1');
    const third = order.reserve('device-1');
    givenUp.release(); // refused before its work (say, an invalid payload)
    const outcomes = Promise.all([
      codeOf(third.run(async () => void ran.push('third'))),
      codeOf(
        first.run(async () => {
          await sleep(10);
          throw new CommandError('internal', 'deadlock');
        }),
      ),
    ]);
    expect(await outcomes).toEqual(['unavailable', 'internal']);
    expect(ran).toEqual([]);
    await sleep(0);
    // The device pushes again from the failed batch: it runs.
    await order.reserve('device-1').run(async () => void ran.push('resend'));
    expect(ran).toEqual(['resend']);
    await sleep(0);
    expect(order.busy()).toBe(0);
  });

  it('lets a push behind one given up unrun once the earlier ones are done', async () => {
    const order = createPushOrder();
    const log: string[] = [];
    const first = order.reserve('device-1');
    const givenUp = order.reserve('device-1');
    const third = order.reserve('device-1');
    const running = third.run(async () => void log.push('third'));
    givenUp.release();
    await sleep(5);
    expect(log).toEqual([]); // still behind the first
    await first.run(async () => void log.push('first'));
    await running;
    expect(log).toEqual(['first', 'third']);
  });

  it('lets different devices push at the same time', async () => {
    const order = createPushOrder();
    const log: string[] = [];
    const slow = order.reserve('device-1').run(async () => {
      log.push('start 1');
      await sleep(30);
      log.push('end 1');
    });
    const fast = order.reserve('device-2').run(async () => {
      log.push('start 2');
      await sleep(1);
      log.push('end 2');
    });
    await Promise.all([slow, fast]);
    expect(log).toEqual(['start 1', 'start 2', 'end 2', 'end 1']);
  });

  it('lets the next push insert ahead only once the earlier one allows it or is done', async () => {
    const order = createPushOrder();
    const log: string[] = [];
    const first = order.reserve('device-1');
    const second = order.reserve('device-1');
    const third = order.reserve('device-1');
    void second.ahead().then(() => log.push('second ahead'));
    void third.ahead().then(() => log.push('third ahead'));
    await first.ahead();
    await sleep(5);
    expect(log).toEqual([]); // the first has not inserted yet
    first.letNextAhead();
    await sleep(0);
    expect(log).toEqual(['second ahead']); // the third waits for the second's own leave
    // The second does not allow it (say, it carries acks): the third goes ahead once the second is done.
    const running = first.run(async () => void log.push('first runs'));
    const secondRuns = second.run(async () => void log.push('second runs'));
    await Promise.all([running, secondRuns]);
    await sleep(0);
    expect(log).toEqual(['second ahead', 'first runs', 'second runs', 'third ahead']);
    await third.run(async () => undefined);
  });

  it('refuses a push that went ahead when the one before it fails, and one that failed ahead refuses the next', async () => {
    const order = createPushOrder();
    const first = order.reserve('device-1');
    const second = order.reserve('device-1');
    first.letNextAhead();
    await second.ahead();
    const outcomes = Promise.all([
      codeOf(second.run(async () => 'stored')),
      codeOf(first.run(() => Promise.reject(new CommandError('internal', 'commit failed')))),
    ]);
    expect(await outcomes).toEqual(['unavailable', 'internal']);
    // A push whose early INSERT failed settles as failed: the one behind it is refused, not run.
    const third = order.reserve('device-1');
    const fourth = order.reserve('device-1');
    third.fail();
    third.release(); // dispatch's finally: no effect once failed
    expect(await codeOf(fourth.run(async () => 'stored'))).toBe('unavailable');
    await sleep(0);
    expect(order.busy()).toBe(0);
  });
});
