/**
 * The webhook fields other than `messages` (docs/cloud-api.md, "Webhook fields"): a
 * number's messaging limit changed, a template's status changed, the business account was
 * updated. Read into plain events the server acts on; every other field is counted as
 * ignored. Pure, and never throws: a value that does not fit is counted, not trusted.
 */
import { z } from 'zod';
import { cloudWebhookSchema } from './webhook-payload';

const str = (max = 200) => z.string().max(max);

const qualityValueSchema = z.object({
  display_phone_number: str(40),
  event: str(40),
  current_limit: str(40).optional(),
  max_daily_conversations_per_business: str(40).optional(),
});
const templateValueSchema = z.object({
  event: str(40),
  message_template_id: z.union([z.number(), str(40)]).optional(),
  message_template_name: str(512).optional(),
  message_template_language: str(32).optional(),
  reason: str(200).nullable().optional(),
});
const accountValueSchema = z.object({ event: str(60) });

export type QualityEvent = {
  readonly wabaId: string;
  /** Digits only: matched against the stored display number of each of the account's numbers. */
  readonly phoneDigits: string;
  readonly event: string;
  /** The newer field when Meta sends it, the older one otherwise; null when neither. */
  readonly limit: string | null;
};
export type TemplateEvent = { readonly wabaId: string; readonly event: string; readonly name: string | null };
export type AccountEvent = { readonly wabaId: string; readonly event: string };

export type WebhookEvents = {
  readonly quality: readonly QualityEvent[];
  readonly templates: readonly TemplateEvent[];
  readonly accounts: readonly AccountEvent[];
  /** Changes of fields Blazz does not read (and values that did not fit): handled by being ignored. */
  readonly ignored: number;
};

const EMPTY: WebhookEvents = { quality: [], templates: [], accounts: [], ignored: 0 };

export function webhookEvents(body: unknown): WebhookEvents {
  const parsed = cloudWebhookSchema.safeParse(body);
  if (!parsed.success) return EMPTY;
  const quality: QualityEvent[] = [];
  const templates: TemplateEvent[] = [];
  const accounts: AccountEvent[] = [];
  let ignored = 0;
  for (const entry of parsed.data.entry) {
    const wabaId = entry.id;
    for (const { field, value } of entry.changes) {
      if (field === 'messages') continue;
      if (field === 'phone_number_quality_update') {
        const v = qualityValueSchema.safeParse(value);
        const phoneDigits = v.success ? v.data.display_phone_number.replace(/\D/g, '') : '';
        if (v.success && phoneDigits)
          quality.push({
            wabaId,
            phoneDigits,
            event: v.data.event.toUpperCase(),
            limit: v.data.max_daily_conversations_per_business ?? v.data.current_limit ?? null,
          });
        else ignored++;
      } else if (field === 'message_template_status_update') {
        const v = templateValueSchema.safeParse(value);
        if (v.success)
          templates.push({ wabaId, event: v.data.event.toUpperCase(), name: v.data.message_template_name ?? null });
        else ignored++;
      } else if (field === 'account_update') {
        const v = accountValueSchema.safeParse(value);
        if (v.success) accounts.push({ wabaId, event: v.data.event.toUpperCase() });
        else ignored++;
      } else ignored++;
    }
  }
  return { quality, templates, accounts, ignored };
}

/** Whether the body carries anything besides `messages` (so the worker has events to act on). */
export const hasEvents = (e: WebhookEvents): boolean => e.quality.length + e.templates.length + e.accounts.length > 0;
