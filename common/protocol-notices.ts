/**
 * Notices: a fact the workspace server sends to one member so their desktop shows a
 * notification (#17). Two kinds: a rule's `notify` action (its text, already rendered) and
 * an SLA breach (no text: the desktop words it from the code, in the member's language).
 * Member audience, so a desktop that was offline gets it from its pull. Registered in
 * wire-schemas.ts (facts) and protocol.ts; described in docs/protocol.md, "Notices".
 */
import { z } from 'zod';

export const NOTICE_KINDS = ['rule', 'sla_breach'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_TEXT_MAX = 2_000;

export const wireNoticeSchema = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(NOTICE_KINDS),
  accountId: z.string().min(1).max(200),
  chatId: z.string().min(1).max(420),
  /** The chat's name when the notice was made, so it can be shown without the chat. */
  chatName: z.string().max(200),
  /** The rule's rendered text; null for an SLA breach. */
  text: z.string().max(NOTICE_TEXT_MAX).nullable(),
  createdAt: z.number().int(),
});
export type WireNotice = z.infer<typeof wireNoticeSchema>;

export const NOTICE_FACT_SHAPES = {
  'notice:added': { notice: wireNoticeSchema },
} as const;
