import { useEffect, useId, useState } from 'react';
import { ASSIGNMENT_MODES, CAPACITY_MAX, DEFAULT_CAPACITY } from '../../../../../common/automation/assignment/decide';
import type { AssignmentMode } from '../../../../../common/automation/assignment/decide';
import type { WireAssignment } from '../../../../../common/protocol-assignment';
import { ASSIGNMENT_MINUTES_MAX } from '../../../../../common/protocol-assignment';
import { api } from '../../../api/client';
import { useWorkspace } from '../../../stores/workspace';
import type { AssignmentT } from './useAssignmentT';
import { useAssignmentT } from './useAssignmentT';
import { useSlaT } from '../sla/useSlaT';

type Status = { readonly kind: 'idle' | 'loading' | 'saved' | 'error'; readonly code?: string };

const KNOWN_ERRORS = ['forbidden', 'not_found', 'invalid_args'] as const;
function errorText(t: AssignmentT, code: string | undefined): string {
  const known = KNOWN_ERRORS.find(c => c === code);
  return t(known ? `assignment.error.${known}` : 'assignment.error.other');
}

/** Empty: no target. */
const minutesOrNull = (v: string): number | null =>
  v.trim() === '' ? null : Math.min(ASSIGNMENT_MINUTES_MAX, Math.max(1, Math.floor(Number(v) || 1)));

const clampCapacity = (v: string) => Math.min(CAPACITY_MAX, Math.max(1, Math.floor(Number(v) || 1)));

/**
 * The number's auto-assignment: the mode and each member's capacity. Shown inside
 * Settings → Automation once a number is chosen (admins and leads; the server decides).
 */
export function AssignmentSettings(props: { readonly accountId: string }) {
  const { accountId } = props;
  const t = useAssignmentT();
  const slaT = useSlaT();
  const headingId = useId();
  const members = useWorkspace(s => s.members);
  const [draft, setDraft] = useState<WireAssignment | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void api()
      .invoke('assignment:get', { accountId })
      .then(r => {
        if (!live) return;
        if (!r.ok) return setStatus({ kind: 'error', code: r.error.code });
        setDraft(r.value);
        setStatus({ kind: 'idle' });
      });
    return () => {
      live = false;
    };
  }, [accountId]);

  if (!draft)
    return (
      <p className="small muted">{status.kind === 'error' ? errorText(t, status.code) : t('assignment.loading')}</p>
    );

  const change = (d: WireAssignment) => {
    setDraft(d);
    setStatus({ kind: 'idle' });
  };
  const save = async () => {
    setStatus({ kind: 'loading' });
    const r = await api().invoke('assignment:save', {
      accountId,
      mode: draft.mode,
      reassignAfterMinutes: draft.reassignAfterMinutes,
      slaMinutes: draft.slaMinutes,
      capacities: draft.capacities,
    });
    if (!r.ok) return setStatus({ kind: 'error', code: r.error.code });
    setDraft(r.value);
    setStatus({ kind: 'saved' });
  };
  const nameOf = (id: string) => members.find(m => m.id === id)?.name ?? id.slice(0, 8);

  return (
    <fieldset className="automation-assignment" aria-labelledby={headingId} data-testid="assignment-settings">
      <legend id={headingId}>{t('assignment.heading')}</legend>
      <label>
        {t('assignment.mode')}
        <select
          value={draft.mode}
          onChange={e => change({ ...draft, mode: ASSIGNMENT_MODES.find(m => m === e.target.value) ?? 'off' })}
        >
          {ASSIGNMENT_MODES.map((m: AssignmentMode) => (
            <option key={m} value={m}>
              {t(`assignment.mode.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted">{t('assignment.help')}</p>
      <table className="automation-capacities">
        <caption>{t('assignment.capacity')}</caption>
        <tbody>
          {draft.capacities.map(c => (
            <tr key={c.memberId}>
              <th scope="row">{nameOf(c.memberId)}</th>
              <td>
                <input
                  type="number"
                  min={1}
                  max={CAPACITY_MAX}
                  aria-label={t('assignment.capacity.member', { name: nameOf(c.memberId) })}
                  value={c.capacity}
                  onChange={e =>
                    change({
                      ...draft,
                      capacities: draft.capacities.map(x =>
                        x.memberId === c.memberId ? { ...x, capacity: clampCapacity(e.target.value) } : x,
                      ),
                    })
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">{t('assignment.capacity.help', { n: DEFAULT_CAPACITY })}</p>
      <label>
        {t('assignment.reassign')}
        <input
          type="number"
          min={1}
          max={ASSIGNMENT_MINUTES_MAX}
          placeholder={t('assignment.reassign.none')}
          value={draft.reassignAfterMinutes ?? ''}
          onChange={e => change({ ...draft, reassignAfterMinutes: minutesOrNull(e.target.value) })}
        />
      </label>
      <p className="small muted">{t('assignment.reassign.help')}</p>
      <label>
        {slaT('sla.target')}
        <input
          type="number"
          min={1}
          max={ASSIGNMENT_MINUTES_MAX}
          placeholder={slaT('sla.target.none')}
          value={draft.slaMinutes ?? ''}
          onChange={e => change({ ...draft, slaMinutes: minutesOrNull(e.target.value) })}
        />
      </label>
      <p className="small muted">{slaT('sla.target.help')}</p>
      <button type="button" onClick={() => void save()} disabled={status.kind === 'loading'}>
        {t('assignment.save')}
      </button>
      {/* Not role=status: the Automation section around it already has one for its own save. */}
      <span aria-live="polite" className="small" data-testid="assignment-status">
        {status.kind === 'saved' && t('assignment.saved')}
        {status.kind === 'error' && <span className="error-text">{errorText(t, status.code)}</span>}
      </span>
    </fieldset>
  );
}
