import { useId } from 'react';
import { TEMPLATE_VARIABLES, renderTemplate, unknownVariables } from '../../../../common/automation/template';
import type { TemplateValues } from '../../../../common/automation/template';
import type { AutomationT } from './useAutomationT';

type Props = {
  readonly t: AutomationT;
  readonly legend: string;
  readonly testId: string;
  readonly enabled: boolean;
  readonly text: string;
  readonly values: TemplateValues;
  readonly onChange: (m: { enabled: boolean; text: string }) => void;
  readonly children?: React.ReactNode;
};

/** One automated message: on/off, its text, the variables it may use, and a live preview. */
export function MessageEditor({ t, legend, testId, enabled, text, values, onChange, children }: Props) {
  const textId = useId();
  const unknown = unknownVariables(text);
  return (
    <fieldset data-testid={testId}>
      <legend>{legend}</legend>
      <label className="inline">
        <input type="checkbox" checked={enabled} onChange={e => onChange({ enabled: e.target.checked, text })} />
        {t('automation.enabled')}
      </label>
      <label htmlFor={textId}>{t('automation.text')}</label>
      <textarea
        id={textId}
        value={text}
        maxLength={2000}
        rows={3}
        onChange={e => onChange({ enabled, text: e.target.value })}
      />
      <p className="small muted">
        {t('automation.variables', { list: TEMPLATE_VARIABLES.map(v => `{{${v}}}`).join(', ') })}
      </p>
      {unknown.length > 0 && (
        <p className="small error-text">{t('automation.unknown', { list: unknown.map(v => `{{${v}}}`).join(', ') })}</p>
      )}
      {children}
      <p className="small">
        {t('automation.preview')}: <q data-testid={`${testId}-preview`}>{renderTemplate(text, values)}</q>
      </p>
    </fieldset>
  );
}
