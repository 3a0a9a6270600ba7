import { describe, expect, it } from 'vitest';
import type { ChatsPage } from '../../../common/api/inbox';
import type { Chat, Member, Role } from '../../../common/domain';
import { asMemberId } from '../../../common/domain';
import {
  ageText,
  needsReplyWarning,
  oldestWaiting,
  reassignTargets,
  refusalText,
} from '../../../renderer/src/features/handover/logic';
import type { FetchChatsPage } from '../../../renderer/src/features/team/logic';
import { loadWorkload } from '../../../renderer/src/features/team/logic';
import { handoverEn } from '../../../renderer/src/i18n/handover.en';
import { handoverId } from '../../../renderer/src/i18n/handover.id';
import { chatFixture } from '../../helpers/chat-fixture';

const t = (key: keyof typeof handoverEn, vars?: Readonly<Record<string, string | number>>) =>
  handoverEn[key].replace(/\{(\w+)\}/g, (m, name: string) => String(vars?.[name] ?? m));
const member = (id: string, name: string, role: Role, active = true): Member => ({
  id: asMemberId(id),
  name,
  email: `${id}@example.com`,
  role,
  active,
});
const waiting = (id: string, at: number, extra: Partial<Chat> = {}): Chat =>
  chatFixture(id, { status: 'open', lastMessageAt: at, lastMessageFromMe: false, ...extra });

describe('handover strings', () => {
  it('has a Bahasa Indonesia string for every English one, with the same placeholders', () => {
    const keys = Object.keys(handoverEn) as (keyof typeof handoverEn)[];
    expect(Object.keys(handoverId).sort()).toEqual([...keys].sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    for (const key of keys) expect(vars(handoverId[key]), key).toEqual(vars(handoverEn[key]));
  });
});

describe('refusal wording', () => {
  it('words the server reasons and keeps other messages', () => {
    const refused = (reason: string) => ({ code: 'forbidden' as const, message: 'x', details: { reason } });
    expect(refusalText(t, refused('handover_not_allowed'))).toBe(handoverEn['handover.error.handover_not_allowed']);
    expect(refusalText(t, refused('not_assignee'))).toBe(handoverEn['handover.error.not_assignee']);
    expect(refusalText(t, refused('assignee_not_member'))).toBe(handoverEn['handover.error.assignee_not_member']);
    expect(refusalText(t, { code: 'unavailable', message: 'offline' })).toBe('offline');
  });
});

describe('oldest waiting chat', () => {
  it('is the open chat whose customer wrote last, longest ago', () => {
    const chats = [
      waiting('answered', 100, { lastMessageFromMe: true }),
      waiting('pending', 50, { status: 'pending' }),
      waiting('empty', 0, { lastMessageAt: null }),
      waiting('newer', 300),
      waiting('older', 200),
    ];
    expect(oldestWaiting(chats)?.id).toBe('older');
    expect(oldestWaiting([waiting('newest', 400)], waiting('kept', 250))?.id).toBe('kept');
    expect(oldestWaiting([])).toBeNull();
  });

  it('says how long in minutes, hours or days', () => {
    const now = 10 * 86_400_000;
    expect(ageText(t, now - 5 * 60_000, now)).toBe('5 min');
    expect(ageText(t, now - 3 * 3_600_000, now)).toBe('3 h');
    expect(ageText(t, now - 3 * 86_400_000, now)).toBe('3 d');
    expect(ageText(t, now + 60_000, now)).toBe('0 min');
  });

  it('comes with every workload row, across pages', async () => {
    const ana = member('m1', 'Ana', 'agent');
    const chats = [
      waiting('a1', 500, { assigneeId: ana.id }),
      waiting('a2', 100, { assigneeId: ana.id }),
      waiting('a3', 300, { assigneeId: ana.id }),
      waiting('u1', 10),
    ];
    const fetch: FetchChatsPage = async ({ assigneeId, statuses, cursor }) => {
      const matching = chats.filter(c => c.assigneeId === assigneeId && statuses.includes(c.status));
      const start = cursor ? Number(cursor) : 0;
      const page: ChatsPage = {
        items: matching.slice(start, start + 1),
        nextCursor: start + 1 < matching.length ? String(start + 1) : null,
      };
      return page;
    };
    const w = await loadWorkload([ana], fetch);
    expect(w.rows[0]?.oldestWaiting?.id).toBe('a2');
  });
});

describe('reassign targets', () => {
  it('active members on the number (admins always), not the current assignee, by name', () => {
    const members = [
      member('m1', 'Zed', 'agent'),
      member('m2', 'Ana', 'agent'),
      member('m3', 'Gone', 'agent', false),
      member('m4', 'Boss', 'admin'),
      member('m5', 'Elsewhere', 'lead'),
    ];
    expect(reassignTargets(members, ['m1', 'm2', 'm3'], 'm2').map(m => m.name)).toEqual(['Boss', 'Zed']);
    // Not known (offline): the server decides.
    expect(reassignTargets(members, null, null).map(m => m.name)).toEqual(['Ana', 'Boss', 'Elsewhere', 'Zed']);
  });
});

describe('reply warning', () => {
  const lead = { id: 'me', role: 'lead' as const };
  it('warns in a chat assigned to someone else, until confirmed', () => {
    expect(needsReplyWarning(lead, { assigneeId: asMemberId('other') }, false)).toBe(true);
    expect(needsReplyWarning(lead, { assigneeId: asMemberId('other') }, true)).toBe(false);
    expect(needsReplyWarning(lead, { assigneeId: asMemberId('me') }, false)).toBe(false);
    expect(needsReplyWarning(lead, { assigneeId: null }, false)).toBe(false);
    expect(needsReplyWarning(null, { assigneeId: asMemberId('other') }, false)).toBe(false);
  });
});
