/**
 * Opaque page cursors: base64url JSON of the keyset a page ended at. A client hands back
 * what it got; anything else it sends is checked like every input (400 when it is not ours).
 */
import { z } from 'zod';
import { CommandError } from '../../../../common/result';

export const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string | undefined): z.output<S> | null {
  if (cursor === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CommandError('invalid_args', 'not a cursor from this API');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CommandError('invalid_args', 'not a cursor from this API');
  return parsed.data;
}

/** A `cursor` query parameter: what a previous page answered as `nextCursor`. */
export const cursorParam = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z0-9_-]+$/)
  .optional()
  .describe('The `nextCursor` of the previous page; leave out for the first page');
