import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReportView } from '../../../../common/api/reports';
import type { Role } from '../../../../common/domain';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAccounts } from '../../stores/accounts';
import { retainTags, useTags } from '../../stores/tags';
import { useWorkspace } from '../../stores/workspace';
import { Cards } from './Cards';
import { Chart } from './Chart';
import type { ControlsValue } from './Controls';
import { Controls } from './Controls';
import { ConversationsExport } from './ConversationsExport';
import { TablePanel } from './DataTable';
import { Heatmap } from './Heatmap';
import { Help } from './Help';
import type { Range, ReportsT, TrendFigure } from './logic';
import {
  TREND_FIGURES,
  accountTable,
  ageText,
  csvFileName,
  errorText,
  hasSlaTargets,
  histogramData,
  memberTable,
  rangeOf,
  slaAccountTable,
  slaMemberTable,
  tagTable,
  trendData,
  viewerTimeZone,
} from './logic';

type Load = { kind: 'loading' } | { kind: 'error'; text: string } | { kind: 'done'; view: ReportView };

const INITIAL: ControlsValue = {
  preset: 'last7',
  custom: { from: '', to: '' },
  accountId: '',
  memberId: '',
  tag: '',
  bucket: 'day',
  businessHours: false,
};

/** The Reports screen's body: controls, then the report of the chosen range once it loads. */
export function ReportsScreen({
  t,
  role,
  online,
}: {
  readonly t: ReportsT;
  readonly role: Role;
  readonly online: boolean;
}) {
  const language = useI18n(s => s.language);
  const accounts = useAccounts(s => s.accounts);
  const members = useWorkspace(s => s.members);
  const tags = useTags(s => s.tags);
  useEffect(() => retainTags(), []);
  const timeZone = useMemo(viewerTimeZone, []);
  const [controls, setControls] = useState<ControlsValue>(INITIAL);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const range = rangeOf(controls.preset, timeZone, Date.now(), controls.custom);
  const query = useMemo(
    () =>
      range && {
        ...range,
        timeZone,
        ...(controls.accountId ? { accountId: controls.accountId } : {}),
        ...(controls.memberId ? { memberId: controls.memberId } : {}),
        ...(controls.tag ? { tag: controls.tag } : {}),
        ...(controls.businessHours ? { businessHours: true } : {}),
      },
    // The range's days, not the object: a re-render must not reload.
    [range?.from, range?.to, timeZone, controls.accountId, controls.memberId, controls.tag, controls.businessHours],
  );
  // Only the newest request may fill the screen: an older, slower answer is dropped.
  const request = useRef(0);
  useEffect(() => {
    if (!query) return;
    const mine = ++request.current;
    setLoad(prev => (prev.kind === 'done' ? prev : { kind: 'loading' }));
    void api()
      .invoke('reports:get', { ...query, bucket: controls.bucket })
      .then(r => {
        if (mine !== request.current) return;
        setLoad(
          r.ok
            ? { kind: 'done', view: r.value }
            : { kind: 'error', text: errorText(t, r.error.code, query.accountId !== undefined) },
        );
      });
    // `online` is a dependency so coming back online loads fresh figures.
  }, [query, controls.bucket, online, t]);

  return (
    <div className="reports-screen" data-testid="reports-screen">
      <p className="team-hint">
        {t(role === 'admin' ? 'reports.intro.admin' : 'reports.intro.lead')}{' '}
        <span data-testid="reports-zone">{t('reports.timeZone', { zone: timeZone })}</span>
      </p>
      <Controls t={t} value={controls} accounts={accounts} members={members} tags={tags} onChange={setControls} />
      {!range && (
        <p role="alert" className="team-error">
          {t('reports.badRange')}
        </p>
      )}
      <Help t={t} />
      {load.kind === 'loading' && <p role="status">{t('reports.loading')}</p>}
      {load.kind === 'error' && (
        <p role="alert" className="team-error">
          {load.text}
        </p>
      )}
      {load.kind === 'done' && (
        <>
          {load.view.stale && (
            <p className="team-banner team-banner-warn" role="status" data-testid="reports-stale">
              {t('reports.stale', { age: ageText(language, load.view.cachedAt, Date.now()) })}
            </p>
          )}
          <Report t={t} view={load.view} />
          {query && (
            <ConversationsExport
              t={t}
              query={query}
              online={online}
              names={{
                member: id => members.find(m => m.id === id)?.name ?? id,
                account: id =>
                  load.view.report.accounts.find(a => a.accountId === id)?.name ??
                  accounts.find(a => a.id === id)?.name ??
                  id,
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

/** The figures of one loaded report: cards, charts, tables, heatmap. */
function Report({ t, view }: { readonly t: ReportsT; readonly view: ReportView }) {
  const { report } = view;
  const [figure, setFigure] = useState<TrendFigure>('conversations');
  const range: Range = { from: report.from, to: report.to };
  const trend = useMemo(() => trendData(t, report, figure), [t, report, figure]);
  const firstResponse = useMemo(() => histogramData(t, report.firstResponse.histogram), [t, report]);
  const resolution = useMemo(() => histogramData(t, report.resolution.histogram), [t, report]);
  const file = (title: string) => csvFileName(title, range);
  const figureLabel = `reports.chart.${figure}` as const;
  return (
    <>
      <Cards t={t} report={report} />
      <Chart
        t={t}
        title={`${t('reports.chart.trend')}: ${t(figureLabel)}`}
        data={trend}
        kind="line"
        range={range}
        extra={
          <select
            aria-label={t('reports.chart.figure')}
            value={figure}
            onChange={e => setFigure(e.target.value as TrendFigure)}
          >
            {TREND_FIGURES.map(f => (
              <option key={f} value={f}>
                {t(`reports.chart.${f}`)}
              </option>
            ))}
          </select>
        }
      />
      <div className="reports-pair">
        <Chart t={t} title={t('reports.chart.firstResponseHist')} data={firstResponse} kind="bars" range={range} />
        <Chart t={t} title={t('reports.chart.resolutionHist')} data={resolution} kind="bars" range={range} />
      </div>
      <TablePanel
        t={t}
        title={t('reports.table.members')}
        table={memberTable(t, report)}
        fileName={file(t('reports.table.members'))}
      />
      <TablePanel
        t={t}
        title={t('reports.table.numbers')}
        table={accountTable(t, report)}
        fileName={file(t('reports.table.numbers'))}
      />
      <TablePanel
        t={t}
        title={t('reports.table.tags')}
        table={tagTable(t, report)}
        fileName={file(t('reports.table.tags'))}
      />
      {hasSlaTargets(report) && (
        <>
          <TablePanel
            t={t}
            title={t('reports.table.slaNumbers')}
            table={slaAccountTable(t, report)}
            fileName={file(t('reports.table.slaNumbers'))}
          />
          <TablePanel
            t={t}
            title={t('reports.table.slaMembers')}
            table={slaMemberTable(t, report)}
            fileName={file(t('reports.table.slaMembers'))}
          />
        </>
      )}
      <Heatmap t={t} heatmap={report.heatmap} />
    </>
  );
}
