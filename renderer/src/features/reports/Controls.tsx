import { useId } from 'react';
import type { Account, Member } from '../../../../common/domain';
import type { WorkspaceTag } from '../../../../common/api/tags';
import type { Preset, Range, ReportsT } from './logic';
import { PRESETS } from './logic';

export type ControlsValue = {
  readonly preset: Preset;
  readonly custom: Range;
  readonly accountId: string;
  readonly memberId: string;
  readonly tag: string;
  readonly bucket: 'day' | 'week';
  /** Count business hours only: first response and resolution times in the numbers' open time. */
  readonly businessHours: boolean;
};

type Props = {
  readonly t: ReportsT;
  readonly value: ControlsValue;
  readonly accounts: readonly Account[];
  readonly members: readonly Member[];
  readonly tags: readonly WorkspaceTag[];
  readonly onChange: (next: ControlsValue) => void;
};

/** Range (a preset or two days), filters by number, member and tag, the trend's step and the business-hours clock. Each change reloads. */
export function Controls({ t, value, accounts, members, tags, onChange }: Props) {
  const id = useId();
  const set = (patch: Partial<ControlsValue>) => onChange({ ...value, ...patch });
  const select = (
    key: string,
    label: string,
    current: string,
    options: readonly { value: string; label: string }[],
    pick: (v: string) => void,
  ) => (
    <span className="reports-control">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={current} onChange={e => pick(e.target.value)}>
        {options.map(o => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
  const any = { value: '', label: t('reports.filter.any') };
  return (
    <div className="reports-controls" role="group" aria-label={t('reports.controls')}>
      {select(
        'preset',
        t('reports.range'),
        value.preset,
        PRESETS.map(p => ({ value: p, label: t(`reports.preset.${p}`) })),
        p => set({ preset: p as Preset }),
      )}
      {value.preset === 'custom' && (
        <>
          <span className="reports-control">
            <label htmlFor={`${id}-from`}>{t('reports.from')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={value.custom.from}
              onChange={e => set({ custom: { ...value.custom, from: e.target.value } })}
            />
          </span>
          <span className="reports-control">
            <label htmlFor={`${id}-to`}>{t('reports.to')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={value.custom.to}
              onChange={e => set({ custom: { ...value.custom, to: e.target.value } })}
            />
          </span>
        </>
      )}
      {select(
        'number',
        t('reports.filter.number'),
        value.accountId,
        [any, ...accounts.map(a => ({ value: a.id as string, label: a.name }))],
        v => set({ accountId: v }),
      )}
      {select(
        'member',
        t('reports.filter.member'),
        value.memberId,
        [any, ...members.map(m => ({ value: m.id as string, label: m.name }))],
        v => set({ memberId: v }),
      )}
      {select(
        'tag',
        t('reports.filter.tag'),
        value.tag,
        [any, ...tags.map(g => ({ value: g.name, label: g.name }))],
        v => set({ tag: v }),
      )}
      {select(
        'bucket',
        t('reports.bucket'),
        value.bucket,
        [
          { value: 'day', label: t('reports.bucket.day') },
          { value: 'week', label: t('reports.bucket.week') },
        ],
        v => set({ bucket: v === 'week' ? 'week' : 'day' }),
      )}
      <span className="reports-control reports-control-check">
        <input
          id={`${id}-hours`}
          type="checkbox"
          checked={value.businessHours}
          onChange={e => set({ businessHours: e.target.checked })}
        />
        <label htmlFor={`${id}-hours`}>{t('reports.businessHours')}</label>
      </span>
    </div>
  );
}
