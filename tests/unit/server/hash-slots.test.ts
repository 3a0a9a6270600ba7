import { describe, expect, it } from 'vitest';
import { createSlots } from '../../../sync-server/src/auth/hash-slots';

describe('hash slots', () => {
  it('runs at most `size` jobs at once, all of them eventually, in arrival order', async () => {
    const slots = createSlots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const jobs = Array.from({ length: 7 }, (_, i) =>
      slots(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise(r => setTimeout(r, 5));
        running--;
        return i * 10;
      }),
    );
    expect(await Promise.all(jobs)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('frees the slot when a job fails', async () => {
    const slots = createSlots(1);
    await expect(slots(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots(() => Promise.resolve('next'))).toBe('next');
  });
});
