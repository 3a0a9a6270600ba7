/**
 * A conversation as a file: plain text, or one self-contained HTML page with the media
 * embedded as data: URLs. Everything in it came from a customer, so the HTML is built
 * from escaped text only: no markup, link or attribute is ever taken from a message.
 */
import type { Message } from '../../../../common/domain';
import type { ExportMessageKey } from '../../i18n/export.en';
import type { Translator } from '../../i18n/dictionary';

export type ExportT = Translator<ExportMessageKey>;

/** A message's file, fetched for the export; null when it could not be had. */
export type ExportMedia = { readonly dataUrl: string; readonly mimeType: string } | null;

export type ExportDoc = {
  readonly title: string;
  readonly generated: string;
  readonly language: string;
  readonly messages: readonly Message[];
  readonly media: ReadonlyMap<string, ExportMedia>;
  /** Who wrote a message, as the reader should see it. */
  readonly who: (m: Message) => string;
  readonly time: (ms: number) => string;
};

const KINDS = ['image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contact_card'] as const;

export function kindLabel(t: ExportT, type: Message['type']): string {
  const kind = KINDS.find(k => k === type);
  return t(kind ? `export.kind.${kind}` : 'export.kind.other');
}

/** Only a base64 data: URL of a plain mime type may reach an attribute. */
const DATA_URL = /^data:[a-z]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/]+={0,2}$/i;
export const isSafeDataUrl = (url: string): boolean => DATA_URL.test(url);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, c => `&#${c.charCodeAt(0)};`);
}

/** The message's words: body or caption, a location, a contact card's text. */
function words(t: ExportT, m: Message): string {
  if (m.revoked) return t('export.deleted');
  if (m.type === 'location' && m.location) {
    const where = `${m.location.lat}, ${m.location.lng}`;
    return m.location.name ? `${m.location.name} (${where})` : where;
  }
  if (m.type === 'contact_card') return m.vcard ?? '';
  return m.body ?? m.caption ?? '';
}

const hasFile = (m: Message): boolean => !m.revoked && m.media !== null;

function fileNote(t: ExportT, m: Message): string {
  const name = m.media?.fileName ? `: ${m.media.fileName}` : '';
  return `[${kindLabel(t, m.type)}${name}]`;
}

export function toPlainText(t: ExportT, doc: ExportDoc): string {
  const lines = [doc.title, doc.generated, ''];
  for (const m of doc.messages) {
    const text = words(t, m);
    const parts = [hasFile(m) ? fileNote(t, m) : '', m.type === 'location' ? `[${kindLabel(t, m.type)}]` : '', text];
    lines.push(`[${doc.time(m.timestamp)}] ${doc.who(m)}: ${parts.filter(Boolean).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function mediaHtml(t: ExportT, m: Message, media: ExportMedia): string {
  const note = escapeHtml(fileNote(t, m));
  if (!media || !isSafeDataUrl(media.dataUrl))
    return `<p class="file">${note} ${escapeHtml(t('export.mediaMissing'))}</p>`;
  const src = escapeHtml(media.dataUrl);
  if (m.type === 'image' || m.type === 'sticker') return `<img src="${src}" alt="${note}">`;
  if (m.type === 'video') return `<video controls src="${src}"></video>`;
  if (m.type === 'audio' || m.type === 'voice') return `<audio controls src="${src}"></audio>`;
  const name = escapeHtml(m.media?.fileName ?? kindLabel(t, m.type));
  return `<p class="file"><a download="${name}" href="${src}">${note}</a></p>`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:760px;margin:24px auto;padding:0 12px;color:#111}
.m{margin:8px 0;padding:8px 10px;border-radius:8px;background:#f1f3f5;white-space:pre-wrap;overflow-wrap:anywhere}
.m.me{background:#dcf8c6;margin-left:15%}.meta{font-size:12px;color:#555}img,video{max-width:100%}`;

export function toHtml(t: ExportT, doc: ExportDoc): string {
  const rows = doc.messages.map(m => {
    const file = hasFile(m) ? mediaHtml(t, m, doc.media.get(m.id) ?? null) : '';
    const text = words(t, m);
    return `<article class="m${m.fromMe ? ' me' : ''}"><div class="meta">${escapeHtml(doc.who(m))} · ${escapeHtml(
      doc.time(m.timestamp),
    )}</div>${file}${text ? `<div>${escapeHtml(text)}</div>` : ''}</article>`;
  });
  // The policy forbids scripts and remote loads even if escaping were ever wrong.
  return `<!doctype html>
<html lang="${escapeHtml(doc.language)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; media-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(doc.title)}</h1><p class="meta">${escapeHtml(doc.generated)}</p>
${rows.join('\n')}
</body></html>
`;
}
