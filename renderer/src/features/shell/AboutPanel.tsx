import { useState } from 'react';
import type { AppInfo } from '../../../../common/api';
import { useT } from '../../i18n';
import { core } from '../../stores/core';
import { errorText } from '../../lib/error-text';

export function AboutPanel({ info }: { readonly info: AppInfo }) {
  const t = useT();
  const [diagnostics, setDiagnostics] = useState<{ text: string; copied: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const copyDiagnostics = async () => {
    const reply = await core.diagnostics();
    if (!reply.ok) return setError(errorText(reply.error));
    setError(null);
    // The clipboard can be refused (permissions, no focus); the text is then shown to copy by hand.
    const copied = await navigator.clipboard?.writeText(reply.value.text).then(
      () => true,
      () => false,
    );
    setDiagnostics({ text: reply.value.text, copied: copied === true });
  };

  return (
    <section aria-labelledby="about-heading" className="panel">
      <h2 id="about-heading">{t('about.heading')}</h2>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="app-version">{info.version}</dd>
        <dt>{t('about.shell')}</dt>
        <dd>{t(info.shell === 'electron' ? 'shell.electron' : 'shell.headless')}</dd>
        <dt>{t('about.platform')}</dt>
        <dd>{info.platform}</dd>
        <dt>{t('about.dataDir')}</dt>
        <dd className="mono">{info.dataDir}</dd>
      </dl>
      <p className="muted">{t('about.diagnosticsHint')}</p>
      <button type="button" onClick={() => void copyDiagnostics()}>
        {t('about.diagnostics')}
      </button>
      {error && <p role="alert">{error}</p>}
      {diagnostics && (
        <>
          <p role="status">{t(diagnostics.copied ? 'about.diagnosticsCopied' : 'about.diagnosticsShown')}</p>
          <textarea
            aria-label={t('about.diagnostics')}
            className="mono"
            readOnly
            rows={8}
            style={{ width: '100%' }}
            value={diagnostics.text}
          />
        </>
      )}
    </section>
  );
}
