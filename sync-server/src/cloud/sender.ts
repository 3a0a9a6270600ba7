/**
 * Performs the sends members (and automation) queue for Cloud numbers: the server is their
 * host. A send is claimed (queued → forwarded) by one node, checked against the 24-hour
 * customer-service window, sent through Graph, and settled in one transaction with the
 * outgoing message stored like any number's, so the chat shows it once and statuses find it.
 * A send a node took and never settled (it stopped mid-request) fails as `unconfirmed`
 * rather than going out twice.
 */
import { serviceWindow } from '../../../common/cloud-api';
import { providerIdOfWamid, waIdOfJid, wamidOfProviderId } from '../../../common/cloud/ids';
import type { WireSend } from '../../../common/protocol';
import { ingestBatchSchema } from '../../../common/ingest';
import {
  assigneeOf,
  claimSend,
  cloudNumberOf,
  lastInboundAt,
  queuedCloudSends,
  sendsByIds,
  settleSend,
  staleCloudSends,
} from '../db/repositories/cloud';
import type { Services } from '../handlers/context';
import { commitRaw } from '../handlers/context';
import { storeBatch } from '../handlers/push-store';
import type { WorkLoop } from '../work-loop';
import { startWorkLoop } from '../work-loop';
import { CLOUD_ORIGIN } from './inbox-worker';
import { openNumber } from './secrets';
import type { StoredTemplate } from './template-params';
import { componentsOf, storedTemplateSchema } from './template-params';
import { sendAttachment } from './send-media';
import { headerMediaId } from './template-media';
import { attachmentOf } from '../db/repositories/uploads';
import { attachmentKindOf } from '../../../common/providers';

export type SenderOptions = {
  readonly pollMs: number;
  /** A claimed send not settled after this long is failed as `unconfirmed`. */
  readonly unconfirmedAfterMs: number;
  readonly now: () => number;
};

type SendRow = Awaited<ReturnType<typeof queuedCloudSends>>[number];

/** The stored template of a send; null for text (or a row this server cannot read). */
function templateOf(text: string | null): StoredTemplate | null {
  if (!text) return null;
  try {
    const parsed = storedTemplateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
type Settlement = { state: 'sent'; providerMessageId: string } | { state: 'failed'; error: string };

const toWire = (s: SendRow, r: Settlement): WireSend => ({
  clientMessageId: s.clientMessageId,
  accountId: s.accountId,
  chatId: s.chatId,
  chatJid: s.chatJid,
  senderId: s.senderId,
  body: s.body,
  quotedProviderMessageId: s.quotedProviderMessageId,
  state: r.state,
  providerMessageId: r.state === 'sent' ? r.providerMessageId : null,
  error: r.state === 'failed' ? r.error : null,
  createdAt: s.createdAt,
  attachment: attachmentOf(s.attachment),
});

/** The outgoing message as stored: text, or the attachment with the body as its caption. */
function outgoingContent(s: SendRow) {
  const a = attachmentOf(s.attachment);
  if (!a) return { type: 'text' as const, body: s.body };
  const media = { mimeType: a.mimeType, fileName: a.fileName, size: a.size, sha256: a.sha256 };
  return { type: attachmentKindOf(a.mimeType), body: null, caption: s.body || null, media };
}

/** Records the outcome (first one wins) and, when sent, the outgoing message, in one commit. */
async function settle(services: Services, s: SendRow, r: Settlement, now: number): Promise<void> {
  await commitRaw(services, async (tx, emit) => {
    if (!(await settleSend(tx, s.clientMessageId, r, now))) return;
    const assigneeId = await assigneeOf(tx, s.chatId);
    emit({
      body: { type: 'send:updated', send: toWire(s, r) },
      audience: 'chat',
      accountId: s.accountId,
      chatId: s.chatId,
      assigneeId,
    });
    if (r.state !== 'sent') return;
    const batch = ingestBatchSchema.parse({
      messages: [
        {
          accountId: s.accountId,
          chatJid: s.chatJid,
          providerMessageId: r.providerMessageId,
          fromMe: true,
          ...outgoingContent(s),
          quotedProviderMessageId: s.quotedProviderMessageId,
          timestamp: now,
          ack: 'sent',
          clientMessageId: s.clientMessageId,
        },
      ],
    });
    await storeBatch(services, tx, emit, batch, CLOUD_ORIGIN);
  });
}

async function perform(services: Services, s: SendRow, now: number): Promise<Settlement> {
  const row = await cloudNumberOf(services.db, s.accountId);
  const number = row ? openNumber(services.mfaKey, row) : null;
  if (!number) return { state: 'failed', error: 'number_unavailable' };
  const to = waIdOfJid(s.chatJid);
  if (!to) return { state: 'failed', error: 'invalid_number' };
  const client = services.cloud.graph(number);
  const template = templateOf(s.template);
  let sent: Awaited<ReturnType<typeof client.sendText>>;
  if (template) {
    // Templates are what Meta allows outside the window: no window check for them.
    const mediaId = await headerMediaId(services, client, template.header);
    if (!mediaId.ok) return { state: 'failed', error: mediaId.error.code };
    const components = componentsOf(template, mediaId.value);
    sent = await client.sendTemplate(to, { name: template.name, language: template.language, components });
  } else {
    const last = await lastInboundAt(services.database.raw, s.chatId);
    // Outside the window Meta accepts only templates; refusing here saves a round trip and says why.
    if (!serviceWindow(last, now).open) return { state: 'failed', error: 'window_closed' };
    const replyTo = s.quotedProviderMessageId ? wamidOfProviderId(s.quotedProviderMessageId) : undefined;
    const attachment = attachmentOf(s.attachment);
    if (attachment)
      sent = await sendAttachment(services, client, to, attachment, {
        caption: s.body,
        ...(replyTo ? { replyTo } : {}),
      });
    else sent = await client.sendText(to, s.body, replyTo ? { replyTo } : {});
  }
  if (!sent.ok) return { state: 'failed', error: sent.error.code };
  const providerMessageId = providerIdOfWamid(sent.value.wamid);
  if (!providerMessageId) return { state: 'failed', error: 'bad_request' };
  return { state: 'sent', providerMessageId };
}

export function startSender(services: Services, opts: SenderOptions): WorkLoop {
  return startWorkLoop({
    name: 'cloud-sender',
    pollMs: opts.pollMs,
    log: services.log,
    async round() {
      const now = opts.now();
      const stale = await sendsByIds(services.db, await staleCloudSends(services.db, now - opts.unconfirmedAfterMs));
      for (const s of stale) await settle(services, s, { state: 'failed', error: 'unconfirmed' }, now);
      let done = 0;
      for (const s of await queuedCloudSends(services.db, 20)) {
        if (!(await claimSend(services.db, s.clientMessageId, opts.now()))) continue;
        let outcome: Settlement;
        try {
          outcome = await perform(services, s, opts.now());
        } catch (err) {
          services.log.warn({ err }, 'cloud send failed unexpectedly');
          outcome = { state: 'failed', error: 'unavailable' };
        }
        await settle(services, s, outcome, opts.now());
        done++;
      }
      return done + stale.length;
    },
  });
}
