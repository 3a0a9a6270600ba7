import { useEffect } from 'react';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app';
import { AboutPanel } from './AboutPanel';

export function App() {
  const t = useT();
  const { info, accounts, connection, loadError, start, reload } = useAppStore();

  useEffect(() => start(), [start]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
      </header>
      <ConnectionBanner state={connection} />
      <main className="content">
        {loadError && (
          <div role="alert" className="banner banner-error">
            {t('error.loadFailed', { message: loadError })}{' '}
            <button type="button" onClick={() => void reload()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        <section aria-labelledby="accounts-heading" className="panel">
          <h2 id="accounts-heading">{t('accounts.heading')}</h2>
          {accounts.length === 0 ? (
            <p>
              {t('accounts.empty')} <span className="muted">{t('accounts.emptyHint')}</span>
            </p>
          ) : (
            <ul aria-label={t('accounts.heading')}>
              {accounts.map(a => (
                <li key={a.id}>
                  <span className="dot" style={{ background: a.color }} aria-hidden="true" /> {a.name} — {a.state}
                </li>
              ))}
            </ul>
          )}
        </section>
        {info && <AboutPanel info={info} />}
      </main>
    </div>
  );
}
