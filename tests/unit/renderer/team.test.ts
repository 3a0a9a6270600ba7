import { describe, expect, it } from 'vitest';
import type { ChatsPage } from '../../../common/api/inbox';
import type { Chat, ChatStatus, Member, Note, Role } from '../../../common/domain';
import { asChatId, asMemberId } from '../../../common/domain';
import type { FetchChatsPage } from '../../../renderer/src/features/team/logic';
import {
  addTag,
  assignableMembers,
  bannerFor,
  chatTeamActions,
  conflictChat,
  countChats,
  defaultDeviceName,
  dropChats,
  formatCount,
  isServerUrl,
  loadWorkload,
  MAX_TAGS,
  mergeNotes,
  newerChat,
  normaliseTag,
  removeTag,
  signInErrorPhrase,
} from '../../../renderer/src/features/team/logic';
import { teamTranslate } from '../../../renderer/src/features/team/useTeamT';
import type { Phrase } from '../../../renderer/src/features/team/logic';
import { teamEn } from '../../../renderer/src/i18n/team.en';
import { teamId } from '../../../renderer/src/i18n/team.id';
import { chatFixture } from '../../helpers/chat-fixture';

const chat = (id: string, extra: Partial<Chat> = {}): Chat => chatFixture(id, extra);
const member = (id: string, name: string, role: Role, active = true): Member => ({
  id: asMemberId(id),
  name,
  email: `${id}@example.com`,
  role,
  active,
});
const note = (id: string, chatId: string, createdAt: number): Note => ({
  id,
  chatId: asChatId(chatId),
  authorId: asMemberId('m1'),
  authorName: 'Ana',
  body: `note ${id}`,
  createdAt,
});

describe('what each role sees in the chat team panel', () => {
  it('leads and admins get the assignee picker, never the claim button', () => {
    for (const role of ['lead', 'admin'] as const) {
      for (const assigneeId of [null, asMemberId('m2')]) {
        const a = chatTeamActions(role, { assigneeId });
        expect(a.assign).toBe(true);
        expect(a.claim).toBe(false);
        expect(a.updateStatus && a.editTags && a.writeNotes).toBe(true);
      }
    }
  });

  it('an agent may claim only an unassigned chat and never assign', () => {
    expect(chatTeamActions('agent', { assigneeId: null })).toEqual({
      assign: false,
      claim: true,
      updateStatus: true,
      editTags: true,
      writeNotes: true,
    });
    const taken = chatTeamActions('agent', { assigneeId: asMemberId('m9') });
    expect(taken.claim).toBe(false);
    expect(taken.assign).toBe(false);
  });

  it('offers only active members, by name', () => {
    const list = assignableMembers([
      member('m3', 'Zed', 'agent'),
      member('m1', 'Ana', 'lead'),
      member('m2', 'Old', 'agent', false),
    ]);
    expect(list.map(m => m.name)).toEqual(['Ana', 'Zed']);
  });
});

