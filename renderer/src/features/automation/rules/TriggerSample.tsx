/**
 * What the dry-run pretends happened: a customer's message (the default), a new
 * conversation, a customer waiting N minutes for a reply, or a status change from one
 * status to another. The chat triggers need no message text.
 */
import type { DraftTrigger, Status } from './rule-draft';
import { TriggerFields } from './TriggerFields';
import type { RulesT } from './useRulesT';

export type TestSample = {
  readonly trigger: DraftTrigger;
  /** chat.unanswered: whole minutes as typed. */
  readonly minutes: string;
  readonly from: Status | '';
  readonly to: Status | '';
};

export const FIRST_SAMPLE: TestSample = { trigger: 'message.received', minutes: '30', from: 'open', to: 'resolved' };

/** The dry-run's arguments for the sample's trigger. */
export function sampleArgs(s: TestSample) {
  switch (s.trigger) {
    case 'chat.unanswered':
      return { trigger: s.trigger, minutes: Math.min(10_080, Math.max(1, Math.floor(Number(s.minutes) || 1))) };
    case 'status.changed':
      return { trigger: s.trigger, ...(s.from ? { from: s.from } : {}), ...(s.to ? { to: s.to } : {}) };
    default:
      return { trigger: s.trigger };
  }
}

export function TriggerSample(props: {
  readonly t: RulesT;
  readonly sample: TestSample;
  readonly set: (patch: Partial<TestSample>) => void;
}) {
  const { t, sample, set } = props;
  return <TriggerFields t={t} label={t('rules.test.trigger')} value={sample} set={set} />;
}
