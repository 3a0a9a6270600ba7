/** The workspace store against a fake API client: subscriptions, events, notes, counting. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceStatus } from '../../../common/api/workspace';
import type { Chat, Member, Note } from '../../../common/domain';
import { asAccountId, asChatId, asMemberId } from '../../../common/domain';
import { callsOf, emit, fake } from '../../helpers/fake-api';

vi.mock('../../../renderer/src/api/client', async () => (await import('../../helpers/fake-api')).fakeClientModule);

const { useWorkspace } = await import('../../../renderer/src/stores/workspace');

const listening = (name: string) => fake.listeners.get(name)?.size ?? 0;
const settle = () => new Promise(resolve => setTimeout(resolve, 0));

const online: WorkspaceStatus = {
  connection: 'online',
  serverUrl: 'https://team.example.com',
  member: { id: 'm1', name: 'Lena Lead', email: 'lena@example.com', role: 'lead' },
  deviceName: 'Desk',
  pendingPush: 0,
  cursor: 1,
  lastError: null,
};
const signedOut: WorkspaceStatus = { ...online, connection: 'signed_out', member: null, serverUrl: null };
const members: Member[] = [{ id: asMemberId('m1'), name: 'Lena Lead', email: 'l@x.io', role: 'lead', active: true }];
const c1 = asChatId('acc:1@c.us');
const note = (id: string, createdAt: number): Note => ({
  id,
  chatId: c1,
  authorId: asMemberId('m1'),
  authorName: 'Lena Lead',
  body: id,
  createdAt,
});

beforeEach(() => {
  fake.handlers.clear();
  fake.calls.length = 0;
  fake.handlers.set('workspace:status', () => ({ ok: true, value: online }));
  fake.handlers.set('members:list', () => ({ ok: true, value: members }));
  useWorkspace.setState({ status: signedOut, loaded: false, members: [], notes: new Map(), notesRequested: new Set() });
});

describe('subscriptions', () => {
  it('subscribes once for many holders, loads status and members, and lets go with the last one', async () => {
    const a = useWorkspace.getState().retain();
    const b = useWorkspace.getState().retain();
    expect(listening('workspace:changed')).toBe(1);
    expect(listening('notes:added')).toBe(1);
    expect(listening('chats:removed')).toBe(1);
    await settle();
    expect(useWorkspace.getState().status.connection).toBe('online');
    expect(useWorkspace.getState().loaded).toBe(true);
    expect(useWorkspace.getState().members).toEqual(members);
    a();
    a(); // releasing twice must not release someone else's hold
    expect(listening('workspace:changed')).toBe(1);
    b();
    expect(listening('workspace:changed')).toBe(0);
    expect(listening('notes:added')).toBe(0);
  });

  it('signing out (here or by event) wipes members and notes from memory', async () => {
    const release = useWorkspace.getState().retain();
    await settle();
    emit('notes:added', { note: note('n1', 1) });
    expect(useWorkspace.getState().notes.get(c1)).toHaveLength(1);
    emit('workspace:changed', { status: signedOut });
    expect(useWorkspace.getState().members).toEqual([]);
    expect(useWorkspace.getState().notes.size).toBe(0);
    release();
  });

  it('merges note events once and forgets removed chats', async () => {
    const release = useWorkspace.getState().retain();
    await settle();
    emit('notes:added', { note: note('n2', 2) });
    emit('notes:added', { note: note('n1', 1) });
    emit('notes:added', { note: note('n2', 2) });
    expect(
      useWorkspace
        .getState()
        .notes.get(c1)
        ?.map(n => n.id),
    ).toEqual(['n1', 'n2']);
    emit('chats:removed', { chatIds: [c1] });
    expect(useWorkspace.getState().notes.has(c1)).toBe(false);
    release();
  });
});

describe('notes', () => {
  it('asks for a chat’s notes once unless forced, and again after a failure', async () => {
    let fail = true;
    fake.handlers.set('notes:list', () =>
      fail ? { ok: false, error: { code: 'internal', message: 'disk' } } : { ok: true, value: [note('n1', 1)] },
    );
    await useWorkspace.getState().loadNotes(c1);
    expect(useWorkspace.getState().error).toBe('disk');
    fail = false;
    await useWorkspace.getState().loadNotes(c1);
    await useWorkspace.getState().loadNotes(c1);
    expect(callsOf('notes:list')).toHaveLength(2);
    expect(
      useWorkspace
        .getState()
        .notes.get(c1)
        ?.map(n => n.id),
    ).toEqual(['n1']);
    await useWorkspace.getState().loadNotes(c1, true);
    expect(callsOf('notes:list')).toHaveLength(3);
  });

  it('shows an added note at once, and not twice when its event follows', async () => {
    fake.handlers.set('notes:add', args => ({ ok: true, value: { ...note('n9', 9), body: String(args.body) } }));
    const release = useWorkspace.getState().retain();
    await settle();
    const r = await useWorkspace.getState().addNote(c1, 'Call back after 5');
    expect(r.ok).toBe(true);
    emit('notes:added', { note: { ...note('n9', 9), body: 'Call back after 5' } });
    expect(
      useWorkspace
        .getState()
        .notes.get(c1)
        ?.map(n => n.body),
    ).toEqual(['Call back after 5']);
    release();
  });
});

describe('workload', () => {
  const chat = (assigneeId: string | null, status: Chat['status']): Chat => ({
    id: asChatId(`acc:${Math.random()}@c.us`),
    accountId: asAccountId('acc'),
    jid: 'x@c.us',
    isGroup: false,
    name: 'x',
    lastMessagePreview: null,
    lastMessageKind: null,
    lastMessageAt: 1,
    lastMessageFromMe: false,
    unreadCount: 0,
    pinned: false,
    archived: false,
    muted: false,
    status,
    assigneeId: assigneeId === null ? null : asMemberId(assigneeId),
    tags: [],
    version: 1,
  });

  it('asks chats:list per assignee and status, 200 at a time', async () => {
    useWorkspace.setState({ members });
    fake.handlers.set('chats:list', args => {
      const items = [chat('m1', 'open'), chat(null, 'open'), chat(null, 'pending')].filter(
        c => c.assigneeId === args.assigneeId && (args.statuses as string[]).includes(c.status),
      );
      return { ok: true, value: { items, nextCursor: null } };
    });
    const r = await useWorkspace.getState().workload();
    expect(r.ok && r.value.rows.map(row => [row.member.name, row.open.n, row.pending.n])).toEqual([
      ['Lena Lead', 1, 0],
    ]);
    expect(r.ok && [r.value.unassigned.open.n, r.value.unassigned.pending.n]).toEqual([1, 1]);
    expect(callsOf('chats:list').every(c => c.args.limit === 200)).toBe(true);
    expect(callsOf('chats:list').some(c => c.args.assigneeId === null)).toBe(true);
  });

  it('reports a failed page as an error, not a wrong count', async () => {
    useWorkspace.setState({ members });
    fake.handlers.set('chats:list', () => ({ ok: false, error: { code: 'internal', message: 'store closed' } }));
    const r = await useWorkspace.getState().workload();
    expect(r).toEqual({ ok: false, error: { code: 'unavailable', message: 'store closed' } });
  });
});
