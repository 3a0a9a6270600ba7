/**
 * Meta's webhook body → the ingest batch a host device would push for the same events, so a
 * Cloud API number's messages take the one storage path every number uses (idempotent by
 * message id, acks monotonic). Pure: the server's inbox worker calls it per stored body.
 */
import type { IngestBatchInput, MessageInput } from '../ingest';
import { acceptedItems } from '../ingest';
import { cloudAccountId, jidOfWaId, providerIdOfWamid } from './ids';
import type { CloudMessage, CloudStatus } from './webhook-payload';
import { cloudChangeValueSchema, cloudMessageSchema, cloudStatusSchema, cloudWebhookSchema } from './webhook-payload';

export type CloudIngest = {
  /** One batch per phone-number id the server hosts; other numbers' entries are left out. */
  readonly batches: ReadonlyMap<string, IngestBatchInput>;
  /** Items that did not fit the schema or the id rules: counted, not stored. */
  readonly rejected: number;
  /** Entries for phone-number ids this server does not host (another workspace's app, say). */
  readonly foreign: number;
  /** Per phone-number id: Graph's media id of each media message, by provider message id (to fetch the bytes). */
  readonly mediaIds: ReadonlyMap<string, ReadonlyMap<string, string>>;
};

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
type Kind = MessageInput['type'];

/** Graph's id of the message's media, when it has some. */
export function mediaIdOf(m: CloudMessage): string | null {
  for (const kind of MEDIA_TYPES) if (m.type === kind && m[kind]) return m[kind].id;
  return null;
}

function mediaOf(m: CloudMessage): { type: Kind; media: MessageInput['media']; caption: string | null } | null {
  for (const kind of MEDIA_TYPES) {
    const media = m.type === kind ? m[kind] : undefined;
    if (!media) continue;
    const type: Kind = kind === 'audio' && media.voice ? 'voice' : kind;
    return {
      type,
      caption: media.caption ?? null,
      media: {
        mimeType: media.mime_type ?? 'application/octet-stream',
        fileName: media.filename ?? null,
        size: null,
        // Meta's media hash is base64; ours is hex. Left unknown rather than guessed.
        sha256: media.sha256 && /^[0-9a-f]{64}$/.test(media.sha256) ? media.sha256 : null,
        localPath: null,
        width: null,
        height: null,
        durationS: null,
        thumbnail: null,
      },
    };
  }
  return null;
}

/** The message's content as our types: text-like things become text, the rest unknown. */
function contentOf(m: CloudMessage): Pick<MessageInput, 'type' | 'body' | 'caption' | 'media' | 'location' | 'vcard'> {
  const none = { caption: null, media: null, location: null, vcard: null };
  const media = mediaOf(m);
  if (media) return { ...media, body: null, location: null, vcard: null };
  if (m.type === 'text' && m.text) return { ...none, type: 'text', body: m.text.body };
  if (m.type === 'location' && m.location) {
    const { latitude: lat, longitude: lng, name, address } = m.location;
    return { ...none, type: 'location', body: null, location: { lat, lng, name: name ?? address ?? null } };
  }
  if (m.type === 'contacts' && m.contacts) {
    // The inbox reads contact cards as vCards: one per shared contact, as the phone sends them.
    const vcard = m.contacts
      .map(c => {
        const tel = (c.phones ?? []).map(p => `TEL:${(p.phone ?? p.wa_id ?? '').replace(/[\r\n]/g, '')}`);
        const fn = (c.name?.formatted_name ?? '').replace(/[\r\n]/g, ' ');
        return ['BEGIN:VCARD', 'VERSION:3.0', `FN:${fn}`, ...tel, 'END:VCARD'].join('\n');
      })
      .join('\n');
    return { ...none, type: 'contact_card', body: null, vcard };
  }
  if (m.type === 'interactive' && m.interactive) {
    const reply = m.interactive.button_reply ?? m.interactive.list_reply;
    if (reply) return { ...none, type: 'text', body: reply.title };
  }
  if (m.type === 'button' && m.button) return { ...none, type: 'text', body: m.button.text };
  return { ...none, type: 'unknown', body: null };
}

