/**
 * Blazz's inputs turned into the Graph API's message payloads, and the local checks that
 * spare a round trip (a number that cannot be one, a text over Meta's limits).
 */
import type { TemplateComponentInput, TemplateParameter } from '../../../../common/cloud-api';
import type { GraphError, MediaInput } from './types';
import { graphFail } from './types';

/** Meta's limits: 4,096 characters of text, 1,024 of caption. */
export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

/** `to` in Meta's form: the international number, digits only (a leading + is dropped). */
export function normaliseTo(to: string): string | null {
  const digits = to.trim().replace(/^\+/, '');
  return /^[1-9]\d{5,14}$/.test(digits) ? digits : null;
}

export function checkTo(to: string): { ok: true; value: string } | { ok: false; error: GraphError } {
  const n = normaliseTo(to);
  return n ? { ok: true, value: n } : graphFail('invalid_number', 'not an international phone number');
}

const context = (replyTo?: string) => (replyTo ? { context: { message_id: replyTo } } : {});

export function textPayload(to: string, body: string, o?: { replyTo?: string; previewUrl?: boolean }) {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'text',
    text: { body, preview_url: o?.previewUrl ?? false },
    ...context(o?.replyTo),
  };
}

export function mediaPayload(to: string, m: MediaInput, replyTo?: string) {
  const obj: Record<string, string> = m.mediaId ? { id: m.mediaId } : { link: m.link ?? '' };
  // Meta refuses a caption on audio and stickers, and a filename anywhere but documents.
  if (m.caption && m.kind !== 'audio' && m.kind !== 'sticker') obj['caption'] = m.caption;
  if (m.filename && m.kind === 'document') obj['filename'] = m.filename;
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: m.kind,
    [m.kind]: obj,
    ...context(replyTo),
  };
}

/** A media input names exactly one source, and its caption fits. */
export function checkMedia(m: MediaInput): GraphError | null {
  if (Boolean(m.mediaId) === Boolean(m.link))
    return graphFail('bad_request', 'media needs exactly one of mediaId or link').error;
  if (m.link && !/^https?:\/\//i.test(m.link)) return graphFail('bad_request', 'media link must be http(s)').error;
  if (m.caption && m.caption.length > MAX_CAPTION) return graphFail('bad_request', 'caption too long').error;
  return null;
}

export const reactionPayload = (to: string, wamid: string, emoji: string) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'reaction',
  reaction: { message_id: wamid, emoji },
});

export const readPayload = (wamid: string) => ({ messaging_product: 'whatsapp', status: 'read', message_id: wamid });

function parameter(p: TemplateParameter): Record<string, unknown> {
  switch (p.type) {
    case 'text':
      return { type: 'text', text: p.text };
    case 'currency':
      return { type: 'currency', currency: { fallback_value: p.fallback, code: p.code, amount_1000: p.amount1000 } };
    case 'date_time':
      return { type: 'date_time', date_time: { fallback_value: p.fallback } };
    case 'payload':
      return { type: 'payload', payload: p.payload };
    case 'coupon_code':
      return { type: 'coupon_code', coupon_code: p.couponCode };
    default: {
      const media: Record<string, string> = p.mediaId ? { id: p.mediaId } : { link: p.link ?? '' };
      if (p.filename && p.type === 'document') media['filename'] = p.filename;
      return { type: p.type, [p.type]: media };
    }
  }
}

function component(c: TemplateComponentInput): Record<string, unknown> {
  const parameters = c.parameters.map(parameter);
  if (c.type === 'button') return { type: 'button', sub_type: c.subType, index: String(c.index), parameters };
  return { type: c.type, parameters };
}

export function templatePayload(
  to: string,
  t: { name: string; language: string; components: readonly TemplateComponentInput[] },
) {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: { name: t.name, language: { code: t.language }, components: t.components.map(component) },
  };
}
