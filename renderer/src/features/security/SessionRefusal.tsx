import type { WorkspaceStatus } from '../../../../common/api/workspace';
import { useSecurityT } from './useSecurityT';

/** Above the sign-in form after the server refused this device's token: why, and that the chats stay. */
export function SessionRefusal({ refusal }: { readonly refusal: WorkspaceStatus['refusal'] }) {
  const t = useSecurityT();
  return (
    <p role="alert" className="team-banner team-banner-warn" data-testid="session-refusal">
      {t(refusal === 'session_expired' ? 'security.expired.notice' : 'security.refused.notice')}
    </p>
  );
}
