import { useT } from '../../i18n';
import { unblockPlace } from './unblock';

/** The steps to allow notifications again, for where this inbox runs; shown when they are blocked. */
export function UnblockSteps() {
  const t = useT();
  const place = unblockPlace(Boolean(window.desk), navigator.userAgent);
  return (
    <details className="unblock-steps">
      <summary>{t('settings.notify.unblock.title')}</summary>
      <p className="small">{t(`settings.notify.unblock.${place}`)}</p>
    </details>
  );
}
