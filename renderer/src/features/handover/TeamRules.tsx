import { useEffect, useId, useState } from 'react';
import type { TeamSettings } from '../../../../common/api/team-settings';
import { can } from '../../../../common/permissions';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { useTeamSettings, useTeamSettingsStore } from './useTeamSettings';
import { useHandoverT } from './useHandoverT';
import '../team/team.css';
import { errorText } from '../../lib/error-text';

const RULES = [
  { key: 'agentsSeeUnassigned', label: 'handover.rules.seeUnassigned', hint: 'handover.rules.seeUnassigned.hint' },
  { key: 'agentsMayHandOver', label: 'handover.rules.mayHandOver', hint: 'handover.rules.mayHandOver.hint' },
] as const;

/**
 * Settings → Team rules, for admins: the workspace settings that decide what agents may
 * see and do. Each box saves on its own (`settings:update` sends only that field, so two
 * admins changing different rules do not undo each other). Needs the server to change.
 */
export function TeamRules() {
  const t = useHandoverT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const settings = useTeamSettings();
  const update = useTeamSettingsStore(s => s.update);
  // The box being saved shows its new state at once; the answer (or a refusal) then decides.
  const [saving, setSaving] = useState<{ key: keyof TeamSettings; value: boolean } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  useEffect(() => retainWorkspace(), []);

  if (!me || connection === 'signed_out' || !can(me.role, 'settings.manage')) return null;
  const online = connection === 'online';

  const save = async (key: keyof TeamSettings, value: boolean) => {
    setSaving({ key, value });
    setMessage(null);
    const r = await update({ [key]: value });
    setSaving(null);
    if (r.ok) {
      setError(null);
      setMessage(t('handover.rules.saved'));
    } else setError(t('handover.rules.error', { message: errorText(r.error) }));
  };

  return (
    <section className="team-admin" aria-labelledby={headingId} data-testid="team-rules">
      <h3 id={headingId}>{t('handover.rules.heading')}</h3>
      <p className="team-hint">{t('handover.rules.intro')}</p>
      {!online && <p className="team-banner team-banner-warn">{t('handover.rules.offline')}</p>}
      {RULES.map(rule => (
        <div key={rule.key}>
          <label className="inline">
            <input
              type="checkbox"
              checked={saving?.key === rule.key ? saving.value : (settings?.[rule.key] ?? false)}
              disabled={!online || settings === null || saving !== null}
              onChange={e => void save(rule.key, e.target.checked)}
            />
            {t(rule.label)}
          </label>
          <p className="team-hint">{t(rule.hint)}</p>
        </div>
      ))}
      <p role="status" className="team-ok">
        {message}
      </p>
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
    </section>
  );
}
