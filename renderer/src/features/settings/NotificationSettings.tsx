import { useState } from 'react';
import { useT } from '../../i18n';
import { useSettings } from '../../stores/settings';
import { SoundSettings } from '../notifications/SoundSettings';
import { UnblockSteps } from '../notifications/UnblockSteps';

/** Desktop notifications (and the system's permission for them), sounds and quiet hours. */
export function NotificationSettings() {
  const t = useT();
  const s = useSettings();
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  const ask = async () => {
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission());
  };
  return (
    <div className="form">
      <fieldset>
        <legend>{t('settings.notifications')}</legend>
        <label className="inline">
          <input
            type="checkbox"
            checked={s.notify.enabled}
            onChange={e => s.setNotify({ enabled: e.target.checked })}
          />
          {t('settings.notify.enabled')}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={s.notify.onlyMineOrUnassigned}
            onChange={e => s.setNotify({ onlyMineOrUnassigned: e.target.checked })}
          />
          {t('settings.notify.mine')}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={s.notify.showPreview}
            onChange={e => s.setNotify({ showPreview: e.target.checked })}
          />
          {t('settings.notify.preview')}
        </label>
        <p className="small muted">
          {t(`settings.notify.permission.${permission}`)}{' '}
          {permission === 'default' && (
            <button type="button" onClick={() => void ask()}>
              {t('settings.notify.allow')}
            </button>
          )}
        </p>
        {permission === 'denied' && <UnblockSteps />}
        <p className="small muted">{t('settings.notify.muteHint')}</p>
        <SoundSettings />
      </fieldset>
    </div>
  );
}
