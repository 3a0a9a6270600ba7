import { lazy, Suspense, useEffect, useState } from 'react';
import { can } from '../../../../common/permissions';
import { Dialog } from '../../components/Dialog';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { useReportsT } from './useReportsT';
import './reports.css';

// The charts library and the report views load when Reports is first opened.
const ReportsScreen = lazy(() => import('./ReportsScreen').then(m => ({ default: m.ReportsScreen })));

/**
 * The header's "Reports" button and the large dialog it opens. Shown only in a workspace to
 * members who may read reports (admins and leads); the server checks again on every call.
 */
export function ReportsEntry() {
  const t = useReportsT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const [open, setOpen] = useState(false);
  useEffect(() => retainWorkspace(), []);
  const allowed = !!me && connection !== 'signed_out' && can(me.role, 'reports.read');
  // Signed out or demoted while open: the figures go with the right to see them.
  useEffect(() => {
    if (!allowed) setOpen(false);
  }, [allowed]);
  if (!allowed) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('reports.open')}
      </button>
      {open && (
        <Dialog title={t('reports.title')} onClose={() => setOpen(false)} className="reports-dialog">
          <Suspense fallback={<p role="status">{t('reports.loading')}</p>}>
            <ReportsScreen t={t} role={me.role} online={connection === 'online'} />
          </Suspense>
        </Dialog>
      )}
    </>
  );
}
