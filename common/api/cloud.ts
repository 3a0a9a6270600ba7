/**
 * Settings → Cloud API numbers (admins). The core relays each command to the workspace
 * server's `cloud:*` (which checks the caller is an admin); the credentials typed here go
 * to the server once and are never read back.
 */
import { z } from 'zod';
import { cloudAccountSchema, cloudAddSchema } from '../protocol-cloud';
import type { WireCloudNumber } from '../protocol-cloud';
import { command } from './define';

export type { WireCloudNumber };

export const cloudCommands = {
  'cloudNumbers:list': command<readonly WireCloudNumber[]>()(z.strictObject({})),
  'cloudNumbers:add': command<WireCloudNumber>()(cloudAddSchema),
  'cloudNumbers:remove': command<{ readonly accountId: string }>()(cloudAccountSchema),
} as const;
