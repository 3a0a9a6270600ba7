import type { AppInfo } from '../../../../common/api';
import { useT } from '../../i18n';

export function AboutPanel({ info }: { readonly info: AppInfo }) {
  const t = useT();
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
    </section>
  );
}
