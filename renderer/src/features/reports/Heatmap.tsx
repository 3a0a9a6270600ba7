import type { WireReport } from '../../../../common/protocol-reports';
import { useI18n } from '../../i18n';
import type { ReportsT } from './logic';

/** Monday … Sunday in the viewer's language (1 Jan 2024 was a Monday). */
function weekdays(language: string): string[] {
  return Array.from({ length: 7 }, (_, i) =>
    new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(language, { weekday: 'short', timeZone: 'UTC' }),
  );
}

/**
 * Inbound messages by weekday × hour as a CSS grid: each cell's shade is its share of the
 * busiest cell, and its label says the count, so the figures reach screen readers too.
 */
export function Heatmap({ t, heatmap }: { readonly t: ReportsT; readonly heatmap: WireReport['heatmap'] }) {
  const language = useI18n(s => s.language);
  const days = weekdays(language === 'id' ? 'id-ID' : 'en-GB');
  const max = Math.max(1, ...heatmap.flat());
  const title = t('reports.heatmap');
  return (
    <section className="reports-panel" aria-label={title}>
      <header className="reports-panel-head">
        <h3>{title}</h3>
      </header>
      <div className="reports-heatmap" role="grid" aria-label={title}>
        <div role="row" className="reports-heatmap-row">
          <span role="columnheader" className="reports-heatmap-corner" />
          {Array.from({ length: 24 }, (_, h) => (
            <span key={h} role="columnheader" className="reports-heatmap-hour">
              {h % 3 === 0 ? h : ''}
            </span>
          ))}
        </div>
        {heatmap.map((hours, d) => (
          <div key={d} role="row" className="reports-heatmap-row">
            <span role="rowheader" className="reports-heatmap-day">
              {days[d]}
            </span>
            {hours.map((count, h) => (
              <span
                key={h}
                role="gridcell"
                className="reports-heatmap-cell"
                aria-label={t('reports.heatmap.cell', { day: days[d]!, hour: String(h).padStart(2, '0'), count })}
                title={t('reports.heatmap.cell', { day: days[d]!, hour: String(h).padStart(2, '0'), count })}
                style={{ '--share': `${Math.round((count / max) * 100)}%` } as React.CSSProperties}
              />
            ))}
          </div>
        ))}
      </div>
      <p className="reports-heatmap-scale team-hint" aria-hidden="true">
        {t('reports.heatmap.less')} <span className="reports-heatmap-ramp" /> {t('reports.heatmap.more')}
      </p>
    </section>
  );
}
