/**
 * Settings → Backup: back up the local database now, list the backups, and choose one to
 * restore at the next start (the core never swaps the database under a running app).
 */
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BackupList, BackupProblem } from '../../../../common/api/backup';
import { BACKUPS_KEPT } from '../../../../common/api/backup';
import type { ReplyError } from '../../../../common/result';
import { api } from '../../api/client';
import { localeOf, useI18n } from '../../i18n';
import { errorText } from '../../lib/error-text';
import type { BackupT } from './useBackupT';
import { useBackupT } from './useBackupT';
import './backup.css';

const PROBLEMS: readonly BackupProblem[] = ['corrupt', 'newer_version', 'not_a_backup', 'not_found'];

function problemText(t: BackupT, error: ReplyError): string {
  const problem = (error.details as { problem?: unknown } | undefined)?.problem;
  const known = PROBLEMS.find(p => p === problem);
  return known ? t(`backup.problem.${known}`) : errorText(error);
}

export function BackupPanel() {
  const t = useBackupT();
  const locale = localeOf(useI18n(s => s.language));
  const [list, setList] = useState<BackupList | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const when = (ms: number) => new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const reload = useCallback(async () => {
    const reply = await api().invoke('backup:list', {});
    if (reply.ok) setList(reply.value);
    else setError(errorText(reply.error));
  }, []);
  useEffect(() => void reload(), [reload]);

  const create = async () => {
    setBusy(true);
    setError(null);
    setStatus(null);
    const reply = await api().invoke('backup:create', {});
    setBusy(false);
    if (!reply.ok) return setError(problemText(t, reply.error));
    setStatus(t('backup.created', { messages: reply.value.messages, chats: reply.value.chats }));
    await reload();
  };
  const restore = async (b: BackupInfo) => {
    setConfirming(null);
    setError(null);
    const reply = await api().invoke('backup:restore', { name: b.name });
    if (!reply.ok) return setError(problemText(t, reply.error));
    await reload();
  };
  const cancel = async () => {
    const reply = await api().invoke('backup:cancel-restore', {});
    if (!reply.ok) return setError(errorText(reply.error));
    await reload();
  };

  const byName = new Map(list?.backups.map(b => [b.name, b]) ?? []);
  const nameDate = (name: string) => {
    const b = byName.get(name);
    return b ? when(b.createdAt) : name;
  };
  return (
    <section aria-labelledby="backup-heading" className="panel">
      <h2 id="backup-heading">{t('backup.heading')}</h2>
      {list && <p className="small muted">{t('backup.help', { kept: BACKUPS_KEPT, folder: list.folder })}</p>}
      {list?.pendingRestore && (
        <div role="status" className="backup-notice">
          <p>{t('backup.pending', { date: nameDate(list.pendingRestore) })}</p>
          <button type="button" onClick={() => void cancel()}>
            {t('backup.pending.cancel')}
          </button>
        </div>
      )}
      {list?.lastRestore && !list.pendingRestore && (
        <p className="small">
          {t('backup.restored', {
            date: nameDate(list.lastRestore.name),
            at: when(list.lastRestore.at),
            previous: list.lastRestore.previous,
          })}
        </p>
      )}
      <button type="button" disabled={busy} onClick={() => void create()}>
        {busy ? t('backup.creating') : t('backup.create')}
      </button>
      {status && <p role="status">{status}</p>}
      {error && <p role="alert">{error}</p>}
      {list && list.backups.length === 0 && <p className="small muted">{t('backup.empty')}</p>}
      {list && list.backups.length > 0 && (
        <table className="backup-list">
          <caption className="sr-only">{t('backup.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backup.col.date')}</th>
              <th scope="col">{t('backup.col.size')}</th>
              <th scope="col">{t('backup.col.messages')}</th>
              <th scope="col">{t('backup.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map(b => (
              <tr key={b.name}>
                <td>{when(b.createdAt)}</td>
                <td>{t('backup.size', { mb: (b.bytes / 1_048_576).toFixed(1) })}</td>
                <td>{b.messages.toLocaleString(locale)}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t('backup.restore.label', { date: when(b.createdAt) })}
                    onClick={() => setConfirming(b)}
                  >
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby="backup-confirm" className="backup-notice">
          <p id="backup-confirm">{t('backup.confirm', { date: when(confirming.createdAt) })}</p>
          <button type="button" onClick={() => void restore(confirming)}>
            {t('backup.confirm.yes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            {t('backup.confirm.no')}
          </button>
        </div>
      )}
    </section>
  );
}
