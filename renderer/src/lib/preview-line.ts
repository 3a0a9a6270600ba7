/**
 * Words the parts the core stores (common/preview.ts) in the reader's language: pure, given
 * a translator, so the chat list, notifications, quotes and tests share one wording.
 */
import type { GroupNotice, PreviewKind } from '../../../common/preview';
import { parseGroupNotice, previewParts } from '../../../common/preview';
import type { Message } from '../../../common/domain';
import type { Translator } from '../i18n/dictionary';
import type { PreviewMessageKey } from '../i18n/preview.en';

export type PreviewT = Translator<PreviewMessageKey>;

export function noticeText(t: PreviewT, n: GroupNotice): string {
  const by = n.author ? `+${n.author}` : t('notice.someone');
  const to = n.recipients.length ? n.recipients.map(d => `+${d}`).join(', ') : t('notice.someoneLower');
  if (n.kind === 'add' && !n.author) return t('notice.joined', { to });
  return t(`notice.${n.kind}`, { by, to });
}

/** One line from the parts the core stored: a label in the reader's language, then the text. */
export function previewLine(t: PreviewT, kind: PreviewKind | null, text: string): string {
  if (kind === null) return text;
  if (kind === 'system') {
    const notice = parseGroupNotice(text);
    return notice ? noticeText(t, notice) : text;
  }
  const label = t(`preview.${kind}`);
  return (text ? t('preview.labelled', { label, text }) : label).slice(0, 200);
}

export function messagePreview(t: PreviewT, m: Pick<Message, 'type' | 'body' | 'caption' | 'revoked'>): string {
  const p = previewParts(m);
  // A notice's code is longer than the preview's text limit allows: read it from the body.
  return p.kind === 'system' ? previewLine(t, 'system', m.body ?? '') : previewLine(t, p.kind, p.text);
}
