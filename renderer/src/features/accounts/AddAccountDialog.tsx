import { useState } from 'react';
import type { AccountId } from '../../../../common/domain';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { useAccounts } from '../../stores/accounts';
import { ColorPicker } from './ColorPicker';
import { PairingView } from './PairingView';
import { ACCOUNT_COLORS } from './states';
import { errorText } from '../../lib/error-text';

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
    });
    setBusy(false);
    if (r.ok) setAddedId(r.value.id);
    else setError(errorText(r.error));
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
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              {added.state === 'ready' ? t('common.done') : t('account.add.finishLater')}
            </button>
          </div>
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
