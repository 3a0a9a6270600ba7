import { useCallback, useEffect, useId, useState } from 'react';
import type { AiSettingsView } from '../../../../../common/api/ai';
import { api } from '../../../api/client';
import { retainWorkspace, useWorkspace } from '../../../stores/workspace';
import { AiPolicyAdmin } from './AiPolicyAdmin';
import { AiSettingsForm } from './AiSettingsForm';
import { NOTICE_KEYS, recipientOf } from './logic';
import type { AiSettingsT } from './useAiSettingsT';
import { useAiSettingsT } from './useAiSettingsT';
import './ai-settings.css';
import { errorText } from '../../../lib/error-text';

/**
 * Settings → AI: the desktop's own AI settings (off by default), what the workspace's
 * policy locks and why, what is sent to whom, and for admins the workspace policy itself.
 */
export function AiSettingsSection() {
  const t = useAiSettingsT();
  const headingId = useId();
  const [view, setView] = useState<AiSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  useEffect(() => retainWorkspace(), []);

  const load = useCallback(async () => {
    const reply = await api().invoke('ai:settings:get', {});
    if (reply.ok) {
      setView(reply.value);
      setError(null);
    } else setError(errorText(reply.error));
  }, []);
  useEffect(() => {
    void load();
    // An admin elsewhere changed the workspace policy: show what it locks now, not at next open.
    return api().subscribe('ai:policy:changed', () => void load());
  }, [load]);

  const signedIn = connection !== 'signed_out' && connection !== 'unauthorized';
  return (
    <section className="panel ai-settings" aria-labelledby={headingId} data-testid="ai-settings">
      <h2 id={headingId}>{t('aiSettings.heading')}</h2>
      {error && <p role="alert">{t('aiSettings.loadFailed', { message: error })}</p>}
      {!view && !error && <p className="small muted">{t('aiSettings.loading')}</p>}
      {view && (
        <>
          <PolicyNotes view={view} t={t} />
          <AiSettingsForm key={JSON.stringify(view.policy)} view={view} onSaved={setView} />
          <DataNotice view={view} t={t} />
        </>
      )}
      {view && signedIn && me?.role === 'admin' && (
        <AiPolicyAdmin online={connection === 'online'} policy={view.policy} onSaved={() => void load()} />
      )}
    </section>
  );
}

/** What the workspace decides for this desktop, said next to the fields it locks. */
function PolicyNotes({ view, t }: { readonly view: AiSettingsView; readonly t: AiSettingsT }) {
  const p = view.policy;
  if (!p || (p.allowed && !p.baseUrl && !p.model && !p.forceRedact)) return null;
  return (
    <div className="ai-policy-notes" role="note" data-testid="ai-policy-notes">
      <strong>{t('aiSettings.policy.heading')}</strong>
      <ul>
        {!p.allowed && <li>{t('aiSettings.policy.notAllowed')}</li>}
        {p.allowed && p.baseUrl && <li>{t('aiSettings.policy.baseUrl', { url: p.baseUrl })}</li>}
        {p.allowed && p.model && <li>{t('aiSettings.policy.model', { model: p.model })}</li>}
        {p.allowed && p.forceRedact && <li>{t('aiSettings.policy.redact')}</li>}
      </ul>
    </div>
  );
}

function DataNotice({ view, t }: { readonly view: AiSettingsView; readonly t: AiSettingsT }) {
  return (
    <details className="ai-notice" open={!view.settings.enabled}>
      <summary>{t('aiSettings.notice.heading')}</summary>
      <ul>
        {NOTICE_KEYS.map(key => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p className="small muted">{t('aiSettings.notice.recipient', { host: recipientOf(view.settings.baseUrl) })}</p>
    </details>
  );
}
