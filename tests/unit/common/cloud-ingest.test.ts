/**
 * Meta's webhook body → ingest batches (common/cloud/to-ingest.ts), the reversible wamid
 * mapping: pure, so every message type is checked here (the window: cloud-api.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { jidOfWaId, providerIdOfWamid, waIdOfJid, wamidOfProviderId } from '../../../common/cloud/ids';
import { webhookToIngest } from '../../../common/cloud/to-ingest';
import { PROVIDER_MESSAGE_ID_PATTERN } from '../../../common/ids';

const PHONE = '106540352242922';
const hosted = new Set([PHONE]);
const ts = String(Math.floor(Date.now() / 1000));

function body(value: Record<string, unknown>, phone = PHONE) {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: { metadata: { phone_number_id: phone }, ...value } }] }],
  };
}
const msg = (extra: Record<string, unknown>) => ({
  from: '6281234567890',
  id: 'wamid.A+b/C=',
  timestamp: ts,
  ...extra,
});

describe('ids', () => {
  it('maps a wamid to a provider id and back, whatever base64 it holds', () => {
    for (const wamid of ['wamid.HBgLNjI4MTIzNDU2Nzg5FQIAEhgUM0E+/w==', 'wamid.abc', 'wamid.+/+/==']) {
      const id = providerIdOfWamid(wamid);
      expect(id).not.toBeNull();
      expect(PROVIDER_MESSAGE_ID_PATTERN.test(id!)).toBe(true);
      expect(wamidOfProviderId(id!)).toBe(wamid);
    }
    expect(providerIdOfWamid('wamid with spaces')).toBeNull();
  });

  it('turns a customer id into a chat jid and back; groups and junk have none', () => {
    expect(jidOfWaId('6281234567890')).toBe('6281234567890@c.us');
    expect(waIdOfJid('6281234567890@c.us')).toBe('6281234567890');
    expect(jidOfWaId('62-81')).toBeNull();
    expect(waIdOfJid('120363-1@g.us')).toBeNull();
  });
});

describe('webhookToIngest', () => {
  it('stores text, media (voice notes apart), location, contacts, replies and interactive answers', () => {
    const out = webhookToIngest(
      body({
        contacts: [{ wa_id: '6281234567890', profile: { name: 'Budi' } }],
        messages: [
          msg({ id: 'wamid.1', type: 'text', text: { body: 'halo' }, context: { id: 'wamid.0+' } }),
          msg({ id: 'wamid.2', type: 'image', image: { id: 'm1', mime_type: 'image/jpeg', caption: 'foto' } }),
          msg({ id: 'wamid.3', type: 'audio', audio: { id: 'm2', mime_type: 'audio/ogg', voice: true } }),
          msg({ id: 'wamid.4', type: 'location', location: { latitude: -6.2, longitude: 106.8, name: 'Toko' } }),
          msg({
            id: 'wamid.5',
            type: 'contacts',
            contacts: [{ name: { formatted_name: 'Sari' }, phones: [{ phone: '+62 812' }] }],
          }),
          msg({
            id: 'wamid.6',
            type: 'interactive',
            interactive: { type: 'button_reply', button_reply: { id: 'b', title: 'Ya' } },
          }),
          msg({ id: 'wamid.7', type: 'order' }),
        ],
      }),
      hosted,
    )!;
    const batch = out.batches.get(PHONE)!;
    const byId = new Map((batch.messages ?? []).map(m => [m.providerMessageId, m]));
    expect(byId.get('wamid.1')).toMatchObject({
      type: 'text',
      body: 'halo',
      quotedProviderMessageId: 'wamid.0-',
      fromMe: false,
    });
    expect(byId.get('wamid.2')).toMatchObject({ type: 'image', caption: 'foto', media: { mimeType: 'image/jpeg' } });
    expect(byId.get('wamid.3')).toMatchObject({ type: 'voice' });
    expect(byId.get('wamid.4')).toMatchObject({ type: 'location', location: { lat: -6.2, lng: 106.8, name: 'Toko' } });
    expect(byId.get('wamid.5')).toMatchObject({
      type: 'contact_card',
      vcard: 'BEGIN:VCARD\nVERSION:3.0\nFN:Sari\nTEL:+62 812\nEND:VCARD',
    });
    expect(byId.get('wamid.6')).toMatchObject({ type: 'text', body: 'Ya' });
    expect(byId.get('wamid.7')).toMatchObject({ type: 'unknown' });
    expect(batch.contacts).toEqual([expect.objectContaining({ jid: '6281234567890@c.us', pushName: 'Budi' })]);
    expect(batch.chats).toEqual([expect.objectContaining({ jid: '6281234567890@c.us', name: 'Budi' })]);
    expect(out.rejected).toBe(0);
  });

  it('turns reactions into reactions and statuses into acks (deleted and warning ignored)', () => {
    const out = webhookToIngest(
      body({
        messages: [msg({ type: 'reaction', reaction: { message_id: 'wamid.X=', emoji: '👍' } })],
        statuses: [
          { id: 'wamid.S1', status: 'read', timestamp: ts, recipient_id: '62' },
          { id: 'wamid.S2', status: 'failed', timestamp: ts, errors: [{ code: 131026 }] },
          { id: 'wamid.S3', status: 'deleted', timestamp: ts },
        ],
      }),
      hosted,
    )!;
    const batch = out.batches.get(PHONE)!;
    expect(batch.reactions).toEqual([expect.objectContaining({ providerMessageId: 'wamid.X@', emoji: '👍' })]);
    expect(batch.acks).toEqual([
      expect.objectContaining({ providerMessageId: 'wamid.S1', ack: 'read' }),
      expect.objectContaining({ providerMessageId: 'wamid.S2', ack: 'failed' }),
    ]);
  });

  it("leaves other numbers' entries out and counts malformed items instead of throwing", () => {
    expect(
      webhookToIngest(body({ messages: [msg({ type: 'text', text: { body: 'x' } })] }, '999'), hosted),
    ).toMatchObject({
      foreign: 1,
    });
    const out = webhookToIngest(
      body({
        messages: [
          msg({ type: 'text', text: { body: 'ok' } }),
          { id: 1, from: [] },
          msg({ from: 'not-a-number', type: 'text', text: { body: 'x' } }),
          msg({ id: 'wamid.old', type: 'text', text: { body: 'x' }, timestamp: '1' }),
        ],
      }),
      hosted,
    )!;
    expect(out.batches.get(PHONE)!.messages).toHaveLength(1);
    expect(out.rejected).toBe(3);
    expect(webhookToIngest({ object: 'page' }, hosted)).toBeNull();
    expect(webhookToIngest('[]', hosted)).toBeNull();
  });
});