const ACK_OF: Partial<Record<CloudStatus['status'], 'sent' | 'delivered' | 'read' | 'failed'>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

function batchFor(
  map: Map<string, Required<Pick<IngestBatchInput, 'contacts' | 'chats' | 'messages' | 'acks' | 'reactions'>>>,
  key: string,
) {
  let b = map.get(key);
  if (!b) map.set(key, (b = { contacts: [], chats: [], messages: [], acks: [], reactions: [] }));
  return b;
}

export function webhookToIngest(body: unknown, hosted: ReadonlySet<string>): CloudIngest | null {
  const parsed = cloudWebhookSchema.safeParse(body);
  if (!parsed.success) return null;
  const map = new Map<string, ReturnType<typeof batchFor>>();
  const mediaIds = new Map<string, Map<string, string>>();
  let rejected = 0;
  let foreign = 0;
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = cloudChangeValueSchema.safeParse(change.value);
      if (!value.success) {
        rejected++;
        continue;
      }
      const phoneNumberId = value.data.metadata.phone_number_id;
      if (!hosted.has(phoneNumberId)) {
        foreign++;
        continue;
      }
      const accountId = cloudAccountId(phoneNumberId);
      const batch = batchFor(map, phoneNumberId);
      for (const c of value.data.contacts ?? []) {
        const jid = jidOfWaId(c.wa_id);
        if (!jid) {
          rejected++;
          continue;
        }
        const name = c.profile?.name ?? null;
        batch.contacts.push({ accountId, jid, phone: c.wa_id, pushName: name });
        if (name) batch.chats.push({ accountId, jid, isGroup: false, name });
      }
      for (const raw of value.data.messages ?? []) {
        const m = cloudMessageSchema.safeParse(raw);
        const jid = m.success ? jidOfWaId(m.data.from) : null;
        const id = m.success ? providerIdOfWamid(m.data.id) : null;
        if (!m.success || !jid || !id) {
          rejected++;
          continue;
        }
        const timestamp = Number(m.data.timestamp) * 1000;
        if (m.data.type === 'reaction' && m.data.reaction) {
          const target = providerIdOfWamid(m.data.reaction.message_id);
          if (target)
            batch.reactions.push({
              accountId,
              providerMessageId: target,
              senderJid: jid,
              emoji: m.data.reaction.emoji ?? '',
              timestamp,
            });
          else rejected++;
          continue;
        }
        const quoted = m.data.context?.id ? providerIdOfWamid(m.data.context.id) : null;
        const mediaId = mediaIdOf(m.data);
        if (mediaId) {
          const ids = mediaIds.get(phoneNumberId) ?? new Map<string, string>();
          mediaIds.set(phoneNumberId, ids.set(id, mediaId));
        }
        batch.messages.push({
          accountId,
          chatJid: jid,
          providerMessageId: id,
          fromMe: false,
          ...contentOf(m.data),
          quotedProviderMessageId: quoted,
          timestamp,
          ack: 'delivered',
        });
      }
      for (const raw of value.data.statuses ?? []) {
        const s = cloudStatusSchema.safeParse(raw);
        const id = s.success ? providerIdOfWamid(s.data.id) : null;
        const ack = s.success ? ACK_OF[s.data.status] : undefined;
        if (!s.success || !id) rejected++;
        else if (ack) batch.acks.push({ accountId, providerMessageId: id, ack });
      }
    }
  }
  const batches = new Map<string, IngestBatchInput>();
  for (const [key, batch] of map) {
    const accepted = acceptedItems(batch);
    const before = Object.values(batch).reduce((n, list) => n + list.length, 0);
    const after = Object.values(accepted).reduce(
      (n, list: readonly unknown[] | undefined) => n + (list?.length ?? 0),
      0,
    );
    rejected += before - after;
    batches.set(key, accepted);
  }
  return { batches, rejected, foreign, mediaIds };
}
