import { useState } from 'react';
import type { CustomerProfile } from '../../../../common/api/customer';
import { api } from '../../api/client';
import { SafeText } from '../../components/SafeText';
import { errorText } from '../../lib/error-text';
import { useWorkspace } from '../../stores/workspace';
import type { CustomerT } from './useCustomerT';

const MAX_LABELS = 20;
const MAX_LABEL_LENGTH = 40;
const MAX_NOTE_LENGTH = 2000;

/** "VIP, wholesale ,, vip" → ["VIP", "wholesale"]: trimmed, empty ones dropped, case-insensitive duplicates once. */
export function parseLabels(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const label = raw.trim();
    if (label && !out.some(l => l.toLowerCase() === label.toLowerCase())) out.push(label);
  }
  return out;
}

/** The team's labels on the person, as chips. */
export function CustomerLabels({ labels, t }: { readonly labels: readonly string[]; readonly t: CustomerT }) {
  if (labels.length === 0) return <p className="small muted">{t('customer.labels.none')}</p>;
  return (
    <ul className="customer-labels" aria-label={t('customer.labels')}>
      {labels.map(l => (
        <li key={l} className="customer-label">
          <SafeText text={l} />
        </li>
      ))}
    </ul>
  );
}

/** The team's note about the person, kept as written (line breaks included). */
export function CustomerNote({ note, t }: { readonly note: string | null; readonly t: CustomerT }) {
  return (
    <section aria-label={t('customer.note')}>
      <h4>{t('customer.note')}</h4>
      {note === null ? (
        <p className="small muted">{t('customer.note.none')}</p>
      ) : (
        <p className="customer-note small">
          <SafeText text={note} />
        </p>
      )}
    </section>
  );
}

/**
 * The team's name, labels and note for the person. In a workspace the server takes the edit
 * first (so one name is shared); an error leaves the form open with what was typed.
 */
export function CustomerEdit(props: {
  readonly profile: CustomerProfile;
  readonly whatsAppName: string;
  readonly onSaved: (profile: CustomerProfile) => void;
  readonly t: CustomerT;
}) {
  const { profile, t } = props;
  const inWorkspace = useWorkspace(s => s.status.connection !== 'signed_out');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(profile.customName ?? '');
  const [labels, setLabels] = useState(profile.labels.join(', '));
  const [note, setNote] = useState(profile.note ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = () => {
    setName(profile.customName ?? '');
    setLabels(profile.labels.join(', '));
    setNote(profile.note ?? '');
    setError(null);
    setOpen(true);
  };
  const save = async () => {
    const list = parseLabels(labels);
    if (list.length > MAX_LABELS || list.some(l => l.length > MAX_LABEL_LENGTH))
      return setError(t('customer.edit.tooMany'));
    const noteText = note.trim();
    if (noteText.length > MAX_NOTE_LENGTH)
      return setError(t('customer.edit.noteTooLong', { count: String(noteText.length) }));
    setSaving(true);
    const reply = await api().invoke('customer:update', {
      chatId: profile.chatId,
      name: name.trim(),
      labels: list,
      note: noteText,
    });
    setSaving(false);
    if (!reply.ok) return setError(t('customer.edit.failed', { message: errorText(reply.error) }));
    props.onSaved(reply.value);
    setOpen(false);
  };

  if (!open)
    return (
      <button type="button" className="link-button small" onClick={start}>
        {t('customer.edit')}
      </button>
    );
  return (
    <form
      className="customer-edit"
      onSubmit={e => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('customer.edit.name')}
        <input value={name} maxLength={100} onChange={e => setName(e.target.value)} placeholder={props.whatsAppName} />
      </label>
      <p className="small muted">{t('customer.edit.name.help', { whatsapp: props.whatsAppName })}</p>
      <label>
        {t('customer.edit.labels')}
        <input value={labels} onChange={e => setLabels(e.target.value)} />
      </label>
      <p className="small muted">{t('customer.edit.labels.help')}</p>
      <label>
        {t('customer.edit.note')}
        <textarea value={note} rows={4} onChange={e => setNote(e.target.value)} />
      </label>
      <p className="small muted">{t('customer.edit.note.help')}</p>
      <p className="small muted">{inWorkspace ? t('customer.edit.shared') : t('customer.edit.local')}</p>
      {error && (
        <p role="alert" className="error-text small">
          {error}
        </p>
      )}
      <div className="customer-edit-actions">
        <button type="submit" disabled={saving}>
          {saving ? t('customer.edit.saving') : t('customer.edit.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)} disabled={saving}>
          {t('customer.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