describe('tags', () => {
  it('normalises case, spaces and a leading #', () => {
    expect(normaliseTag('  #VIP  ')).toBe('vip');
    expect(normaliseTag('Needs   follow up')).toBe('needs follow up');
    expect(normaliseTag('##')).toBeNull();
    expect(normaliseTag('   ')).toBeNull();
    expect(normaliseTag('x'.repeat(51))).toBeNull();
    expect(normaliseTag(`#${'x'.repeat(50)}`)).toBe('x'.repeat(50));
  });

  it('adds once, keeps order, refuses past the limit', () => {
    expect(addTag(['a'], 'B')).toEqual({ kind: 'changed', tags: ['a', 'b'] });
    expect(addTag(['vip'], ' #Vip')).toEqual({ kind: 'unchanged' });
    expect(addTag([], ' ')).toEqual({ kind: 'invalid' });
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    expect(addTag(full, 'one more')).toEqual({ kind: 'full' });
    expect(addTag(full, 't3')).toEqual({ kind: 'unchanged' });
  });

  it('removes exactly the chip asked for', () => {
    expect(removeTag(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    expect(removeTag(['a'], 'z')).toEqual(['a']);
  });
});

describe('conflicts and newer copies of a chat', () => {
  it('takes the current chat from a conflict reply', () => {
    const current = chat('a1:1@c.us', { assigneeId: asMemberId('lena'), version: 7 });
    const error = {
      code: 'conflict' as const,
      message: 'Someone changed this chat first.',
      details: { chat: current },
    };
    expect(conflictChat(error)).toBe(current);
    expect(conflictChat({ ...error, code: 'forbidden' })).toBeNull();
    expect(conflictChat({ code: 'conflict', message: 'x' })).toBeNull();
    expect(conflictChat({ code: 'conflict', message: 'x', details: { chat: { id: 1 } } })).toBeNull();
  });

  it('shows a command answer until the parent catches up, never an older one', () => {
    const prop = chat('c', { version: 3 });
    expect(newerChat(prop, null)).toBe(prop);
    const answer = chat('c', { version: 4, status: 'resolved' });
    expect(newerChat(prop, answer)).toBe(answer);
    expect(newerChat(chat('c', { version: 5 }), answer).version).toBe(5);
    // An answer for the chat shown before must not leak into the next one.
    expect(newerChat(chat('other', { version: 1 }), answer).id).toBe('other');
  });
});

describe('sign-in errors and the connection banner', () => {
  it('words sign-in failures by code', () => {
    expect(signInErrorPhrase({ code: 'unauthenticated', message: 'wrong e-mail or password' }).key).toBe(
      'team.signIn.wrongPassword',
    );
    const unreachable = signInErrorPhrase({ code: 'unavailable', message: 'Could not reach http://x: ECONNREFUSED' });
    expect(unreachable).toEqual({
      key: 'team.signIn.unreachable',
      vars: { message: 'Could not reach http://x: ECONNREFUSED' },
    });
    expect(signInErrorPhrase({ code: 'timeout', message: 't' }).key).toBe('team.signIn.unreachable');
    expect(signInErrorPhrase({ code: 'rate_limited', message: 'r' }).key).toBe('team.signIn.rateLimited');
    expect(signInErrorPhrase({ code: 'internal', message: 'boom' })).toEqual({
      key: 'team.signIn.failed',
      vars: { message: 'boom' },
    });
  });

  it('accepts only http(s) server URLs', () => {
    expect(isServerUrl('https://team.example.com')).toBe(true);
    expect(isServerUrl(' http://10.0.0.2:8080 ')).toBe(true);
    expect(isServerUrl('team.example.com')).toBe(false);
    expect(isServerUrl('ftp://team.example.com')).toBe(false);
  });

  it("names the device after its OS, in the member's language", () => {
    const say = (language: 'en' | 'id', p: Phrase) => teamTranslate(language, p.key, p.vars);
    expect(say('en', defaultDeviceName('Win32'))).toBe('Blazz Desk on Windows');
    expect(say('en', defaultDeviceName('MacIntel'))).toBe('Blazz Desk on Mac');
    expect(say('en', defaultDeviceName('Linux x86_64'))).toBe('Blazz Desk on Linux');
    expect(say('id', defaultDeviceName('Linux x86_64'))).toBe('Blazz Desk di Linux');
    expect(say('en', defaultDeviceName(''))).toBe('Blazz Desk');
  });

  it('is silent online and signed out, an alert with the reason when unauthorized', () => {
    expect(bannerFor({ connection: 'online', lastError: null })).toBeNull();
    expect(bannerFor({ connection: 'signed_out', lastError: 'old' })).toBeNull();
    expect(bannerFor({ connection: 'offline', lastError: null })?.level).toBe('warn');
    expect(bannerFor({ connection: 'connecting', lastError: null })?.phrase.key).toBe('team.banner.connecting');
    expect(bannerFor({ connection: 'unauthorized', lastError: 'Sign in again.' })).toEqual({
      level: 'error',
      phrase: { key: 'team.banner.unauthorized', vars: { message: 'Sign in again.' } },
    });
    expect(bannerFor({ connection: 'unauthorized', lastError: null })?.phrase.key).toBe(
      'team.banner.unauthorizedNoReason',
    );
  });
});

describe('notes by chat', () => {
  it('merges once each, oldest first, only into their chat', () => {
    let byChat = mergeNotes(new Map(), asChatId('c1'), [note('n2', 'c1', 20), note('n1', 'c1', 10)]);
    byChat = mergeNotes(byChat, asChatId('c1'), [note('n2', 'c1', 20), note('n3', 'c1', 30), note('x', 'c2', 5)]);
    expect(byChat.get(asChatId('c1'))?.map(n => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(byChat.has(asChatId('c2'))).toBe(false);
    // A repeated event changes nothing, so subscribers do not re-render.
    expect(mergeNotes(byChat, asChatId('c1'), [note('n3', 'c1', 30)])).toBe(byChat);
  });

  it('marks an empty chat as loaded and drops removed chats', () => {
    const empty = mergeNotes(new Map(), asChatId('c1'), []);
    expect(empty.get(asChatId('c1'))).toEqual([]);
    const byChat = mergeNotes(empty, asChatId('c2'), [note('n', 'c2', 1)]);
    const after = dropChats(byChat, ['c2', 'unknown']);
    expect([...after.keys()]).toEqual(['c1']);
    expect(dropChats(after, ['nothing'])).toBe(after);
  });
});

/** A fake 'chats:list' over a fixed set of chats, paged like the core (keyset by index). */
function fakeInbox(chats: readonly Chat[], pageSize: number): { fetch: FetchChatsPage; calls: () => number } {
  let calls = 0;
  const fetch: FetchChatsPage = async ({ assigneeId, statuses, cursor }) => {
    calls++;
    const matching = chats.filter(c => c.assigneeId === assigneeId && statuses.includes(c.status));
    const start = cursor ? Number(cursor) : 0;
    const items = matching.slice(start, start + pageSize);
    const next = start + pageSize < matching.length ? String(start + pageSize) : null;
    const page: ChatsPage = { items, nextCursor: next };
    return page;
  };
  return { fetch, calls: () => calls };
}

describe('workload counts', () => {
  const ana = member('m1', 'Ana', 'lead');
  const bo = member('m2', 'Bo', 'agent');
  const old = member('m3', 'Old', 'agent', false);
  const chats: Chat[] = [];
  const add = (n: number, assignee: Member | null, status: ChatStatus) => {
    for (let i = 0; i < n; i++) {
      chats.push(chat(`c${chats.length}`, { assigneeId: assignee?.id ?? null, status }));
    }
  };
  add(5, ana, 'open');
  add(2, ana, 'pending');
  add(3, ana, 'resolved');
  add(12, bo, 'open');
  add(1, old, 'pending');
  add(7, null, 'open');
  add(4, null, 'pending');
  add(9, null, 'resolved');

  it('counts open and pending per member and unassigned across pages', async () => {
    const inbox = fakeInbox(chats, 5);
    const w = await loadWorkload([old, bo, ana], inbox.fetch);
    expect(w.rows.map(r => [r.member.name, r.open.n, r.pending.n])).toEqual([
      ['Ana', 5, 2],
      ['Bo', 12, 0],
      ['Old', 0, 1],
    ]);
    expect(w.unassigned.open).toEqual({ n: 7, capped: false });
    expect(w.unassigned.pending).toEqual({ n: 4, capped: false });
  });

  it('stops after the page limit and says so', async () => {
    const inbox = fakeInbox(chats, 5);
    const c = await countChats(inbox.fetch, bo.id, 'open', 2);
    expect(c).toEqual({ n: 10, capped: true });
    expect(inbox.calls()).toBe(2);
    expect(formatCount(c)).toBe('10+');
    expect(formatCount({ n: 3, capped: false })).toBe('3');
  });

  it('ignores rows a loose filter lets through', async () => {
    const loose: FetchChatsPage = async () => ({
      items: [chat('x', { status: 'resolved' }), chat('y')],
      nextCursor: null,
    });
    expect(await countChats(loose, null, 'open')).toEqual({ n: 1, capped: false });
  });
});

describe('team strings', () => {
  it('has a Bahasa Indonesia string for every English one, with the same placeholders', () => {
    const keys = Object.keys(teamEn) as (keyof typeof teamEn)[];
    expect(Object.keys(teamId).sort()).toEqual([...keys].sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    for (const key of keys) {
      expect(teamId[key].trim(), key).not.toBe('');
      expect(vars(teamId[key]), key).toEqual(vars(teamEn[key]));
    }
  });
});
