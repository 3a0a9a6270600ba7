/** The chime for new messages: on or off, per number, and quiet hours. */
import type { SoundMessageKey } from '../../i18n/sound.en';
import { soundEn } from '../../i18n/sound.en';
import { soundId } from '../../i18n/sound.id';
import type { Dictionaries } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import { inQuietHours } from '../../lib/notify';
import { stripBidi } from '../../lib/text';
import { useAccounts } from '../../stores/accounts';
import { useSettings } from '../../stores/settings';

const dictionaries: Dictionaries<SoundMessageKey> = { en: soundEn, id: soundId };

export function SoundSettings() {
  const t = useDictionary(dictionaries);
  const notify = useSettings(s => s.notify);
  const setNotify = useSettings(s => s.setNotify);
  const accounts = useAccounts(s => s.accounts);
  const q = notify.quietHours;
  const setQuiet = (patch: Partial<typeof q>) => setNotify({ quietHours: { ...q, ...patch } });
  const toggleAccount = (id: string, on: boolean) =>
    setNotify({
      silentAccounts: on ? notify.silentAccounts.filter(x => x !== id) : [...notify.silentAccounts, id],
    });
  return (
    <div className="sound-settings">
      <label className="inline">
        <input type="checkbox" checked={notify.sound} onChange={e => setNotify({ sound: e.target.checked })} />
        {t('sound.enabled')}
      </label>
      <p className="small muted">{t('sound.help')}</p>
      {notify.sound && accounts.length > 1 && (
        <fieldset>
          <legend>{t('sound.perNumber')}</legend>
          {accounts.map(a => (
            <label key={a.id} className="inline">
              <input
                type="checkbox"
                checked={!notify.silentAccounts.includes(a.id)}
                onChange={e => toggleAccount(a.id, e.target.checked)}
              />
              {t('sound.number', { name: stripBidi(a.name) })}
            </label>
          ))}
        </fieldset>
      )}
      <label className="inline">
        <input type="checkbox" checked={q.enabled} onChange={e => setQuiet({ enabled: e.target.checked })} />
        {t('sound.quiet')}
        {inQuietHours(q, new Date()) && <span className="small muted"> · {t('sound.quiet.now')}</span>}
      </label>
      {q.enabled && (
        <div className="inline">
          <label className="inline">
            {t('sound.quiet.from')}
            <input
              type="time"
              value={q.from}
              required
              onChange={e => e.target.value && setQuiet({ from: e.target.value })}
            />
          </label>{' '}
          <label className="inline">
            {t('sound.quiet.to')}
            <input
              type="time"
              value={q.to}
              required
              onChange={e => e.target.value && setQuiet({ to: e.target.value })}
            />
          </label>
        </div>
      )}
      <p className="small muted">{t('sound.quiet.help')}</p>
    </div>
  );
}
