import type { CloudT } from './useCloudT';
import type { ValueInput, ValueKind } from './template-values';

type Props = {
  readonly t: CloudT;
  /** The field's name: "Value for {{1}}" or "Header value". */
  readonly label: string;
  readonly value: ValueInput;
  readonly onChange: (v: ValueInput) => void;
};

/**
 * One `{{n}}` of a template: text, an amount (currency and number) or a date and time; Meta
 * takes each of these kinds for any text parameter.
 */
export function TemplateValueField({ t, label, value, onChange }: Props) {
  const set = (patch: Partial<ValueInput>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="template-value">
      <legend className="sr-only">{label}</legend>
      <label>
        {t('cloud.template.kind', { field: label })}
        <select value={value.kind} onChange={e => set({ kind: e.target.value as ValueKind })}>
          <option value="text">{t('cloud.template.kind.text')}</option>
          <option value="currency">{t('cloud.template.kind.currency')}</option>
          <option value="date_time">{t('cloud.template.kind.date_time')}</option>
        </select>
      </label>
      {value.kind === 'text' && (
        <label>
          {label}
          <input required maxLength={1024} value={value.text} onChange={e => set({ text: e.target.value })} />
        </label>
      )}
      {value.kind === 'currency' && (
        <>
          <label>
            {t('cloud.template.currency', { field: label })}
            <input
              required
              maxLength={3}
              pattern="[A-Za-z]{3}"
              value={value.code}
              onChange={e => set({ code: e.target.value.toUpperCase() })}
            />
          </label>
          <label>
            {t('cloud.template.amount', { field: label })}
            <input
              required
              inputMode="decimal"
              pattern="\d{1,12}(\.\d{1,3})?"
              value={value.amount}
              onChange={e => set({ amount: e.target.value })}
            />
          </label>
        </>
      )}
      {value.kind === 'date_time' && (
        <label>
          {t('cloud.template.date', { field: label })}
          <input required type="datetime-local" value={value.date} onChange={e => set({ date: e.target.value })} />
        </label>
      )}
    </fieldset>
  );
}
