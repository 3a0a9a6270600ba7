import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { WireCloudTemplate } from '../../../../common/api/cloud';
import { templateNeeds } from '../../../../common/cloud/template-needs';
import type { Chat } from '../../../../common/domain';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { newClientId } from '../../lib/ids';
import type { Extras } from './TemplateExtras';
import { NO_EXTRAS, TemplateExtraFields, extrasArgs, extrasComplete, extrasPreview } from './TemplateExtras';
import { TemplateValueField } from './TemplateValueField';
import type { ValueInput } from './template-values';
import { EMPTY_VALUE, templateValueOf, valuePreview } from './template-values';
import { useCloudT } from './useCloudT';

const bodyOf = (t: WireCloudTemplate): string => t.components.find(c => c.type.toUpperCase() === 'BODY')?.text ?? '';
const keyOf = (t: WireCloudTemplate) => `${t.name}|${t.language}`;
const fill = (text: string, values: readonly string[]) =>
  text.replace(/\{\{\s*(\d{1,2})\s*\}\}/g, (m, n: string) => values[Number(n) - 1] || m);

/**
 * Sends one of the number's approved templates: the only kind of message WhatsApp allows
 * once the 24-hour window has closed. The header's parameter (a value, or media by link or
 * file), each `{{n}}` of the body (text, an amount or a date and time) and each URL
 * button's suffix get a field; the preview shows the message as the customer will read it.
 */
export function TemplatePicker({ chat, onClose }: { readonly chat: Chat; readonly onClose: () => void }) {
  const t = useCloudT();
  const [templates, setTemplates] = useState<readonly WireCloudTemplate[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [values, setValues] = useState<ValueInput[]>([]);
  const [extras, setExtras] = useState<Extras>(NO_EXTRAS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api()
      .invoke('cloudTemplates:list', { accountId: chat.accountId })
      .then(r => {
        if (!r.ok) return setError(t('cloud.template.error', { code: r.error.code }));
        const approved = r.value.filter(x => x.status === 'APPROVED');
        setTemplates(approved);
        setChosen(approved[0] ? keyOf(approved[0]) : '');
      });
  }, [chat.accountId, t]);

  const template = useMemo(() => templates?.find(x => keyOf(x) === chosen) ?? null, [templates, chosen]);
  const needs = useMemo(() => (template ? templateNeeds(template) : null), [template]);
  const count = needs?.body ?? 0;
  useEffect(() => {
    setValues(Array.from({ length: count }, () => EMPTY_VALUE));
    setExtras(NO_EXTRAS);
  }, [count, chosen]);
  const preview = template && needs ? extrasPreview(template, needs, extras) : null;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const parameters = template ? values.map(v => templateValueOf(v, template.language)) : [];
    if (!template || !needs || parameters.some(p => p === null)) return;
    setBusy(true);
    const r = await api().invoke('cloudTemplates:send', {
      chatId: chat.id,
      clientMessageId: newClientId(),
      name: template.name,
      language: template.language,
      parameters: parameters.filter(p => p !== null),
      ...extrasArgs(needs, extras, template.language),
    });
    setBusy(false);
    if (!r.ok) return setError(t('cloud.template.error', { code: r.error.code }));
    onClose();
  };

  return (
    <Dialog title={t('cloud.template.title')} onClose={onClose} className="template-picker">
      <p className="small muted">{t('cloud.template.intro')}</p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {templates === null && !error && <p className="muted">{t('cloud.template.loading')}</p>}
      {templates?.length === 0 && <p className="muted">{t('cloud.template.none')}</p>}
      {template && (
        <form className="form" onSubmit={e => void submit(e)}>
          <label>
            {t('cloud.template.choose')}
            <select value={chosen} onChange={e => setChosen(e.target.value)}>
              {templates?.map(x => (
                <option key={keyOf(x)} value={keyOf(x)}>
                  {x.name} · {x.language}
                </option>
              ))}
            </select>
          </label>
          {needs && <TemplateExtraFields t={t} template={template} needs={needs} value={extras} onChange={setExtras} />}
          {values.map((v, i) => (
            <TemplateValueField
              key={i}
              t={t}
              label={t('cloud.template.value', { n: i + 1 })}
              value={v}
              onChange={next => setValues(list => list.map((x, j) => (j === i ? next : x)))}
            />
          ))}
          <div role="group" aria-label={t('cloud.template.preview')}>
            <p className="small muted">{t('cloud.template.preview')}</p>
            <p className="template-preview" data-testid="template-preview">
              {preview?.header && (
                <>
                  <strong>{preview.header}</strong>
                  <br />
                </>
              )}
              {fill(
                bodyOf(template),
                values.map(v => valuePreview(v, template.language)),
              )}
            </p>
            {preview?.buttons.map(b => (
              <p key={b} className="small muted">
                {b}
              </p>
            ))}
          </div>
          <button
            type="submit"
            disabled={
              busy ||
              values.some(v => templateValueOf(v, template.language) === null) ||
              !needs ||
              !extrasComplete(needs, extras, template.language)
            }
          >
            {busy ? t('cloud.template.sending') : t('cloud.template.send')}
          </button>
        </form>
      )}
    </Dialog>
  );
}
