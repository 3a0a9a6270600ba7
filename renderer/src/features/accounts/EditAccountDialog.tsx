import { useState } from 'react';
import type { Account, SimulatorPace } from '../../../../common/domain';
import { SIMULATOR_PACES } from '../../../../common/domain';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { useAccounts } from '../../stores/accounts';
import { ColorPicker } from './ColorPicker';
import { errorText } from '../../lib/error-text';
import { useAccountStatusT } from './account-status';
import { BrowserPathField, browserPathProblemOf } from './BrowserPathField';

/**
 * Rename, recolour and mute a number, and turn its read receipts off; a simulated number also
 * gets its customers' pace.
 */
export function EditAccountDialog({ account, onClose }: { readonly account: Account; readonly onClose: () => void }) {
  const t = useT();
  const update = useAccounts(s => s.update);
  const [name, setName] = useState(account.name);
  const [color, setColor] = useState(account.color);
  const [muted, setMuted] = useState(account.muted);
  // Numbers hosted on this desktop only; a teammate's number has its host's setting.
  const [receipts, setReceipts] = useState(account.readReceipts);
  const [pace, setPace] = useState<SimulatorPace | undefined>(account.simulatorPace);
  const [browserPath, setBrowserPath] = useState(account.browserPath ?? '');
  const [error, setError] = useState<string | null>(null);
  const s = useAccountStatusT();
  const webjs = account.provider === 'webjs';
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await update(account.id, {
      name,
      color,
      muted,
      ...(pace ? { simulatorPace: pace } : {}),
      ...(receipts !== undefined && receipts !== account.readReceipts ? { readReceipts: receipts } : {}),
      // Empty: the detected browser. Only sent when changed, as a change restarts the number.
      ...(webjs && browserPath.trim() !== (account.browserPath ?? '')
        ? { browserPath: browserPath.trim() || null }
        : {}),
    });
    if (r.ok) onClose();
    else {
      const problem = browserPathProblemOf(r.error.details);
      setError(problem ? s(`browser.problem.${problem}`) : errorText(r.error));
    }
  };
  return (
    <Dialog title={t('account.edit.title')} onClose={onClose}>
      <form onSubmit={e => void submit(e)} className="form">
        <label>
          {t('account.name')}
          <input value={name} onChange={e => setName(e.target.value)} required maxLength={100} />
        </label>
        <ColorPicker value={color} onChange={setColor} />
        <label className="inline">
          <input type="checkbox" checked={muted} onChange={e => setMuted(e.target.checked)} />
          {t('account.mute')}
        </label>
        {receipts !== undefined && !account.remote && (
          <label className="inline">
            <input type="checkbox" checked={receipts} onChange={e => setReceipts(e.target.checked)} />
            {t('account.readReceipts')}
            <span className="small muted">{t('account.readReceipts.help')}</span>
          </label>
        )}
        {webjs && <BrowserPathField value={browserPath} onChange={setBrowserPath} />}
        {pace && (
          <label>
            {t('account.pace')}
            <select value={pace} onChange={e => setPace(e.target.value as SimulatorPace)}>
              {SIMULATOR_PACES.map(p => (
                <option key={p} value={p}>
                  {t(`account.pace.${p}`)}
                </option>
              ))}
            </select>
            <span className="small muted">{t('account.pace.help')}</span>
          </label>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
