import { describe, expect, it } from 'vitest';
import type { AccountId, ChatId, Message, MessageId } from '../../../common/domain';
import { exportEn } from '../../../renderer/src/i18n/export.en';
import { exportId } from '../../../renderer/src/i18n/export.id';
import type { ExportDoc, ExportMedia, ExportT } from '../../../renderer/src/features/export/format';
import { escapeHtml, isSafeDataUrl, toHtml, toPlainText } from '../../../renderer/src/features/export/format';

const t: ExportT = (key, vars) => exportEn[key].replace(/\{(\w+)\}/g, (m, k: string) => String(vars?.[k] ?? m));
const HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> & \'quoted\' `tick`';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

let n = 0;
const message = (over: Partial<Message>): Message => ({
  id: `a:${++n}` as MessageId,
  accountId: 'a' as AccountId,
  chatId: 'a:1@c.us' as ChatId,
  providerMessageId: String(n),
  fromMe: false,
  author: null,
  authorName: null,
  type: 'text',
  body: null,
  caption: null,
  media: null,
  location: null,
  vcard: null,
  quotedProviderMessageId: null,
  timestamp: 1_700_000_000_000 + n,
  ack: 'read',
  edited: false,
  revoked: false,
  reactions: [],
  clientMessageId: null,
  ...over,
});

const media = (fileName: string | null) => ({
  mimeType: 'image/png',
  fileName,
  size: null,
  sha256: null,
  localPath: null,
  width: null,
  height: null,
  durationS: null,
  thumbnail: null,
});

const doc = (messages: Message[], files: [string, ExportMedia][] = []): ExportDoc => ({
  title: `Conversation with ${HOSTILE}`,
  generated: 'now',
  language: 'en',
  messages,
  media: new Map(files),
  who: m => (m.fromMe ? 'You' : HOSTILE),
  time: ms => String(ms),
});

describe('conversation export', () => {
  it('HTML carries hostile text only as escaped text, in the body, title and names', () => {
    const html = toHtml(
      t,
      doc([message({ body: HOSTILE }), message({ type: 'location', location: { lat: 1, lng: 2, name: HOSTILE } })]),
    );
    expect(html).not.toMatch(/<script|<img src=x|onerror="/i);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain(`Content-Security-Policy`);
  });

  it('embeds a safe data: URL and refuses anything else, even from the core', () => {
    const image = message({ type: 'image', media: media('"><script>x</script>.png') });
    const other = message({ type: 'image', media: media(null) });
    const html = toHtml(
      t,
      doc(
        [image, other],
        [
          [image.id, { dataUrl: PNG, mimeType: 'image/png' }],
          [other.id, { dataUrl: 'javascript:alert(1)//;base64,AA', mimeType: 'image/png' }],
        ],
      ),
    );
    expect(html).toContain(`<img src="${PNG}"`);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<script>x');
    expect(html).toContain('(file not available)');
    expect(isSafeDataUrl('data:text/html,<script>')).toBe(false);
  });

  it('plain text has one line per message with the time, who wrote it, files and deletions', () => {
    const text = toPlainText(t, {
      ...doc([
        message({ body: 'halo', timestamp: 5 }),
        message({ fromMe: true, type: 'document', media: media('invoice.pdf'), caption: 'ini', timestamp: 6 }),
        message({ body: 'secret', revoked: true, timestamp: 7 }),
      ]),
      who: m => (m.fromMe ? 'You' : 'Budi'),
    });
    expect(text.split('\n').slice(3, 6)).toEqual([
      '[5] Budi: halo',
      '[6] You: [Document: invoice.pdf] ini',
      '[7] Budi: This message was deleted',
    ]);
  });

  it('has every string in Bahasa Indonesia with the same placeholders', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    expect(Object.keys(exportId).sort()).toEqual(Object.keys(exportEn).sort());
    for (const key of Object.keys(exportEn) as (keyof typeof exportEn)[]) {
      expect(vars(exportId[key]), key).toEqual(vars(exportEn[key]));
    }
  });
});
