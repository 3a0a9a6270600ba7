import { useState } from 'react';
import type { AiSettingsView } from '../../../../../common/api/ai';
import type { AiTestResult } from '../../../../../common/api/ai-settings';
import { aiPolicyLocks } from '../../../../../common/api/ai-settings';
import { api } from '../../../api/client';
import type { AiForm, ProviderPreset } from './logic';
import { PRESETS, formOf, formProblem, presetFill, presetOf, reasonKey, settingsOf } from './logic';
import type { AiSettingsT } from './useAiSettingsT';
import { useAiSettingsT } from './useAiSettingsT';
import { errorText } from '../../../lib/error-text';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly text: string }
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string };

/** The fields of Settings → AI; saving replaces the view, testing only reports. */
export function AiSettingsForm({
  view,
  onSaved,
}: {
  readonly view: AiSettingsView;
  readonly onSaved: (view: AiSettingsView) => void;
}) {
  const t = useAiSettingsT();
  const [form, setForm] = useState<AiForm>(() => formOf(view.settings));
  const [preset, setPreset] = useState<ProviderPreset>(() => presetOf(view.settings.baseUrl));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const locks = aiPolicyLocks(view.policy);
  const update = (patch: Partial<AiForm>) => setForm(f => ({ ...f, ...patch }));

  const choosePreset = (next: ProviderPreset) => {
    setPreset(next);
    const fill = presetFill(next);
    if (fill) update({ baseUrl: fill.baseUrl, ...(locks.model ? {} : { model: fill.model }) });
  };

  const save = async () => {
    const problem = formProblem(form);
    if (problem) return setStatus({ kind: 'error', text: t(problem) });
    setStatus({ kind: 'busy', text: t('aiSettings.saving') });
    const reply = await api().invoke('ai:settings:save', settingsOf(form, view.settings.timeoutMs));
    if (!reply.ok)
      return setStatus({ kind: 'error', text: t('aiSettings.saveFailed', { message: errorText(reply.error) }) });
    onSaved(reply.value);
    // The typed key is gone from the form once saved: from now on it is only "saved".
    setForm(formOf(reply.value.settings));
    setStatus({ kind: 'ok', text: t('aiSettings.saved') });
  };

  const test = async () => {
    const problem = formProblem(form);
    if (problem) return setStatus({ kind: 'error', text: t(problem) });
    setStatus({ kind: 'busy', text: t('aiSettings.testing') });
    const apiKey = form.apiKey.trim();
    const reply = await api().invoke('ai:test', {
      baseUrl: form.baseUrl.trim(),
      model: form.model.trim(),
      ...(apiKey ? { apiKey } : {}),
    });
    if (!reply.ok)
      return setStatus({ kind: 'error', text: t('aiSettings.testFailed', { reason: errorText(reply.error) }) });
    setStatus(testStatus(reply.value, t));
  };

  const busy = status.kind === 'busy';
  return (
    <form
      className="form ai-settings-form"
      onSubmit={e => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="inline">
        <input
          type="checkbox"
          checked={form.enabled}
          disabled={locks.enabled}
          onChange={e => update({ enabled: e.target.checked })}
        />
        {t('aiSettings.enabled')}
      </label>
      {!view.settings.enabled && <p className="small muted">{t('aiSettings.offHint')}</p>}
      <label>
        {t('aiSettings.provider')}
        <select value={preset} disabled={locks.baseUrl} onChange={e => choosePreset(e.target.value as ProviderPreset)}>
          {PRESETS.map(p => (
            <option key={p} value={p}>
              {t(`aiSettings.provider.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted">{t(`aiSettings.hint.${preset}`)}</p>
      <label>
        {t('aiSettings.baseUrl')}
        <input
          type="url"
          value={form.baseUrl}
          disabled={locks.baseUrl}
          maxLength={500}
          onChange={e => update({ baseUrl: e.target.value })}
        />
      </label>
      <label>
        {t('aiSettings.model')}
        <input
          value={form.model}
          disabled={locks.model}
          maxLength={200}
          onChange={e => update({ model: e.target.value })}
        />
      </label>
      <KeyField form={form} hasApiKey={view.hasApiKey} update={update} t={t} />
      <label className="inline">
        <input
          type="checkbox"
          checked={form.redact}
          disabled={locks.redact}
          onChange={e => update({ redact: e.target.checked })}
        />
        {t('aiSettings.redact')}
      </label>
      <label>
        {t('aiSettings.budget')}
        <input
          type="number"
          min={0}
          max={1_000_000}
          step={1}
          value={form.dailyBudget}
          onChange={e => update({ dailyBudget: e.target.value })}
        />
      </label>
      <p className="small muted" data-testid="ai-used-today">
        {t('aiSettings.usedToday', { used: view.usedToday, budget: view.settings.dailyBudget })}
      </p>
      <div className="ai-settings-actions">
        <button type="submit" disabled={busy}>
          {t('aiSettings.save')}
        </button>
        <button type="button" disabled={busy || locks.enabled} onClick={() => void test()}>
          {t('aiSettings.test')}
        </button>
      </div>
      {status.kind === 'error' ? (
        <p role="alert" className="ai-settings-status error">
          {status.text}
        </p>
      ) : (
        <p role="status" className="ai-settings-status">
          {status.kind === 'idle' ? '' : status.text}
        </p>
      )}
    </form>
  );
}

/** The key is write-only: the field starts empty, and "saved" is all the core ever says about it. */
function KeyField({
  form,
  hasApiKey,
  update,
  t,
}: {
  readonly form: AiForm;
  readonly hasApiKey: boolean;
  readonly update: (patch: Partial<AiForm>) => void;
  readonly t: AiSettingsT;
}) {
  return (
    <div className="ai-key">
      <label>
        {t('aiSettings.apiKey')}
        <input
          type="password"
          autoComplete="off"
          value={form.apiKey}
          maxLength={500}
          placeholder={hasApiKey && !form.clearApiKey ? t('aiSettings.apiKey.savedPlaceholder') : ''}
          onChange={e => update({ apiKey: e.target.value, clearApiKey: false })}
        />
      </label>
      <p className="small muted" data-testid="ai-key-state">
        {form.clearApiKey
          ? t('aiSettings.apiKey.willRemove')
          : hasApiKey
            ? t('aiSettings.apiKey.saved')
            : t('aiSettings.apiKey.none')}{' '}
        {hasApiKey && !form.clearApiKey && (
          <button type="button" className="link-button" onClick={() => update({ clearApiKey: true, apiKey: '' })}>
            {t('aiSettings.apiKey.remove')}
          </button>
        )}
      </p>
    </div>
  );
}

function testStatus(result: AiTestResult, t: AiSettingsT): Status {
  if (result.ok) {
    return {
      kind: 'ok',
      text: t('aiSettings.testOk', { seconds: (result.ms / 1000).toFixed(1), answer: result.answer }),
    };
  }
  return { kind: 'error', text: t('aiSettings.testFailed', { reason: t(reasonKey(result.reason)) }) };
}
