/**
 * One dispatch over a core that starts in two steps (#23): the first screen's queries are
 * answered as soon as the store is open; every other command waits for the whole core and
 * is then answered, never dropped. A whole core that fails to start answers what waited
 * with `unavailable` (its process reports the failure and ends).
 */
import type { Reply } from '../../common/result';
import { fail } from '../../common/result';
import type { Dispatch } from './dispatch';
import type { FirstScreen } from './first-screen';

export type StagedDispatch = {
  readonly dispatch: Dispatch;
  /** Commands answered before the whole core was ready (for tests and the start's log). */
  earlyAnswers(): number;
};

export function stagedDispatch(first: FirstScreen, whole: Promise<{ readonly dispatch: Dispatch }>): StagedDispatch {
  let ready: Dispatch | null = null;
  let early = 0;
  const waiting: Promise<Dispatch | Error> = whole.then(
    core => (ready = core.dispatch),
    (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
  );
  const dispatch: Dispatch = async (name, args, ctx): Promise<Reply<unknown>> => {
    if (ready) return ready(name, args, ctx);
    if (first.serves(name)) {
      early += 1;
      return first.dispatch(name, args, ctx);
    }
    const core = await waiting;
    if (core instanceof Error) return fail('unavailable', `The app core could not start: ${core.message}`);
    return core(name, args, ctx);
  };
  return { dispatch, earlyAnswers: () => early };
}
