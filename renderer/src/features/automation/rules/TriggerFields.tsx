/**
 * A rule's trigger with its own fields (minutes waited, status from/to): one set of controls
 * for the rule form and for the dry-run's "Try it as", which differ only in their label,
 * whether the minutes are required, and the help lines.
 */
import type { DraftTrigger, Status } from './rule-draft';
import { DRAFT_TRIGGERS, STATUSES } from './rule-draft';
import type { RulesT } from './useRulesT';

export function StatusSelect(p: {
  readonly t: RulesT;
  readonly label: string;
  readonly value: Status | '';
  readonly none: string;
  readonly onChange: (v: Status | '') => void;
}) {
  return (
    <label>
      {p.label}
      <select value={p.value} onChange={e => p.onChange(STATUSES.find(s => s === e.target.value) ?? '')}>
        <option value="">{p.none}</option>
        {STATUSES.map(s => (
          <option key={s} value={s}>
            {p.t(`rules.status.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export type TriggerValue = {
  readonly trigger: DraftTrigger;
  readonly minutes: string;
  readonly from: Status | '';
  readonly to: Status | '';
};

export function TriggerFields(p: {
  readonly t: RulesT;
  readonly label: string;
  readonly value: TriggerValue;
  readonly set: (patch: Partial<TriggerValue>) => void;
  /** The rule form: minutes required and the help lines shown. */
  readonly editing?: boolean;
  /** This desktop's own rules (not signed in): the help says how they run here. */
  readonly local?: boolean;
}) {
  const { t, value, set, editing = false, local = false } = p;
  return (
    <>
      <label>
        {p.label}
        <select
          value={value.trigger}
          onChange={e => set({ trigger: DRAFT_TRIGGERS.find(x => x === e.target.value) ?? 'message.received' })}
        >
          {DRAFT_TRIGGERS.map(x => (
            <option key={x} value={x}>
              {t(`rules.when.${x}`)}
            </option>
          ))}
        </select>
      </label>
      {value.trigger === 'chat.unanswered' && (
        <label>
          {t('rules.unanswered.minutes')}
          <input
            type="number"
            min={1}
            max={10_080}
            required={editing}
            value={value.minutes}
            onChange={e => set({ minutes: e.target.value })}
          />
        </label>
      )}
      {editing && value.trigger === 'chat.unanswered' && (
        <span className="small muted">{t(local ? 'rules.unanswered.helpLocal' : 'rules.unanswered.help')}</span>
      )}
      {value.trigger === 'status.changed' && (
        <>
          <StatusSelect
            t={t}
            label={t('rules.statusFrom')}
            none={t('rules.status.any')}
            value={value.from}
            onChange={v => set({ from: v })}
          />
          <StatusSelect
            t={t}
            label={t('rules.statusTo')}
            none={t('rules.status.any')}
            value={value.to}
            onChange={v => set({ to: v })}
          />
          {editing && (
            <span className="small muted">
              {t(local ? 'rules.statusChanged.helpLocal' : 'rules.statusChanged.help')}
            </span>
          )}
        </>
      )}
    </>
  );
}
