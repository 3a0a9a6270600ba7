import { useState } from 'react';
import type { FormEvent } from 'react';
import type { WireCloudNumber } from '../../../../common/api/cloud';
import { api } from '../../api/client';
import type { CloudT } from './useCloudT';
import { cloudErrorText } from './useCloudT';

const EMPTY = { name: '', phoneNumberId: '', wabaId: '', accessToken: '', appSecret: '', verifyToken: '' };
type Field = keyof typeof EMPTY;

/** The form: each field says where in Meta's dashboard its value is found. */
export function AddCloudNumber(props: {
  readonly t: CloudT;
  readonly onAdded: (n: WireCloudNumber) => void;
  readonly onError: (text: string) => void;
}) {
  const { t } = props;
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const set = (k: Field) => (e: { target: { value: string } }) => setForm(f => ({ ...f, [k]: e.target.value }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    const r = await api().invoke('cloudNumbers:add', {
      name: form.name.trim(),
      phoneNumberId: form.phoneNumberId.trim(),
      wabaId: form.wabaId.trim(),
      accessToken: form.accessToken.trim(),
      appSecret: form.appSecret.trim(),
      verifyToken: form.verifyToken.trim(),
    });
    setBusy(false);
    if (!r.ok) return props.onError(cloudErrorText(t, r.error));
    // The secrets leave this screen as soon as the server has them.
    setForm(EMPTY);
    props.onAdded(r.value);
  };
  const digits = { inputMode: 'numeric' as const, pattern: '\\d{1,30}' };
  return (
    <form className="form webhooks-add" onSubmit={e => void submit(e)}>
      <h4>{t('cloud.add')}</h4>
      <label>
        {t('cloud.name')}
        <input required maxLength={200} value={form.name} onChange={set('name')} />
      </label>
      <label>
        {t('cloud.phoneNumberId')}
        <input required {...digits} value={form.phoneNumberId} onChange={set('phoneNumberId')} />
        <span className="small muted">{t('cloud.phoneNumberId.help')}</span>
      </label>
      <label>
        {t('cloud.wabaId')}
        <input required {...digits} value={form.wabaId} onChange={set('wabaId')} />
      </label>
      <label>
        {t('cloud.accessToken')}
        <input
          required
          type="password"
          autoComplete="off"
          minLength={20}
          maxLength={1000}
          value={form.accessToken}
          onChange={set('accessToken')}
        />
        <span className="small muted">{t('cloud.accessToken.help')}</span>
      </label>
      <label>
        {t('cloud.appSecret')}
        <input
          required
          type="password"
          autoComplete="off"
          minLength={16}
          maxLength={1000}
          value={form.appSecret}
          onChange={set('appSecret')}
        />
        <span className="small muted">{t('cloud.appSecret.help')}</span>
      </label>
      <label>
        {t('cloud.verifyToken')}
        <input
          required
          autoComplete="off"
          minLength={8}
          maxLength={1000}
          value={form.verifyToken}
          onChange={set('verifyToken')}
        />
        <span className="small muted">{t('cloud.verifyToken.help')}</span>
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t('cloud.checking') : t('cloud.save')}
      </button>
    </form>
  );
}
