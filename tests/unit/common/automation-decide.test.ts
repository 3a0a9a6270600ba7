import { describe, expect, it } from 'vitest';
import type { AutomationConfig, InboundFacts } from '../../../common/automation/decide';
import { COOL_DOWN_MS, decideAutomation } from '../../../common/automation/decide';
import { businessHoursSchema } from '../../../common/automation/hours';
import { formatOpening, renderTemplate, unknownVariables } from '../../../common/automation/template';

const nine5 = [{ start: '09:00', end: '17:00' }];
const hours = businessHoursSchema.parse({
  timeZone: 'Asia/Jakarta',
  week: { sun: [], mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5, sat: [] },
  holidays: [],
});
const config: AutomationConfig = {
  hours,
  away: { enabled: true, text: 'Hi {{customer.name}}, {{number.name}} opens {{next_opening}}.' },
  greeting: { enabled: true, text: 'Welcome {{customer.name}}!', idleHours: 24 },
};
const SATURDAY = Date.parse('2026-12-05T03:00:00Z');
const MONDAY = Date.parse('2026-12-07T03:00:00Z'); // 10:00 WIB
const facts = (now: number, extra: Partial<InboundFacts> = {}): InboundFacts => ({
  now,
  fromMe: false,
  isGroup: false,
  messageAt: now,
  previousMessageAt: null,
  lastAutomatedAt: null,
  customerName: 'Sari',
  numberName: 'Support',
  ...extra,
});

describe('templates', () => {
  it('fills known variables and renders unknown ones as nothing, never throwing', () => {
    expect(renderTemplate('Hi {{ customer.name }} {{oops}}{{number.name}}', { 'customer.name': 'Sari' })).toBe(
      'Hi Sari ',
    );
    expect(unknownVariables('{{a}} {{customer.name}} {{a}} {{b.c}}')).toEqual(['a', 'b.c']);
    expect(renderTemplate('{{', {})).toBe('{{');
  });
  it('formats the next opening in the number zone', () => {
    expect(formatOpening(Date.parse('2026-12-07T02:00:00Z'), 'Asia/Jakarta')).toBe('Mon 7 Dec, 09:00');
  });
});

describe('deciding the automated reply', () => {
  it('sends the away message outside hours, keyed by the closed period', () => {
    const d = decideAutomation(config, facts(SATURDAY));
    expect(d).toEqual({
      kind: 'away',
      windowKey: Date.parse('2026-12-07T02:00:00Z'),
      body: 'Hi Sari, Support opens Mon 7 Dec, 09:00.',
    });
    // A later message in the same closed period names the same window.
    expect(decideAutomation(config, facts(SATURDAY + 3_600_000))?.windowKey).toBe(d?.windowKey);
  });

  it('greets a new conversation inside hours, and again only after the idle limit', () => {
    expect(decideAutomation(config, facts(MONDAY))).toEqual({
      kind: 'greeting',
      windowKey: MONDAY,
      body: 'Welcome Sari!',
    });
    expect(decideAutomation(config, facts(MONDAY, { previousMessageAt: MONDAY - 3_600_000 }))).toBeNull();
    expect(decideAutomation(config, facts(MONDAY, { previousMessageAt: MONDAY - 24 * 3_600_000 }))?.kind).toBe(
      'greeting',
    );
  });

  it('never answers our own messages, groups or history, nor twice within the cool-down', () => {
    expect(decideAutomation(config, facts(SATURDAY, { fromMe: true }))).toBeNull();
    expect(decideAutomation(config, facts(SATURDAY, { isGroup: true }))).toBeNull();
    expect(decideAutomation(config, facts(SATURDAY, { messageAt: SATURDAY - 3_600_000 }))).toBeNull();
    expect(decideAutomation(config, facts(SATURDAY, { lastAutomatedAt: SATURDAY - COOL_DOWN_MS + 1 }))).toBeNull();
    expect(decideAutomation(config, facts(SATURDAY, { lastAutomatedAt: SATURDAY - COOL_DOWN_MS }))?.kind).toBe('away');
  });

  it('sends nothing when both messages are off or empty', () => {
    const off = { ...config, away: { enabled: false, text: 'x' }, greeting: { ...config.greeting, text: '  ' } };
    expect(decideAutomation(off, facts(SATURDAY))).toBeNull();
    expect(decideAutomation(off, facts(MONDAY))).toBeNull();
  });
});
