import type { WireCloudTemplate } from '../../../../common/api/cloud';
import type { TemplateNeeds } from '../../../../common/cloud/template-needs';
import { component } from '../../../../common/cloud/template-needs';
import { COUPON_CODE_MAX } from '../../../../common/protocol-cloud';
import type { CloudT } from './useCloudT';

/** What the sender typed for the header and for each URL or copy-code button (by the button's index). */
export type Extras = { readonly header: string; readonly urls: Readonly<Record<number, string>> };
export const NO_EXTRAS: Extras = { header: '', urls: {} };

const fill = (text: string, values: readonly string[]) =>
  text.replace(/\{\{\s*(\d{1,2})\s*\}\}/g, (m, n: string) => values[Number(n) - 1] || m);

/** Whether every parameter the header and buttons need has a value (a media link must be https). */
export function extrasComplete(needs: TemplateNeeds, x: Extras): boolean {
  if (needs.header === 'unsupported') return false;
  if (needs.header === 'text' && !x.header.trim()) return false;
  if (['image', 'video', 'document'].includes(needs.header) && !/^https:\/\/\S+$/i.test(x.header.trim())) return false;
  return needs.buttons.every(b => !b.required || Boolean(x.urls[b.index]?.trim()));
}

/** The `header` and `buttons` of cloudTemplates:send. */
export function extrasArgs(needs: TemplateNeeds, x: Extras) {
  const h = x.header.trim();
  const header =
    needs.header === 'text'
      ? { type: 'text' as const, text: h }
      : needs.header === 'image' || needs.header === 'video' || needs.header === 'document'
        ? { type: needs.header, link: h }
        : undefined;
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
        <label>
          {t('cloud.template.header')}
          <input
            required
            maxLength={1024}
            value={value.header}
            onChange={e => onChange({ ...value, header: e.target.value })}
          />
        </label>
      )}
      {(needs.header === 'image' || needs.header === 'video' || needs.header === 'document') && (
        <label>
          {t(`cloud.template.media.${needs.header}`)}
          <input
            required
            type="url"
            pattern="https://.*"
            placeholder="https://"
            maxLength={2048}
            value={value.header}
            onChange={e => onChange({ ...value, header: e.target.value })}
          />
        </label>
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
  const header =
    needs.header === 'text' || (needs.header === 'none' && h?.text) ? fill(h?.text ?? '', [x.header]) : x.header;
  const buttons = (component(template, 'BUTTONS')?.buttons ?? []).map((b, i) =>
    b.url ? `${b.text} → ${fill(b.url, [x.urls[i] ?? ''])}` : b.text,
  );
  return { header: header || null, buttons };
}
