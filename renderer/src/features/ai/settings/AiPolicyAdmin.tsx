import { useId, useState } from 'react';
import type { WireAiPolicy } from '../../../../../common/protocol-ai-policy';
import { api } from '../../../api/client';
import type { PolicyForm } from './logic';
import { policyOf } from './logic';
import type { AiSettingsT } from './useAiSettingsT';
import { useAiSettingsT } from './useAiSettingsT';

const formOfPolicy = (p: WireAiPolicy | null): PolicyForm => ({
  allowed: p?.allowed ?? true,
  baseUrl: p?.baseUrl ?? '',
  model: p?.model ?? '',
  forceRedact: p?.forceRedact ?? false,
});

function adminError(code: string, t: AiSettingsT): string {
  if (code === 'forbidden') return t('aiSettings.admin.error.forbidden');
  if (code === 'unavailable') return t('aiSettings.admin.error.unavailable');
  if (code === 'timeout') return t('aiSettings.admin.error.timeout');
  return t('aiSettings.admin.error.other', { code });
}

/** For admins: the rules every desktop of the workspace follows (the server checks the role too). */
export function AiPolicyAdmin({
  online,
  policy,
  onSaved,
}: {
  readonly online: boolean;
  readonly policy: WireAiPolicy | null;
  readonly onSaved: () => void;
}) {
  const t = useAiSettingsT();
  const headingId = useId();
  const [form, setForm] = useState<PolicyForm>(() => formOfPolicy(policy));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<PolicyForm>) => setForm(f => ({ ...f, ...patch }));
  // A change made elsewhere (another admin) refills the form; the message of our own save stays.
  const [shownAt, setShownAt] = useState(policy?.updatedAt ?? null);
  if ((policy?.updatedAt ?? null) !== shownAt) {
    setShownAt(policy?.updatedAt ?? null);
    setForm(formOfPolicy(policy));
  }

  const save = async () => {
    const checked = policyOf(form);
    if (!checked.ok) return setMessage({ ok: false, text: t(checked.problem) });
    setBusy(true);
    const reply = await api().invoke('ai:policy:save', checked.value);
    setBusy(false);
    if (!reply.ok) return setMessage({ ok: false, text: adminError(reply.error.code, t) });
    setForm(formOfPolicy(reply.value));
    setMessage({ ok: true, text: t('aiSettings.admin.saved') });
    onSaved();
  };

  return (
    <section className="ai-policy-admin" aria-labelledby={headingId} data-testid="ai-policy-admin">
      <h3 id={headingId}>{t('aiSettings.admin.heading')}</h3>
      <p className="small muted">{t('aiSettings.admin.intro')}</p>
      {!online && <p className="small muted">{t('aiSettings.admin.offline')}</p>}
      <form
        className="form"
        onSubmit={e => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="inline">
          <input type="checkbox" checked={form.allowed} onChange={e => update({ allowed: e.target.checked })} />
          {t('aiSettings.admin.allowed')}
        </label>
        <label>
          {t('aiSettings.admin.baseUrl')}
          <input
            type="url"
            value={form.baseUrl}
            maxLength={500}
            placeholder="https://ai-gateway.example.com/v1"
            onChange={e => update({ baseUrl: e.target.value })}
          />
        </label>
        <label>
          {t('aiSettings.admin.model')}
          <input value={form.model} maxLength={200} onChange={e => update({ model: e.target.value })} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={form.forceRedact} onChange={e => update({ forceRedact: e.target.checked })} />
          {t('aiSettings.admin.forceRedact')}
        </label>
        <button type="submit" disabled={busy || !online}>
          {t('aiSettings.admin.save')}
        </button>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className="ai-settings-status">
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
