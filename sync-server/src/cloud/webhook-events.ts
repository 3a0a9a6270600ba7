/**
 * Acts on the webhook fields besides `messages` (common/cloud/webhook-events.ts): a quality
 * update is stored on the number (and its quality rating read again from Graph, as the
 * webhook itself does not carry it), a template status update drops the numbers' template
 * lists so the picker reads them fresh, and an account update goes to the audit log.
 */
import type { WebhookEvents } from '../../../common/cloud/webhook-events';
import { listCloudNumbers, setCloudQuality } from '../db/repositories/cloud';
import type { CloudNumberRow } from '../db/repositories/cloud';
import { insertAudit } from '../db/repositories/workspace';
import type { Services } from '../handlers/context';
import { openNumber } from './secrets';
import { forgetTemplates } from './template-cache';

const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');

/** Graph's quality rating of the number now; undefined (keep what is stored) when Graph does not answer. */
async function readRating(services: Services, row: CloudNumberRow): Promise<string | undefined> {
  const number = openNumber(services.mfaKey, row);
  if (!number) return undefined;
  const info = await services.cloud.graph(number).phoneNumberInfo();
  return info.ok && info.value.qualityRating ? info.value.qualityRating.toUpperCase().slice(0, 16) : undefined;
}

export async function applyWebhookEvents(services: Services, events: WebhookEvents, now: number): Promise<void> {
  const numbers = await listCloudNumbers(services.db);
  const ofWaba = (wabaId: string) => numbers.filter(n => n.wabaId === wabaId);
  for (const q of events.quality) {
    for (const row of ofWaba(q.wabaId).filter(n => digits(n.displayPhone) === q.phoneDigits)) {
      const qualityRating = await readRating(services, row);
      await setCloudQuality(services.db, row.accountId, {
        ...(qualityRating ? { qualityRating } : {}),
        ...(q.limit ? { messagingLimit: q.limit.slice(0, 40) } : {}),
        qualityEvent: q.event.slice(0, 40),
        at: now,
      });
    }
  }
  const templateAccounts = events.templates.flatMap(t => ofWaba(t.wabaId).map(n => n.accountId));
  if (templateAccounts.length) forgetTemplates(services, templateAccounts);
  for (const a of events.accounts) {
    if (ofWaba(a.wabaId).length === 0) continue;
    // Meta's account events (bans, restrictions, offboarding) are for an admin to read: no member did them.
    await insertAudit(services.db, {
      memberId: null,
      deviceId: null,
      action: 'cloud.account_update',
      chatId: null,
      before: null,
      after: { wabaId: a.wabaId, event: a.event },
      at: now,
    });
  }
}
