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
import { attachmentSchema } from './messages';

export type { WireCloudNumber, WireCloudTemplate };

/** An uploaded header file: what `header.upload` takes, and the stored type. */
export type TemplateHeaderFile = { readonly sha256: string; readonly size: number; readonly mimeType: string };

export const cloudCommands = {
  'cloudNumbers:list': command<readonly WireCloudNumber[]>()(z.strictObject({})),
  'cloudNumbers:add': command<WireCloudNumber>()(cloudAddSchema),
  'cloudNumbers:remove': command<{ readonly accountId: string }>()(cloudAccountSchema),
  /** The number's message templates (members of the number); only APPROVED ones can be sent. */
  'cloudTemplates:list': command<readonly WireCloudTemplate[]>()(cloudAccountSchema),
  /** Sends a template, inside or outside the 24-hour window; the chat shows it once the server has sent it. */
  'cloudTemplates:send': command<WireSend>()(cloudTemplateSendSchema),
  /**
   * A file for a template's media header: the core uploads it to the workspace server
   * (PUT /api/uploads) and answers its reference, which `cloudTemplates:send` then takes as
   * `header.upload`. It travels in the command, so the bridge's limit applies (MAX_ATTACHMENT_BYTES).
   */
  'cloudTemplates:uploadHeader': command<TemplateHeaderFile>()(attachmentSchema),
} as const;
