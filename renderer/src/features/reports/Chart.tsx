import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../../i18n';
import type { ChartData, Range, ReportsT } from './logic';
import { chartTable, csvFileName } from './logic';
import { DataTable } from './DataTable';
import type { ChartColors } from './theme';
import { useChartColors } from './theme';

type Props = {
  readonly t: ReportsT;
  readonly title: string;
  readonly data: ChartData;
  readonly kind: 'line' | 'bars';
  readonly range: Range;
  /** Controls shown beside the title (the trend's figure picker). */
  readonly extra?: React.ReactNode;
};

const HEIGHT = 220;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Axis labels: days short in the viewer's language ("6 Nov"); the table view keeps the full day. */
function axisLabel(label: string, language: string): string {
  if (!DAY.test(label)) return label;
  return new Date(`${label}T00:00:00Z`).toLocaleDateString(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

function options(
  data: ChartData,
  kind: Props['kind'],
  colors: ChartColors,
  width: number,
  language: string,
): uPlot.Options {
  const axis = { stroke: colors.muted, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid } };
  const bars = uPlot.paths.bars?.({ size: [0.7, 64] });
  return {
    width,
    height: HEIGHT,
    // x is the row's index; the labels are the days, weeks or buckets themselves.
    scales: { x: { time: false, ...(kind === 'bars' ? { range: (_u, min, max) => [min - 0.5, max + 0.5] } : {}) } },
    axes: [
      {
        ...axis,
        space: 56,
        values: (_u, splits) => splits.map(i => (Number.isInteger(i) ? axisLabel(data.x[i] ?? '', language) : '')),
      },
      axis,
    ],
    legend: { show: data.series.length > 1 },
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: data.xTitle },
      ...data.series.map((s, i) => {
        const color = colors.series[i % colors.series.length]!;
        return kind === 'bars'
          ? { label: s.label, stroke: color, fill: color, paths: bars, points: { show: false } }
          : { label: s.label, stroke: color, width: 2, spanGaps: false };
      }),
    ],
  };
}

function Plot({ data, kind, label }: { data: ChartData; kind: Props['kind']; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const colors = useChartColors();
  const language = useI18n(s => (s.language === 'id' ? 'id-ID' : 'en-GB'));
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const aligned: uPlot.AlignedData = [data.x.map((_, i) => i), ...data.series.map(s => s.values.map(v => v ?? null))];
    const plot = new uPlot(options(data, kind, colors, Math.max(240, el.clientWidth), language), aligned, el);
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => plot.setSize({ width: Math.max(240, el.clientWidth), height: HEIGHT }));
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      plot.destroy();
    };
  }, [data, kind, colors, language]);
  return <div ref={box} className="reports-plot" role="img" aria-label={label} />;
}

/** A uPlot chart with a toggle to its table view: the same numbers, readable by screen readers and for CSV. */
export function Chart({ t, title, data, kind, range, extra }: Props) {
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="reports-panel" aria-label={title}>
      <header className="reports-panel-head">
        <h3>{title}</h3>
        {extra}
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable(v => !v)}>
          {t(asTable ? 'reports.chart.showChart' : 'reports.chart.showTable')}
        </button>
      </header>
      {asTable ? (
        <DataTable t={t} table={chartTable(data)} fileName={csvFileName(title, range)} />
      ) : (
        <Plot data={data} kind={kind} label={t('reports.chart.label', { title })} />
      )}
    </section>
  );
}
