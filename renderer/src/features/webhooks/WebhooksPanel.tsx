import { useCallback, useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { WireWebhook } from '../../../../common/api/webhooks';
import { can } from '../../../../common/permissions';
import { WEBHOOK_EVENT_TYPES } from '../../../../common/protocol-webhooks';
import type { WebhookEventType } from '../../../../common/protocol-webhooks';
import { api } from '../../api/client';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { WebhookDeliveries } from './WebhookDeliveries';
import type { WebhooksT } from './useWebhooksT';
import { errorText, useWebhooksT } from './useWebhooksT';
import './webhooks.css';

/**
 * Settings → Webhooks, for admins while connected to the workspace: the endpoints, adding
 * one (its secret shown once), turning them on and off, deleting, and each one's delivery
 * log with "Redeliver". Renders nothing for other roles or without a workspace.
 */
export function WebhooksPanel() {
  const t = useWebhooksT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const headingId = useId();
  useEffect(() => retainWorkspace(), []);
  if (!me || connection === 'signed_out' || !can(me.role, 'webhooks.manage')) return null;
  return (
    <section className="webhooks" aria-labelledby={headingId} data-testid="webhooks">
      <h3 id={headingId}>{t('webhooks.heading')}</h3>
      <p className="team-hint">{t('webhooks.intro')}</p>
      {connection === 'online' ? (
        <WebhookList t={t} />
      ) : (
        <p className="team-banner team-banner-warn">{t('webhooks.offline')}</p>
      )}
    </section>
  );
}

function WebhookList({ t }: { readonly t: WebhooksT }) {
  const [hooks, setHooks] = useState<readonly WireWebhook[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api().invoke('webhooks:list', {});
    if (!r.ok) return setError(errorText(t, r.error));
    setHooks(r.value);
    setError(null);
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (run: () => Promise<{ ok: boolean; error?: { code: string; details?: unknown } }>) => {
    const r = await run();
    if (!r.ok && r.error) return setError(errorText(t, r.error));
    setError(null);
    await load();
  };

  return (
    <>
      {error && (
        <p role="alert" className="team-banner team-banner-warn">
          {error}
        </p>
      )}
      {secret && <SecretOnce t={t} secret={secret} onDone={() => setSecret(null)} />}
      {hooks.length === 0 && <p className="muted">{t('webhooks.empty')}</p>}
      <ul className="webhooks-list">
        {hooks.map(h => (
          <WebhookItem
            key={h.id}
            t={t}
            hook={h}
            onToggle={() => void act(() => api().invoke('webhooks:update', { id: h.id, enabled: !h.enabled }))}
            onDelete={() => void act(() => api().invoke('webhooks:delete', { id: h.id }))}
          />
        ))}
      </ul>
      <AddWebhook
        t={t}
        onAdded={created => {
          setSecret(created);
          void load();
        }}
        onError={setError}
      />
    </>
  );
}

function WebhookItem(props: {
  readonly t: WebhooksT;
  readonly hook: WireWebhook;
  readonly onToggle: () => void;
  readonly onDelete: () => void;
}) {
  const { t, hook } = props;
  const [confirming, setConfirming] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  return (
    <li className="webhooks-item" data-testid="webhook-item">
      <div className="webhooks-row">
        <code className="webhooks-url">{hook.url}</code>
        <span className={hook.enabled ? 'webhooks-on' : 'webhooks-off'}>
          {t(hook.enabled ? 'webhooks.enabled' : 'webhooks.disabled')}
        </span>
      </div>
      <p className="small muted">{hook.events.map(e => t(`webhooks.event.${e}`)).join(', ')}</p>
      {hook.disabledReason === 'failing' && (
        <p role="status" className="team-banner team-banner-warn">
          {t('webhooks.banner.failing', { count: hook.consecutiveFailures })}
        </p>
      )}
      <div className="webhooks-actions">
        <button type="button" onClick={props.onToggle}>
          {t(hook.enabled ? 'webhooks.disable' : 'webhooks.enable')}
        </button>
        <button type="button" aria-expanded={logOpen} onClick={() => setLogOpen(o => !o)}>
          {t(logOpen ? 'webhooks.log.close' : 'webhooks.log.open')}
        </button>
        {confirming ? (
          <span role="group">
            {t('webhooks.delete.confirm', { url: hook.url })}{' '}
            <button type="button" className="danger" onClick={props.onDelete}>
              {t('webhooks.delete.yes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('webhooks.delete.no')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('webhooks.delete')}
          </button>
        )}
      </div>
      {logOpen && <WebhookDeliveries t={t} endpointId={hook.id} />}
    </li>
  );
}

function AddWebhook(props: {
  readonly t: WebhooksT;
  readonly onAdded: (secret: string) => void;
  readonly onError: (text: string) => void;
}) {
  const { t } = props;
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<ReadonlySet<WebhookEventType>>(new Set(['message.received']));
  const [busy, setBusy] = useState(false);
  const toggle = (e: WebhookEventType, on: boolean) =>
    setEvents(prev => {
      const next = new Set(prev);
      if (on) next.add(e);
      else next.delete(e);
      return next;
    });
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    const r = await api().invoke('webhooks:create', { url: url.trim(), events: [...events] });
    setBusy(false);
    if (!r.ok) return props.onError(errorText(t, r.error));
    setUrl('');
    props.onAdded(r.value.secret);
  };
  return (
    <form className="form webhooks-add" onSubmit={e => void submit(e)}>
      <h4>{t('webhooks.add')}</h4>
      <label>
        {t('webhooks.url')}
        <input
          type="url"
          required
          maxLength={2000}
          placeholder="https://"
          value={url}
          onChange={e => setUrl(e.target.value)}
        />
      </label>
      <fieldset>
        <legend>{t('webhooks.events')}</legend>
        {WEBHOOK_EVENT_TYPES.map(e => (
          <label key={e} className="inline">
            <input type="checkbox" checked={events.has(e)} onChange={x => toggle(e, x.target.checked)} />
            {t(`webhooks.event.${e}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || events.size === 0 || url.trim() === ''}>
        {t('webhooks.save')}
      </button>
    </form>
  );
}

function SecretOnce({
  t,
  secret,
  onDone,
}: {
  readonly t: WebhooksT;
  readonly secret: string;
  readonly onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions): the secret stays on screen to copy by hand.
      setCopied(false);
    }
  };
  return (
    <div className="webhooks-secret" role="region" aria-label={t('webhooks.secret.title')}>
      <strong>{t('webhooks.secret.title')}</strong>
      <p className="small">{t('webhooks.secret.once')}</p>
      <code data-testid="webhook-secret">{secret}</code>{' '}
      <button type="button" onClick={() => void copy()}>
        {t(copied ? 'webhooks.secret.copied' : 'webhooks.secret.copy')}
      </button>
      <button type="button" onClick={onDone}>
        {t('webhooks.secret.done')}
      </button>
    </div>
  );
}
