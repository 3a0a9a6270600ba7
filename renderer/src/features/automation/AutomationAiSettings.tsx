/**
 * Settings → Automation, "AI for rules": the workspace's OpenAI-compatible endpoint the
 * server asks for a message's mood (rules with a mood condition). Admins only; the key is
 * written, never read back: the server says only whether one is set.
 */
import { useEffect, useId, useState } from 'react';
import type { WireAutomationAi } from '../../../../common/protocol-automation-ai';
import { api } from '../../api/client';
import type { AutomationAiMessageKey } from '../../i18n/automation-ai.en';
import { automationAiEn } from '../../i18n/automation-ai.en';
import { automationAiId } from '../../i18n/automation-ai.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

const dictionaries: Dictionaries<AutomationAiMessageKey> = { en: automationAiEn, id: automationAiId };
type T = Translator<AutomationAiMessageKey>;

type Status = { readonly kind: 'idle' | 'loading' | 'saved' | 'error'; readonly code?: string };
type Args = { baseUrl: string | null; model: string; apiKey?: string | null };

const KNOWN_ERRORS = ['invalid_args', 'unavailable'] as const;
function errorText(t: T, code: string | undefined): string {
  const known = KNOWN_ERRORS.find(c => c === code);
  return t(known ? `automationAi.error.${known}` : 'automationAi.error.other');
}

export function AutomationAiSettings() {
  const t = useDictionary(dictionaries);
  const headingId = useId();
  const [stored, setStored] = useState<WireAutomationAi | null>(null);
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  const show = (v: WireAutomationAi) => {
    setStored(v);
    setBaseUrl(v.baseUrl ?? '');
    setModel(v.model ?? '');
    setApiKey('');
  };

  useEffect(() => {
    let live = true;
    void api()
      .invoke('automationAi:get', {})
      .then(r => {
        if (!live) return;
        if (!r.ok) return setStatus({ kind: 'error', code: r.error.code });
        show(r.value);
        setStatus({ kind: 'idle' });
      });
    return () => {
      live = false;
    };
  }, []);

  if (!stored)
    return (
      <p className="small muted">{status.kind === 'error' ? errorText(t, status.code) : t('automationAi.loading')}</p>
    );

  const save = async (args: Args) => {
    setStatus({ kind: 'loading' });
    const r = await api().invoke('automationAi:set', args);
    if (!r.ok) return setStatus({ kind: 'error', code: r.error.code });
    show(r.value);
    setStatus({ kind: 'saved' });
  };
  const edited = (): Args => ({
    baseUrl: baseUrl.trim() || null,
    model: model.trim(),
    ...(apiKey ? { apiKey } : {}),
  });

  return (
    <fieldset className="automation-ai" aria-labelledby={headingId} data-testid="automation-ai">
      <legend id={headingId}>{t('automationAi.heading')}</legend>
      <p className="small muted">{t('automationAi.help')}</p>
      <label>
        {t('automationAi.baseUrl')}
        <input
          type="url"
          value={baseUrl}
          placeholder="https://api.openai.com/v1"
          onChange={e => setBaseUrl(e.target.value)}
        />
      </label>
      <label>
        {t('automationAi.model')}
        <input value={model} placeholder="gpt-4o-mini" onChange={e => setModel(e.target.value)} />
      </label>
      <label>
        {t('automationAi.apiKey')}
        <input type="password" autoComplete="off" value={apiKey} onChange={e => setApiKey(e.target.value)} />
      </label>
      <p className="small muted" data-testid="automation-ai-key">
        {t(stored.key === 'set' ? 'automationAi.key.set' : 'automationAi.key.notSet')}
      </p>
      <button type="button" onClick={() => void save(edited())} disabled={status.kind === 'loading'}>
        {t('automationAi.save')}
      </button>
      {stored.key === 'set' && stored.baseUrl && (
        <button
          type="button"
          onClick={() => void save({ baseUrl: stored.baseUrl, model: stored.model ?? '', apiKey: null })}
          disabled={status.kind === 'loading'}
        >
          {t('automationAi.key.remove')}
        </button>
      )}
      {stored.baseUrl && (
        <button
          type="button"
          onClick={() => void save({ baseUrl: null, model: '' })}
          disabled={status.kind === 'loading'}
        >
          {t('automationAi.off')}
        </button>
      )}
      <span aria-live="polite" className="small" data-testid="automation-ai-status">
        {status.kind === 'saved' && t('automationAi.saved')}
        {status.kind === 'error' && <span className="error-text">{errorText(t, status.code)}</span>}
      </span>
    </fieldset>
  );
}
