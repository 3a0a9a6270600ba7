/**
 * Cloud API numbers. Settings → WhatsApp Cloud API numbers (admins) and the composer's
 * template picker (members of the number). The core relays each command to the workspace
 * server's `cloud:*`, which checks who may; credentials typed here are never read back.
 */
import { z } from 'zod';
import { cloudAccountSchema, cloudAddSchema, cloudTemplateSendSchema } from '../protocol-cloud';
import type { WireCloudNumber, WireCloudTemplate } from '../protocol-cloud';
import type { WireSend } from '../protocol-wire';
import { command } from './define';

export type { WireCloudNumber, WireCloudTemplate };

export const cloudCommands = {
  'cloudNumbers:list': command<readonly WireCloudNumber[]>()(z.strictObject({})),
  'cloudNumbers:add': command<WireCloudNumber>()(cloudAddSchema),
  'cloudNumbers:remove': command<{ readonly accountId: string }>()(cloudAccountSchema),
  /** The number's message templates (members of the number); only APPROVED ones can be sent. */
  'cloudTemplates:list': command<readonly WireCloudTemplate[]>()(cloudAccountSchema),
  /** Sends a template, inside or outside the 24-hour window; the chat shows it once the server has sent it. */
  'cloudTemplates:send': command<WireSend>()(cloudTemplateSendSchema),
} as const;
