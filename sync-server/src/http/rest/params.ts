/** Parameters and shapes every REST endpoint file shares. */
import { z } from 'zod';
import { chatIdSchema } from '../../../../common/ids';
import { CommandError } from '../../../../common/result';
import type { EndpointInput } from './endpoint';

export const limitParam = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(`Items per page, 1–${max}`);

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().describe('null on the last page') });

/** The path's chat id, checked as the socket's chat ids are. */
export function chatIdOf(input: Pick<EndpointInput, 'chatId'>): string {
  const parsed = chatIdSchema.safeParse(input.chatId);
  if (!parsed.success) throw new CommandError('invalid_args', 'not a chat id (accountId:jid)');
  return parsed.data;
}
