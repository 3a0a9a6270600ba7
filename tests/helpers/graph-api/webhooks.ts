/**
 * The loopback Meta's other half: webhooks as Meta sends them (documented payload shapes,
 * `X-Hub-Signature-256` over the raw bytes), delivered the way Meta does: retried until a
 * 2xx, and as often, as late and in whatever order a test asks (duplicates, statuses out of
 * order, a bad or missing signature, a receiver too slow to answer).
 */
import { createHmac, randomBytes } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256(app secret, raw body)>`, as Meta signs every POST. */
export function metaSignature(appSecret: string, raw: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

export type WebhookValue = {
  readonly contacts?: readonly unknown[];
  readonly messages?: readonly unknown[];
  readonly statuses?: readonly unknown[];
};
export type Metadata = { readonly wabaId: string; readonly phoneNumberId: string; readonly displayPhoneNumber: string };

const seconds = (ms: number) => String(Math.floor(ms / 1000));

/** Builders of Meta's documented webhook objects (field `messages`). */
export const webhook = {
  envelope(meta: Metadata, ...values: WebhookValue[]) {
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: meta.wabaId,
          changes: values.map(value => ({
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: meta.displayPhoneNumber, phone_number_id: meta.phoneNumberId },
              ...value,
            },
          })),
        },
      ],
    };
  },
  contact: (waId: string, name: string) => ({ profile: { name }, wa_id: waId }),
  text: (m: { id: string; from: string; body: string; at: number; replyTo?: string }) => ({
    from: m.from,
    id: m.id,
    timestamp: seconds(m.at),
    type: 'text',
    text: { body: m.body },
    ...(m.replyTo ? { context: { from: m.from, id: m.replyTo } } : {}),
  }),
  media: (m: {
    id: string;
    from: string;
    at: number;
    kind: 'image' | 'video' | 'audio' | 'document' | 'sticker';
    mediaId: string;
    mime: string;
    sha256: string;
    caption?: string;
    filename?: string;
  }) => ({
    from: m.from,
    id: m.id,
    timestamp: seconds(m.at),
    type: m.kind,
    [m.kind]: {
      id: m.mediaId,
      mime_type: m.mime,
      sha256: m.sha256,
      ...(m.caption ? { caption: m.caption } : {}),
      ...(m.filename ? { filename: m.filename } : {}),
    },
  }),
  reaction: (m: { id: string; from: string; at: number; messageId: string; emoji: string }) => ({
    from: m.from,
    id: m.id,
    timestamp: seconds(m.at),
    type: 'reaction',
    reaction: { message_id: m.messageId, emoji: m.emoji },
  }),
  location: (m: { id: string; from: string; at: number; latitude: number; longitude: number; name?: string }) => ({
    from: m.from,
    id: m.id,
    timestamp: seconds(m.at),
    type: 'location',
    location: { latitude: m.latitude, longitude: m.longitude, ...(m.name ? { name: m.name } : {}) },
  }),
  buttonReply: (m: { id: string; from: string; at: number; replyTo: string; buttonId: string; title: string }) => ({
    from: m.from,
    id: m.id,
    timestamp: seconds(m.at),
    type: 'interactive',
    context: { from: m.from, id: m.replyTo },
    interactive: { type: 'button_reply', button_reply: { id: m.buttonId, title: m.title } },
  }),
  status: (s: {
    id: string;
    status: 'sent' | 'delivered' | 'read' | 'failed';
    recipient: string;
    at: number;
    error?: { code: number; title: string; details?: string };
  }) => ({
    id: s.id,
    status: s.status,
    timestamp: seconds(s.at),
    recipient_id: s.recipient,
    ...(s.error
      ? {
          errors: [
            {
              code: s.error.code,
              title: s.error.title,
              message: s.error.title,
              ...(s.error.details ? { error_data: { details: s.error.details } } : {}),
            },
          ],
        }
      : {}),
  }),
};

export type DeliverOptions = {
  readonly appSecret: string;
  /** 'bad': signed with another secret; 'missing': no header. Default 'good'. */
  readonly signature?: 'good' | 'bad' | 'missing';
  /** Tries until a 2xx (Meta keeps trying; tests bound it). Default 1. */
  readonly attempts?: number;
  readonly retryDelayMs?: number;
  /** How long Meta waits for an answer before counting the try as failed. Default 5 s. */
  readonly timeoutMs?: number;
};

export type Attempt = { readonly status: number | null; readonly ms: number };
export type Delivery = { readonly raw: string; readonly attempts: Attempt[]; readonly delivered: boolean };

/** POSTs one webhook (a body object, or raw text to sign as is), the way Meta does. */
export async function deliverWebhook(url: string, body: unknown, o: DeliverOptions): Promise<Delivery> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
  const how = o.signature ?? 'good';
  if (how !== 'missing')
    headers['x-hub-signature-256'] = metaSignature(how === 'good' ? o.appSecret : `${o.appSecret}x`, raw);
  const attempts: Attempt[] = [];
  for (let i = 0; i < (o.attempts ?? 1); i++) {
    if (i > 0) await new Promise(res => setTimeout(res, o.retryDelayMs ?? 50));
    const started = performance.now();
    let status: number | null = null;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body: raw,
        signal: AbortSignal.timeout(o.timeoutMs ?? 5_000),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      status = null;
    }
    attempts.push({ status, ms: Math.round(performance.now() - started) });
    if (status !== null && status >= 200 && status < 300) return { raw, attempts, delivered: true };
  }
  return { raw, attempts, delivered: false };
}

// ---- Shorthands for the server's webhook tests: one number, one change, posted once. ----

/** A wamid in Meta's form: `wamid.` and base64 that carries `+`, `/` and `=`. */
export function fakeWamid(): string {
  let b64 = '';
  while (!/[+/]/.test(b64)) b64 = randomBytes(25).toString('base64');
  return `wamid.${b64}`;
}

export type CloudEnv = { url: string; appSecret: string; phoneNumberId: string; displayPhone: string };
type NumberRef = Pick<CloudEnv, 'phoneNumberId' | 'displayPhone'>;

const metaOf = (env: NumberRef): Metadata => ({
  wabaId: '102290129340398',
  phoneNumberId: env.phoneNumberId,
  displayPhoneNumber: env.displayPhone,
});

/** POSTs a body to the server's `/webhooks/cloud` once: signed, with a given signature (null: none), or raw text. */
export async function postWebhook(
  env: Pick<CloudEnv, 'url' | 'appSecret'>,
  body: unknown,
  o: { signature?: string | null; raw?: string } = {},
): Promise<Response> {
  const raw = o.raw ?? JSON.stringify(body);
  const sig = o.signature === undefined ? metaSignature(env.appSecret, raw) : o.signature;
  return fetch(`${env.url}/webhooks/cloud`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sig === null ? {} : { 'x-hub-signature-256': sig }) },
    body: raw,
  });
}

export const change = (env: NumberRef, value: WebhookValue) => webhook.envelope(metaOf(env), value);

export const textMessage = (
  env: NumberRef,
  m: { id: string; from: string; name?: string; text: string; at?: number; replyTo?: string },
) =>
  change(env, {
    contacts: [webhook.contact(m.from, m.name ?? 'Customer')],
    messages: [
      webhook.text({
        id: m.id,
        from: m.from,
        body: m.text,
        at: m.at ?? Date.now(),
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      }),
    ],
  });

export const statusUpdate = (
  env: NumberRef,
  s: { id: string; status: 'sent' | 'delivered' | 'read' | 'failed'; to: string; at?: number },
) =>
  change(env, { statuses: [webhook.status({ id: s.id, status: s.status, recipient: s.to, at: s.at ?? Date.now() })] });
