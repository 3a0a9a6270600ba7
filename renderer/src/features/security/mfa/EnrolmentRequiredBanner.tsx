import { useEffect } from 'react';
import { useAppStore } from '../../../stores/app';
import { useWorkspace } from '../../../stores/workspace';
import { useMfaT } from './useMfaT';

/**
 * The workspace requires admins to use two-step sign-in and this admin has not set it up:
 * nothing syncs until they do. Settings open once by themselves (at the Two-step section);
 * the banner stays until the server lets this device in.
 */
export function EnrolmentRequiredBanner() {
  const t = useMfaT();
  const required = useWorkspace(s => s.status.mfaEnrolmentRequired === true);
  const openPanel = useAppStore(s => s.openPanel);
  useEffect(() => {
    if (required) openPanel('settings');
  }, [required, openPanel]);
  if (!required) return null;
  return (
    <div role="alert" className="team-banner team-banner-error" data-testid="mfa-required-banner">
      {t('mfa.required.banner')}{' '}
      <button type="button" onClick={() => openPanel('settings')}>
        {t('mfa.required.open')}
      </button>
    </div>
  );
}
