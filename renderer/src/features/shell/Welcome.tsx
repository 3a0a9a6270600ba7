import { useState } from 'react';
import { useT } from '../../i18n';
import { useAccounts } from '../../stores/accounts';
import { useAppStore } from '../../stores/app';
import { AboutPanel } from './AboutPanel';
import { errorText } from '../../lib/error-text';

/** Shown when no chat is open: how to start, and facts about this installation. */
export function Welcome() {
  const t = useT();
  const info = useAppStore(s => s.info);
  const openPanel = useAppStore(s => s.openPanel);
  const { accounts, startDemo } = useAccounts();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const demo = async () => {
    setBusy(true);
    const r = await startDemo();
    setBusy(false);
    setError(r.ok ? null : errorText(r.error));
  };
  return (
    <div className="welcome">
      {accounts.length === 0 ? (
        <section className="panel" aria-labelledby="welcome-heading">
          <h2 id="welcome-heading">{t('welcome.heading')}</h2>
          <p>
            {t('accounts.empty')} <span className="muted">{t('accounts.emptyHint')}</span>
          </p>
          <div className="dialog-actions start">
            <button type="button" className="primary" onClick={() => void demo()} disabled={busy}>
              {t('demo.start')}
            </button>
            <button type="button" onClick={() => openPanel('addAccount')}>
              {t('account.add.title')}
            </button>
          </div>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
        </section>
      ) : (
        <p className="muted welcome-hint">{t('welcome.pick')}</p>
      )}
      {info && <AboutPanel info={info} />}
    </div>
  );
}
