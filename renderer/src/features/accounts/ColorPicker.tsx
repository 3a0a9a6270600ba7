import { useT } from '../../i18n';
import { ACCOUNT_COLORS } from './states';

/** Swatches as a radio group, so the colour is chosen by keyboard too. */
export function ColorPicker({ value, onChange }: { readonly value: string; readonly onChange: (c: string) => void }) {
  const t = useT();
  return (
    <fieldset className="swatches">
      <legend>{t('account.color')}</legend>
      {ACCOUNT_COLORS.map((c, i) => (
        <label key={c} className="swatch" style={{ background: c }} title={t('account.colorN', { n: i + 1 })}>
          <input
            type="radio"
            name="account-color"
            value={c}
            checked={value.toLowerCase() === c}
            onChange={() => onChange(c)}
            aria-label={t('account.colorN', { n: i + 1 })}
          />
        </label>
      ))}
    </fieldset>
  );
}
