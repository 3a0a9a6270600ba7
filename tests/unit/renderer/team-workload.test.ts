/**
 * The workload view's counting against the real local store: the filter arguments go
 * through the real 'chats:list' schema and the store's keyset pages, so a change in what
 * assigneeId null or statuses mean there shows up here, not as a wrong number on screen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inboxCommands } from '../../../common/api/inbox';
import type { ChatId, ChatStatus, Member, MemberId } from '../../../common/domain';
import { asMemberId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import type { FetchChatsPage } from '../../../renderer/src/features/team/logic';
import { countChats, loadWorkload, overdueCount } from '../../../renderer/src/features/team/logic';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from '../store/fixtures';

let store: Store;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

const ana = asMemberId('00000000-0000-4000-8000-00000000000a');
const bo = asMemberId('00000000-0000-4000-8000-00000000000b');
const members: Member[] = [
  { id: ana, name: 'Ana', email: 'ana@x.io', role: 'agent', active: true },
  { id: bo, name: 'Bo', email: 'bo@x.io', role: 'lead', active: true },
];

/** 'chats:list' as the core runs it: the schema parses (and defaults) the args, the store pages. */
const fetchPage =
  (limit: number): FetchChatsPage =>
  async ({ assigneeId, statuses, cursor }) =>
    store.inboxPage(inboxCommands['chats:list'].args.parse({ assigneeId, statuses: [...statuses], cursor, limit }));

function seed(spec: readonly (readonly [MemberId | null, ChatStatus])[]): ChatId[] {
  const a1 = addAccount(store, 'acc1');
  const a2 = addAccount(store, 'acc2');
  return spec.map(([assigneeId, status], i) => {
    const acc = i % 2 === 0 ? a1 : a2;
    const jid = `62811${i}@c.us`;
    store.ingest({ messages: [msg(acc, jid, { timestamp: T0 + i * 60_000 })] });
    const id = chatOfJid(acc, jid);
    store.applyChatWorkspace(id, { status, assigneeId, tags: [], version: 1 });
    return id;
  });
}

describe('workload over the real store', () => {
  it('counts open and pending per member and unassigned, across two accounts and many pages', async () => {
    const spec: (readonly [MemberId | null, ChatStatus])[] = [];
    const add = (n: number, who: MemberId | null, status: ChatStatus) => {
      for (let i = 0; i < n; i++) spec.push([who, status]);
    };
    add(11, ana, 'open');
    add(3, ana, 'pending');
    add(4, ana, 'resolved');
    add(2, bo, 'open');
    add(7, null, 'open');
    add(5, null, 'pending');
    add(6, null, 'resolved');
    // Interleave so every page mixes assignees and statuses, as a real inbox does.
    seed(spec.map((_, i) => spec[(i * 7) % spec.length] as readonly [MemberId | null, ChatStatus]));

    const w = await loadWorkload(members, fetchPage(4));
    expect(w.rows.map(r => [r.member.name, r.open.n, r.pending.n])).toEqual([
      ['Bo', 2, 0],
      ['Ana', 11, 3],
    ]);
    expect([w.unassigned.open.n, w.unassigned.pending.n]).toEqual([7, 5]);
    expect(w.rows.some(r => r.open.capped || r.pending.capped)).toBe(false);
  });

  it('marks chats past their first-reply due time as overdue, per member and unassigned; resolved ones never', async () => {
    const ids = seed([
      [ana, 'open'],
      [ana, 'pending'],
      [ana, 'open'],
      [ana, 'resolved'],
      [null, 'open'],
      [bo, 'open'],
    ]);
    const due = [T0 + 5 * 60_000, T0 + 10 * 60_000, null, T0, T0 + 1, T0 + 60 * 60_000];
    ids.forEach((id, i) => {
      const status = (['open', 'pending', 'open', 'resolved', 'open', 'open'] as const)[i]!;
      const assigneeId = [ana, ana, ana, ana, null, bo][i] ?? null;
      store.applyChatWorkspace(id, { status, assigneeId, tags: [], version: 2, slaDueAt: due[i] ?? null });
    });
    const w = await loadWorkload(members, fetchPage(200));
    const anaRow = w.rows.find(r => r.member.id === ana)!;
    const boRow = w.rows.find(r => r.member.id === bo)!;
    // Ana: due at +5 and +10 minutes (the one without a due time is answered; resolved never counts).
    expect([...anaRow.dueAts].sort()).toEqual([T0 + 5 * 60_000, T0 + 10 * 60_000]);
    expect(overdueCount(anaRow.dueAts, T0 + 6 * 60_000)).toBe(1);
    expect(overdueCount(anaRow.dueAts, T0 + 11 * 60_000)).toBe(2);
    expect(overdueCount(w.unassigned.dueAts, T0 + 2)).toBe(1);
    expect(overdueCount(boRow.dueAts, T0 + 11 * 60_000)).toBe(0);
  });

  it('leaves archived chats out, as the inbox does', async () => {
    const [first] = seed([
      [ana, 'open'],
      [ana, 'open'],
    ]);
    store.setChatLocalState(first as ChatId, { archived: true });
    expect(await countChats(fetchPage(200), ana, 'open')).toEqual({ n: 1, capped: false });
  });
});
