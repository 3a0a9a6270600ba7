/**
 * Automation's timers on the shared work loop: SLA breaches, 'chat.unanswered' rules and
 * reassignment. State lives in the database (due times, messages, automation_fires and
 * rule runs), so a restart loses nothing and two nodes polling at once act once.
 */
import type { Services } from '../../handlers/context';
import type { WorkLoop } from '../../work-loop';
import { startWorkLoop } from '../../work-loop';
import { reassignWaiting } from './reassign';
import { announceBreaches } from './sla-breach';
import { fireUnanswered } from './unanswered';

export const DEFAULT_TIMER_POLL_MS = 15_000;

export function startAutomationTimers(services: Services, pollMs = DEFAULT_TIMER_POLL_MS): WorkLoop {
  return startWorkLoop({
    name: 'automation-timers',
    pollMs,
    log: services.log,
    // Each part runs even when an earlier one found work; a failure in one is retried next round.
    round: async () =>
      (await announceBreaches(services)) + (await fireUnanswered(services)) + (await reassignWaiting(services)),
  });
}
