import { useEffect } from 'react';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { bannerFor } from './logic';
import { phrase, useTeamT } from './useTeamT';
import './team.css';

/**
 * One line under the top bar while the workspace is not online. Silent when online or
 * signed out; an alert only when the server signed the device out (it needs action).
 */
export function WorkspaceBanner() {
  const t = useTeamT();
  const connection = useWorkspace(s => s.status.connection);
  const lastError = useWorkspace(s => s.status.lastError);
  useEffect(() => retainWorkspace(), []);

  const banner = bannerFor({ connection, lastError });
  if (!banner) return null;
  return (
    <div
      role={banner.level === 'error' ? 'alert' : 'status'}
      className={`team-banner team-banner-${banner.level}`}
      data-testid="workspace-banner"
    >
      {phrase(t, banner.phrase)}
    </div>
  );
}
