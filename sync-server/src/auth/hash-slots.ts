/**
 * At most a few password hashes run at once. Each scrypt hash holds ~128 MiB and occupies
 * one of libuv's four pool threads for a few hundred milliseconds; a burst of sign-ins
 * would otherwise fill the pool and stall every file read (media downloads) queued behind
 * them. Waiting hashes take no memory and no pool thread.
 */
export type Slots = <T>(work: () => Promise<T>) => Promise<T>;

export function createSlots(size: number): Slots {
  let busy = 0;
  const waiting: Array<() => void> = [];
  // A freed slot passes straight to the next waiter: a caller arriving before that waiter
  // resumes must not take it too.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else busy--;
  };
  return async work => {
    if (busy >= size) await new Promise<void>(resolve => waiting.push(resolve));
    else busy++;
    try {
      return await work();
    } finally {
      release();
    }
  };
}
