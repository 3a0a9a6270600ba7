import { z } from 'zod';
import type { Account } from '../domain';
import { command } from './define';

export const accountsCommands = {
  'accounts:list': command<readonly Account[]>()(z.strictObject({})),
} as const;

export type AccountsEvents = {
  'accounts:changed': { readonly accounts: readonly Account[] };
};

export const accountsEventNames: Record<keyof AccountsEvents, true> = {
  'accounts:changed': true,
};
