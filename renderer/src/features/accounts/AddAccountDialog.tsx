import { useState } from 'react';
import type { AccountId } from '../../../../common/domain';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { useAccounts } from '../../stores/accounts';
import { ColorPicker } from './ColorPicker';
import { PairingView } from './PairingView';
import { ACCOUNT_COLORS } from './states';
import { errorText } from '../../lib/error-text';
import { LINK_PROBLEM_CODES } from '../../../../common/account-status';
import type { Account } from '../../../../common/domain';
import { useAccountStatusT } from './account-status';
import { BrowserPathField, browserPathProblemOf } from './BrowserPathField';

type Method = 'qr' | 'phone';

/** Adds a number: name and colour, then the QR (refreshed as it rotates) or a pairing code. */
/** An international number: optional +, a country code (never 0), then digits, spaces or dashes. */
export const PHONE_PATTERN = String.raw`\+?[1-9][\d \-]{4,24}`;

export function AddAccountDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const { add, startDemo, accounts, byId } = useAccounts();
  const [name, setName] = useState('');
  const [color, setColor] = useState(ACCOUNT_COLORS[accounts.length % ACCOUNT_COLORS.length] ?? '#25d366');
  const [method, setMethod] = useState<Method>('qr');
  const [phone, setPhone] = useState('');
  const [simulated, setSimulated] = useState(false);
  const [browserPath, setBrowserPath] = useState('');
  const s = useAccountStatusT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [addedId, setAddedId] = useState<AccountId | null>(null);
  const added = addedId ? byId.get(addedId) : undefined;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await add({
      name,
      color,
      provider: simulated ? 'simulator' : 'webjs',
      ...(method === 'phone' ? { pairingPhone: phone } : {}),
      ...(simulated ? {} : { browserPath }),
    });
    setBusy(false);
    if (r.ok) setAddedId(r.value.id);
    else {
      const problem = browserPathProblemOf(r.error.details);
      setError(problem ? s(`browser.problem.${problem}`) : errorText(r.error));
    }
  };

  const demo = async () => {
    setBusy(true);
    const r = await startDemo();
    setBusy(false);
    if (r.ok) onClose();
    else setError(errorText(r.error));
  };

  return (
    <Dialog title={t('account.add.title')} onClose={onClose}>
      {added ? (
        <>
          <PairingView account={added} />
          {linkingTrouble(added) ? (
            <LinkingTroubleActions account={added} onClose={onClose} />
          ) : (
            <div className="dialog-actions">
              <button type="button" className="primary" onClick={onClose}>
                {added.state === 'ready' ? t('common.done') : t('account.add.finishLater')}
              </button>
            </div>
          )}
        </>
      ) : (
        <form onSubmit={e => void submit(e)} className="form">
          <label>
            {t('account.name')}
            <input value={name} onChange={e => setName(e.target.value)} required maxLength={100} autoComplete="off" />
          </label>
          <ColorPicker value={color} onChange={setColor} />
          <fieldset>
            <legend>{t('account.add.method')}</legend>
            <label className="inline">
              <input type="radio" name="method" checked={method === 'qr'} onChange={() => setMethod('qr')} />
              {t('account.add.methodQr')}
            </label>
            <label className="inline">
              <input type="radio" name="method" checked={method === 'phone'} onChange={() => setMethod('phone')} />
              {t('account.add.methodPhone')}
            </label>
          </fieldset>
          {method === 'phone' && (
            <label>
              {t('account.add.phone')}
              <input
                value={phone}
                onChange={e => setPhone(e.target.value)}
                inputMode="tel"
                placeholder="62812…"
                required
                // Valid under the `v` flag Chromium compiles patterns with (an unescaped "(" there
                // voided the old one): country code first, so a local "0812…" is refused.
                pattern={PHONE_PATTERN}
                title={t('account.add.phoneFormat')}
              />
            </label>
          )}
          <label className="inline">
            <input type="checkbox" checked={simulated} onChange={e => setSimulated(e.target.checked)} />
            {t('account.add.simulated')}
          </label>
          {!simulated && <BrowserPathField value={browserPath} onChange={setBrowserPath} />}
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => void demo()} disabled={busy}>
              {t('demo.start')}
            </button>
            <button type="submit" className="primary" disabled={busy || !name.trim()}>
              {t('account.add.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** A number being linked that failed and is waiting (or stopped): the person decides. */
function linkingTrouble(a: Account): boolean {
  return (
    a.phone === null &&
    a.stateCode !== null &&
    LINK_PROBLEM_CODES.has(a.stateCode) &&
    (a.state === 'disconnected' || a.state === 'degraded' || a.state === 'failed')
  );
}

/** Try again now (the scheduled try starts at once), or Cancel: the unlinked number goes. */
function LinkingTroubleActions({ account, onClose }: { readonly account: Account; readonly onClose: () => void }) {
  const s = useAccountStatusT();
  const act = useAccounts(x => x.act);
  const [busy, setBusy] = useState(false);
  const run = async (action: 'start' | 'remove') => {
    setBusy(true);
    const r = await act(action, account.id);
    setBusy(false);
    if (r.ok && action === 'remove') onClose();
  };
  return (
    <>
      <p className="small muted">{s('status.cancelLinking.help')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => void run('remove')} disabled={busy}>
          {s('status.cancelLinking')}
        </button>
        <button type="button" className="primary" onClick={() => void run('start')} disabled={busy}>
          {s('status.tryAgain')}
        </button>
      </div>
    </>
  );
}
