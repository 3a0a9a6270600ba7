import { describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../../main/core/router';

describe('handler table typing', () => {
  it('makes a missing handler a compile error', () => {
    // `npm run typecheck` fails if this line ever compiles, i.e. if a partial table is accepted.
    // @ts-expect-error app:ping and the rest are missing
    const partial: HandlerTable = { 'app:info': () => ({}) as never };
    expect(Object.keys(partial)).toEqual(['app:info']);
  });
});
