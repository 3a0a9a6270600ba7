import { useEffect } from 'react';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { usePresenceReporter } from './live';
import { bannerFor } from './logic';
import { phrase, useTeamT } from './useTeamT';
import './team.css';

/**
 * One line under the top bar while the workspace is not online. Silent when online or
 * signed out; an alert only when the server signed the device out (it needs action).
 * Mounted for the app's whole life, it also reports this device's presence (idle → away).
 */
export function WorkspaceBanner() {
  const t = useTeamT();
  const connection = useWorkspace(s => s.status.connection);
  const lastError = useWorkspace(s => s.status.lastError);
  useEffect(() => retainWorkspace(), []);
  usePresenceReporter();

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
