import type { z } from 'zod';

/**
 * One renderer→core command: a zod schema for its single object argument and, as a
 * phantom type, its result. Declared once here; the router, both bridges and the
 * renderer's client derive their types from it.
 */
export type CommandSpec<A extends z.ZodType = z.ZodType, R = unknown> = {
  readonly args: A;
  /** Phantom: never set at run time, only carries the result type. */
  readonly result?: R;
};

export const command =
  <R>() =>
  <A extends z.ZodType>(args: A): CommandSpec<A, R> => ({ args });

export type CommandMap = Readonly<Record<string, CommandSpec>>;
