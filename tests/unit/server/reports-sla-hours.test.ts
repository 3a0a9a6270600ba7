/**
 * SLA attainment with "count business hours only" (docs/reports.md): a number with business
 * hours has its due times counted in its open time; one without keeps plain minutes. Figures
 * computed by hand from a Saturday-night conversation answered on Monday morning in Jakarta.
 */
import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../../common/automation/hours';
import type { Conversation } from '../../../sync-server/src/reports/conversations';
import type { Dataset } from '../../../sync-server/src/reports/dataset';
import { conversationsPage } from '../../../sync-server/src/reports/page';
import { slaOf } from '../../../sync-server/src/reports/sla';
import { zoneOf } from '../../../sync-server/src/reports/zone';

const SAT_2350 = Date.parse('2026-11-07T16:50:00Z'); // Saturday 23:50 in Jakarta
const MON_0920 = Date.parse('2026-11-09T02:20:00Z'); // Monday 09:20 in Jakarta
const nineToFive = [{ start: '09:00', end: '17:00' }];
const hours: BusinessHours = {
  timeZone: 'Asia/Jakarta',
  week: { sun: [], mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [] },
  holidays: [],
};

function conversation(chatId: string): Conversation {
  return {
    chatId,
    openedAt: SAT_2350,
    firstResponseAt: MON_0920,
    firstResponderId: null,
    resolvedAt: null,
    resolvedBy: null,
    assigneeId: null,
    assigneeSince: SAT_2350,
    holders: new Set(),
    reopenedAt: [],
    lastMessageAt: MON_0920,
    messagesIn: 1,
    messagesOut: 1,
  };
}

const chat = (id: string, accountId: string) => ({
  id,
  accountId,
  name: id,
  assigneeId: null,
  tags: [],
  isGroup: false,
});
// Both numbers have a 30-minute target; only "open" has business hours.
const dataset: Dataset = {
  generatedAt: Date.parse('2026-12-01T00:00:00Z'),
  zone: zoneOf('2026-11-07', '2026-11-09', 'Asia/Jakarta'),
  accountNames: new Map([
    ['open', 'Office'],
    ['plain', 'Always'],
  ]),
  memberNames: new Map(),
  chats: new Map([
    ['open:1@c.us', chat('open:1@c.us', 'open')],
    ['plain:1@c.us', chat('plain:1@c.us', 'plain')],
  ]),
  slaTargets: new Map([
    ['open', 30],
    ['plain', 30],
  ]),
  businessHours: new Map([['open', hours]]),
  conversations: [conversation('open:1@c.us'), conversation('plain:1@c.us')],
  messages: [],
};
const buckets = { starts: ['2026-11-07', '2026-11-08', '2026-11-09'], ofDay: [0, 1, 2] };
const range = { from: '2026-11-07', to: '2026-11-09', timeZone: 'Asia/Jakarta', status: 'all', limit: 10 } as const;

describe('SLA due times with business hours only', () => {
  it('the number with hours is due Monday 09:30 and met at 09:20; the one without missed it on Saturday night', () => {
    const sla = slaOf(dataset, buckets, true);
    expect(sla).toMatchObject({ met: 1, missed: 1, waiting: 0, metPct: 50 });
    expect(sla.accounts).toMatchObject([
      { accountId: 'plain', met: 0, missed: 1 },
      { accountId: 'open', met: 1, missed: 0 },
    ]);
    const page = conversationsPage(dataset, { ...range, businessHours: true });
    expect(page.conversations.map(c => [c.accountId, c.slaDueAt, c.sla])).toEqual([
      ['open', Date.parse('2026-11-09T02:30:00Z'), 'met'],
      ['plain', SAT_2350 + 30 * 60_000, 'missed'],
    ]);
  });

  it('without the option both are due 30 plain minutes after opening, and both missed', () => {
    expect(slaOf(dataset, buckets, false)).toMatchObject({ met: 0, missed: 2, metPct: 0 });
    const page = conversationsPage(dataset, { ...range, businessHours: false });
    expect(page.conversations.map(c => c.slaDueAt)).toEqual([SAT_2350 + 30 * 60_000, SAT_2350 + 30 * 60_000]);
  });
});
