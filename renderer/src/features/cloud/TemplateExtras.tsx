import type { WireCloudTemplate } from '../../../../common/api/cloud';
import type { TemplateNeeds } from '../../../../common/cloud/template-needs';
import { component } from '../../../../common/cloud/template-needs';
import type { TemplateHeader } from '../../../../common/protocol-cloud';
import { COUPON_CODE_MAX } from '../../../../common/cloud/constants';
import type { HeaderMedia } from './HeaderMediaField';
import { HeaderMediaField, NO_MEDIA } from './HeaderMediaField';
import { TemplateValueField } from './TemplateValueField';
import type { ValueInput } from './template-values';
import { EMPTY_VALUE, templateValueOf, valuePreview } from './template-values';
import type { CloudT } from './useCloudT';

/**
 * What the sender gave for the header (a `{{1}}` value, or media by link or file) and for
 * each URL or copy-code button (by the button's index).
 */
export type Extras = {
  readonly header: ValueInput;
  readonly media: HeaderMedia;
  readonly urls: Readonly<Record<number, string>>;
};
export const NO_EXTRAS: Extras = { header: EMPTY_VALUE, media: NO_MEDIA, urls: {} };

const fill = (text: string, values: readonly string[]) =>
  text.replace(/\{\{\s*(\d{1,2})\s*\}\}/g, (m, n: string) => values[Number(n) - 1] || m);

const isMedia = (h: TemplateNeeds['header']): h is 'image' | 'video' | 'document' =>
  h === 'image' || h === 'video' || h === 'document';

function mediaHeader(kind: 'image' | 'video' | 'document', m: HeaderMedia): TemplateHeader | undefined {
  if (m.source === 'link')
    return /^https:\/\/\S+$/i.test(m.link.trim()) ? { type: kind, link: m.link.trim() } : undefined;
  if (!m.file) return undefined;
  const upload = { sha256: m.file.sha256, size: m.file.size };
  return kind === 'document' ? { type: kind, upload, filename: m.file.fileName } : { type: kind, upload };
}

/** The header parameter to send, or undefined when there is none or it is incomplete. */
function headerOf(needs: TemplateNeeds, x: Extras, language: string): TemplateHeader | undefined {
  if (isMedia(needs.header)) return mediaHeader(needs.header, x.media);
  if (needs.header !== 'text') return undefined;
  const v = templateValueOf(x.header, language);
  if (v === null) return undefined;
  return typeof v === 'string' ? { type: 'text', text: v } : v;
}

/** Whether every parameter the header and buttons need has a value (a media link must be https). */
export function extrasComplete(needs: TemplateNeeds, x: Extras, language: string): boolean {
  if (needs.header === 'unsupported') return false;
  if ((needs.header === 'text' || isMedia(needs.header)) && !headerOf(needs, x, language)) return false;
  return needs.buttons.every(b => !b.required || Boolean(x.urls[b.index]?.trim()));
}

/** The `header` and `buttons` of cloudTemplates:send. */
export function extrasArgs(needs: TemplateNeeds, x: Extras, language: string) {
  const header = headerOf(needs, x, language);
  const buttons = needs.buttons
    .filter(b => b.required)
    .map(b => {
      const value = (x.urls[b.index] ?? '').trim();
      return b.kind === 'copy_code'
        ? { subType: 'copy_code' as const, index: b.index, code: value }
        : { subType: 'url' as const, index: b.index, text: value };
    });
  return { ...(header ? { header } : {}), ...(buttons.length ? { buttons } : {}) };
}

type Props = {
  readonly t: CloudT;
  readonly template: WireCloudTemplate;
  readonly needs: TemplateNeeds;
  readonly value: Extras;
  readonly onChange: (x: Extras) => void;
};

/** A field for the header's parameter, each URL button's suffix and a copy-code button's code. */
export function TemplateExtraFields({ t, template, needs, value, onChange }: Props) {
  const buttons = component(template, 'BUTTONS')?.buttons ?? [];
  return (
    <>
      {needs.header === 'unsupported' && <p className="error-text">{t('cloud.template.unsupported')}</p>}
      {needs.header === 'text' && (
        <TemplateValueField
          t={t}
          label={t('cloud.template.header')}
          value={value.header}
          onChange={header => onChange({ ...value, header })}
        />
      )}
      {isMedia(needs.header) && (
        <HeaderMediaField
          t={t}
          kind={needs.header}
          value={value.media}
          onChange={media => onChange({ ...value, media })}
        />
      )}
      {needs.buttons
        .filter(b => b.required)
        .map(b => (
          <label key={b.index}>
            {b.kind === 'copy_code'
              ? t('cloud.template.copyCode', { max: COUPON_CODE_MAX })
              : t('cloud.template.button', { text: buttons[b.index]?.text ?? '' })}
            <input
              required
              maxLength={b.kind === 'copy_code' ? COUPON_CODE_MAX : 1024}
              value={value.urls[b.index] ?? ''}
              onChange={e => onChange({ ...value, urls: { ...value.urls, [b.index]: e.target.value } })}
            />
          </label>
        ))}
    </>
  );
}

/** The header and buttons as the customer will see them, under the body's preview. */
export function extrasPreview(template: WireCloudTemplate, needs: TemplateNeeds, x: Extras) {
  const h = component(template, 'HEADER');
  let header: string | null = null;
  if (needs.header === 'text' || (needs.header === 'none' && h?.text))
    header = fill(h?.text ?? '', [valuePreview(x.header, template.language)]);
  else if (isMedia(needs.header)) header = x.media.source === 'link' ? x.media.link : (x.media.file?.fileName ?? '');
  const buttons = (component(template, 'BUTTONS')?.buttons ?? []).map((b, i) =>
    b.url ? `${b.text} → ${fill(b.url, [x.urls[i] ?? ''])}` : b.text,
  );
  return { header: header || null, buttons };
}
