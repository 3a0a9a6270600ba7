import { z } from 'zod';
import type { Account } from '../domain';
import { command } from './define';

export const accountsCommands = {
  'accounts:list': command<readonly Account[]>()(z.strictObject({})),
} as const;
