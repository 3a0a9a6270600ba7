/**
 * Meta's side of the webhook for tests: builds `whatsapp_business_account` bodies (messages,
 * statuses) and POSTs them signed with X-Hub-Signature-256 over the exact bytes, as Meta does.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** A wamid in Meta's form: `wamid.` and base64 that carries `+`, `/` and `=`. */
export function fakeWamid(): string {
  let b64 = '';
  while (!/[+/]/.test(b64)) b64 = randomBytes(25).toString('base64');
  return `wamid.${b64}`;
}

export type CloudEnv = { url: string; appSecret: string; phoneNumberId: string; displayPhone: string };

export function signature(secret: string, raw: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

export async function postWebhook(
  env: Pick<CloudEnv, 'url' | 'appSecret'>,
  body: unknown,
  o: { signature?: string | null; raw?: string } = {},
): Promise<Response> {
  const raw = o.raw ?? JSON.stringify(body);
  const sig = o.signature === undefined ? signature(env.appSecret, raw) : o.signature;
  return fetch(`${env.url}/webhooks/cloud`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sig === null ? {} : { 'x-hub-signature-256': sig }) },
    body: raw,
  });
}

const seconds = (ms: number) => String(Math.floor(ms / 1000));

export function change(env: Pick<CloudEnv, 'phoneNumberId' | 'displayPhone'>, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: env.displayPhone, phone_number_id: env.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export function textMessage(
  env: Pick<CloudEnv, 'phoneNumberId' | 'displayPhone'>,
  m: { id: string; from: string; name?: string; text: string; at?: number; replyTo?: string },
) {
  return change(env, {
    contacts: [{ profile: { name: m.name ?? 'Customer' }, wa_id: m.from }],
    messages: [
      {
        from: m.from,
        id: m.id,
        timestamp: seconds(m.at ?? Date.now()),
        type: 'text',
        text: { body: m.text },
        ...(m.replyTo ? { context: { from: env.displayPhone, id: m.replyTo } } : {}),
      },
    ],
  });
}

export function statusUpdate(
  env: Pick<CloudEnv, 'phoneNumberId' | 'displayPhone'>,
  s: { id: string; status: 'sent' | 'delivered' | 'read' | 'failed'; to: string; at?: number; errorCode?: number },
) {
  return change(env, {
    statuses: [
      {
        id: s.id,
        status: s.status,
        timestamp: seconds(s.at ?? Date.now()),
        recipient_id: s.to,
        ...(s.errorCode ? { errors: [{ code: s.errorCode, title: 'failed' }] } : {}),
      },
    ],
  });
}
