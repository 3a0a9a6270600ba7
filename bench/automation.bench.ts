/**
 * The away/greeting decision per inbound message, as the server runs it on a push: business
 * hours in a zone far from the server's (Intl conversions), the window, and the template.
 * With it, the rules engine over 20 rules, as the server runs both for each fresh inbound
 * message. Pure CPU; the database statements around it are measured by the server's push
 * figures. Baseline: the same path with 0 rules, measured in the same run, so the ratio is
 * what 20 rules add.
 */
import { performance } from 'node:perf_hooks';
import type { AutomationConfig, InboundFacts } from '../common/automation/decide';
import { decideAutomation } from '../common/automation/decide';
import { businessHoursSchema } from '../common/automation/hours';
import type { RuleFacts } from '../common/automation/rules/evaluate';
import { evaluateRules } from '../common/automation/rules/evaluate';
import type { Rule, RuleCondition } from '../common/automation/rules/schema';
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

/** 20 rules of the kinds a workspace has: keywords, a safe regex, tags, hours, several numbers. */
export function twentyRules(): Rule[] {
  const keywords = ['price', 'harga', 'order', 'refund', 'invoice', 'ongkir', 'promo', 'stok'];
  return Array.from({ length: 20 }, (_, i): Rule => {
    const conditions: RuleCondition[] = [{ kind: 'number', accountIds: [`acc-${i % 3}`, 'acc-main'] }];
    if (i % 4 === 0) conditions.push({ kind: 'textRegex', pattern: `(${keywords[i % 8]}|pesanan) #?\\d+` });
    else conditions.push({ kind: 'textContains', text: keywords[i % 8]! });
    if (i % 5 === 0) conditions.push({ kind: 'tag', tag: 'vip' });
    if (i % 3 === 0) conditions.push({ kind: i % 2 ? 'outsideHours' : 'withinHours' });
    return {
      id: `rule-${String(i).padStart(2, '0')}`,
      order: i,
      name: `Rule ${i}`,
      enabled: i !== 7,
      stopAfter: false,
      trigger: { type: i % 6 === 5 ? 'conversation.opened' : 'message.received' },
      conditions,
      actions: [{ kind: 'addTag', tag: `t${i}` }],
    };
  });
}

const TEXTS = ['Berapa harga paket ini?', 'Order #12345 belum sampai', 'halo', 'I want a refund for invoice 88'];

/**
 * Per-message times (µs) of what the server evaluates for each fresh inbound message: the
 * away/greeting decision, then the rules for 'message.received' and, when the chat was
 * quiet, 'conversation.opened' (runMessage in sync-server/src/automation/rules/execute.ts).
 * `count` messages spread across a week, so open and closed both occur.
 */
function measure(count: number, rules: readonly Rule[]): number[] {
  const start = Date.parse('2026-11-23T00:00:00Z');
  const out: number[] = [];
  let sink = 0;
  for (let i = 0; i < count; i++) {
    const now = start + ((i * 7_919 * 60_000) % (7 * 86_400_000));
    const previous = i % 3 === 0 ? null : now - 3_600_000;
    const facts: InboundFacts = {
      now,
      fromMe: false,
      isGroup: false,
      messageAt: now,
      previousMessageAt: previous,
      lastAutomatedAt: null,
      customerName: `Customer ${i}`,
      numberName: 'Toko Ada',
    };
    const t = performance.now();
    sink += decideAutomation(config, facts)?.body.length ?? 0;
    const triggers: RuleFacts['trigger'][] = [{ type: 'message.received' }];
    if (previous === null) triggers.push({ type: 'conversation.opened' });
    for (const trigger of triggers)
      sink += evaluateRules(rules, {
        trigger,
        accountId: 'acc-main',
        text: TEXTS[i % TEXTS.length]!,
        tags: i % 2 ? ['vip'] : [],
        contactIsNew: previous === null,
        at: now,
        hours: config.hours,
        sentiment: null,
      }).matched.length;
    out.push((performance.now() - t) * 1000);
  }
  if (sink < 0) throw new Error('unreachable: keeps the decisions from being optimised away');
  return out;
}

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const count = opts.scale === 'full' ? 100_000 : 5_000;
  const rules = twentyRules();
  measure(Math.min(count, 5_000), rules); // warm-up: formatters built, regexes compiled, code optimised
  const baseline = p95(measure(count, []));
  const value = p95(measure(count, rules));
  return [
    {
      id: 'automation.eval_us_per_msg',
      value,
      unit: 'µs p95',
      baseline,
      ratio: baseline > 0 ? value / baseline : 0,
      note: "server's per-message evaluation with 20 rules (away/greeting decision + rules engine, pure CPU, no database); baseline: the same with 0 rules",
      scale: { messages: count, rules: rules.length },
    },
  ];
}
