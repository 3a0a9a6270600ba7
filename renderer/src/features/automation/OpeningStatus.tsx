import { useEffect, useState } from 'react';
import { isOpen, nextOpening } from '../../../../common/automation/opening';
import { formatOpening } from '../../../../common/automation/template';
import { useI18n } from '../../i18n';
import { useWorkspace } from '../../stores/workspace';
import { useAccountHours } from './hoursStore';
import { useAutomationT } from './useAutomationT';

/** Re-evaluated each minute: a number opens and closes without anything being reloaded. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Loads the hours whenever the workspace comes online, and this desktop's own when signed out. */
export function useHoursLoader(): void {
  const connection = useWorkspace(s => s.status.connection);
  const load = useAccountHours(s => s.load);
  useEffect(() => {
    if (connection === 'online') void load();
    else if (connection === 'signed_out') void load(true);
  }, [connection, load]);
}

/** "Open now" / "Closed — opens Mon 09:00" for a number with business hours; nothing otherwise. */
export function OpeningStatus({ accountId }: { readonly accountId: string }) {
  const t = useAutomationT();
  const language = useI18n(s => s.language);
  const hours = useAccountHours(s => s.byAccount.get(accountId));
  const now = useMinuteClock();
  if (!hours) return null;
  if (isOpen(hours, now))
    return (
      <span className="account-hours small tone-ok" data-testid="opening-status">
        {t('automation.rail.open')}
      </span>
    );
  const opening = nextOpening(hours, now);
  return (
    <span className="account-hours small muted" data-testid="opening-status">
      {opening === null
        ? t('automation.rail.closedNoOpening')
        : t('automation.rail.closed', { when: formatOpening(opening, hours.timeZone, language) })}
    </span>
  );
}
