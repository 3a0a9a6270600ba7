/**
 * The away/greeting decision per inbound message, as the server runs it on a push: business
 * hours in a zone far from the server's (Intl conversions), the window, and the template.
 * Pure CPU; the database statements around it are measured by the server's push figures.
 * Baseline: the same call for a message that cannot trigger (our own), measured in the
 * same run, so the ratio is what evaluating hours and texts adds.
 */
import { performance } from 'node:perf_hooks';
import type { AutomationConfig, InboundFacts } from '../common/automation/decide';
import { decideAutomation } from '../common/automation/decide';
import { businessHoursSchema } from '../common/automation/hours';
import { p95 } from './store/stats';
import type { BenchOptions, BenchResult } from './types';

const ranges = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:30' },
];
const config: AutomationConfig = {
  hours: businessHoursSchema.parse({
    timeZone: 'Pacific/Auckland',
    week: {
      sun: [],
      mon: ranges,
      tue: ranges,
      wed: ranges,
      thu: ranges,
      fri: ranges,
      sat: [{ start: '22:00', end: '02:00' }],
    },
    holidays: ['2026-12-25', '2026-12-26', '2027-01-01'],
  }),
  away: { enabled: true, text: 'Hi {{customer.name}}, {{number.name}} is closed; we answer from {{next_opening}}.' },
  greeting: { enabled: true, text: 'Welcome {{customer.name}} to {{number.name}}!', idleHours: 24 },
};

/** Per-message times (µs) over `count` messages spread across a week, so open and closed both occur. */
function measure(count: number, fromMe: boolean): number[] {
  const start = Date.parse('2026-11-23T00:00:00Z');
  const out: number[] = [];
  let sink = 0;
  for (let i = 0; i < count; i++) {
    const now = start + ((i * 7_919 * 60_000) % (7 * 86_400_000));
    const facts: InboundFacts = {
      now,
      fromMe,
      isGroup: false,
      messageAt: now,
      previousMessageAt: i % 3 === 0 ? null : now - 3_600_000,
      lastAutomatedAt: null,
      customerName: `Customer ${i}`,
      numberName: 'Toko Ada',
    };
    const t = performance.now();
    sink += decideAutomation(config, facts)?.body.length ?? 0;
    out.push((performance.now() - t) * 1000);
  }
  if (sink < 0) throw new Error('unreachable: keeps the decisions from being optimised away');
  return out;
}

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const count = opts.scale === 'full' ? 100_000 : 5_000;
  measure(Math.min(count, 5_000), false); // warm-up: formatters built, code optimised
  const baseline = p95(measure(count, true));
  const value = p95(measure(count, false));
  return [
    {
      id: 'automation.eval_us_per_msg',
      value,
      unit: 'µs p95',
      baseline,
      ratio: baseline > 0 ? value / baseline : 0,
      note: 'hours + away/greeting decision and template only (no rules engine yet); baseline: a message that cannot trigger',
      scale: { messages: count },
    },
  ];
}
