import { useId, useState } from 'react';
import type { ApiKeyCreated } from '../../../../common/api/integrations';
import type { IntegrationsT } from './useIntegrationsT';

/** The new key's secret, shown this once, with a copy button and a warning. */
export function SecretPanel({
  t,
  created,
  onDone,
}: {
  readonly t: IntegrationsT;
  readonly created: ApiKeyCreated;
  readonly onDone: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const headingId = useId();
  const copy = async () => {
    // The clipboard can be refused (permissions, no focus); the key stays on screen to copy by hand.
    const ok = await (navigator.clipboard?.writeText(created.secret).then(
      () => true,
      () => false,
    ) ?? Promise.resolve(false));
    setCopied(ok ? 'yes' : 'failed');
  };
  return (
    <section className="integrations-secret" role="region" aria-labelledby={headingId} data-testid="api-key-secret">
      <h4 id={headingId}>{t('integrations.secret.heading')}</h4>
      <p className="team-banner team-banner-warn">{t('integrations.secret.warning')}</p>
      <input readOnly value={created.secret} aria-label={created.key.name} onFocus={e => e.target.select()} />
      <button type="button" onClick={() => void copy()}>
        {t('integrations.secret.copy')}
      </button>
      <span role="status">
        {copied === 'yes' && t('integrations.secret.copied')}
        {copied === 'failed' && t('integrations.secret.copyFailed')}
      </span>
      <button type="button" onClick={onDone}>
        {t('integrations.secret.done')}
      </button>
    </section>
  );
}
