/** The workspace store's live parts against a fake API client: members, presence, typing, pending notes. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PendingNote, WorkspaceStatus } from '../../../common/api/workspace';
import type { Member } from '../../../common/domain';
import { asChatId, asMemberId } from '../../../common/domain';
import { callsOf, emit, fake } from '../../helpers/fake-api';

vi.mock('../../../renderer/src/api/client', async () => (await import('../../helpers/fake-api')).fakeClientModule);

vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} });
const { useWorkspace } = await import('../../../renderer/src/stores/workspace');

const settle = () => new Promise(resolve => setTimeout(resolve, 0));

const c1 = asChatId('acc:1@c.us');
const online: WorkspaceStatus = {
  connection: 'online',
  serverUrl: 'https://team.example.com',
  member: { id: 'm1', name: 'Lena Lead', email: 'lena@example.com', role: 'lead' },
  deviceName: 'Blazz Desk on Linux',
  pendingPush: 0,
  cursor: 1,
  lastError: null,
};
const dewi: Member = {
  id: asMemberId('m2'),
  name: 'Dewi',
  email: 'dewi@example.com',
  role: 'agent',
  active: true,
};
const pending: PendingNote = {
  clientNoteId: 'c-1',
  chatId: c1,
  body: 'Offline note',
  createdAt: 1,
  state: 'queued',
  lastError: null,
};

beforeEach(() => {
  fake.handlers.clear();
  fake.calls.length = 0;
  fake.handlers.set('workspace:status', () => ({ ok: true, value: online }));
  fake.handlers.set('members:list', () => ({ ok: true, value: [] }));
  fake.handlers.set('presence:list', () => ({ ok: true, value: { m2: 'away' } }));
  useWorkspace.setState({
    status: { ...online, connection: 'signed_out', member: null },
    loaded: false,
    members: [],
    presence: {},
    typing: new Map(),
    pendingNotes: new Map(),
    notes: new Map(),
    notesRequested: new Set(),
  });
});

describe('live team state', () => {
  it('loads presence when the link comes up and follows members, presence and typing events', async () => {
    const release = useWorkspace.getState().retain();
    await settle();
    await settle();
    expect(useWorkspace.getState().presence).toEqual({ m2: 'away' });
    emit('members:changed', { members: [dewi] });
    expect(useWorkspace.getState().members).toEqual([dewi]);
    emit('presence:changed', { presence: { m2: 'online' } });
    expect(useWorkspace.getState().presence).toEqual({ m2: 'online' });
    const typing = { chatId: c1, memberId: 'm2', memberName: 'Dewi', active: true, expiresAt: Date.now() + 6_000 };
    emit('typing:changed', { typing });
    expect(useWorkspace.getState().typing.get(c1)).toEqual([typing]);
    emit('typing:changed', { typing: { ...typing, active: false } });
    expect(useWorkspace.getState().typing.has(c1)).toBe(false);
    emit('notes:pending-changed', { chatId: c1, pending: [pending] });
    expect(useWorkspace.getState().pendingNotes.get(c1)).toEqual([pending]);
    emit('workspace:changed', { status: { ...online, connection: 'signed_out', member: null } });
    expect(useWorkspace.getState().presence).toEqual({});
    expect(useWorkspace.getState().pendingNotes.size).toBe(0);
    release();
  });

  it('a note queued offline is not merged as sent; the same call carries a client id', async () => {
    fake.handlers.set('notes:add', args => ({
      ok: true,
      value: {
        id: String(args.clientNoteId),
        chatId: c1,
        authorId: 'm1',
        authorName: 'Lena',
        body: 'x',
        createdAt: 1,
        pending: true,
      },
    }));
    const r = await useWorkspace.getState().addNote(c1, 'x');
    expect(r.ok && r.value.pending).toBe(true);
    expect(callsOf('notes:add')[0]?.args.clientNoteId).toMatch(/^[0-9a-f-]{36}$/);
    expect(useWorkspace.getState().notes.get(c1)).toBeUndefined();
  });

  it('typing and presence go to the core only when they can matter', async () => {
    fake.handlers.set('typing:set', () => ({ ok: true, value: { sent: true } }));
    fake.handlers.set('presence:set', () => ({ ok: true, value: { status: 'away' } }));
    useWorkspace.getState().reportTyping(c1, true);
    await useWorkspace.getState().setPresence('away');
    expect(callsOf('typing:set')).toHaveLength(0);
    expect(callsOf('presence:set')).toHaveLength(0);
    useWorkspace.setState({ status: online });
    useWorkspace.getState().reportTyping(c1, true);
    await useWorkspace.getState().setPresence('away');
    expect(callsOf('typing:set')[0]?.args).toEqual({ chatId: c1, active: true });
    expect(callsOf('presence:set')[0]?.args).toEqual({ status: 'away' });
  });

  it('a transfer sends the handover with the assignment', async () => {
    fake.handlers.set('chats:assign', () => ({ ok: true, value: {} }));
    await useWorkspace.getState().assign(c1, asMemberId('m2'), { note: 'Over to you', draft: 'Halo' });
    expect(callsOf('chats:assign')[0]?.args).toEqual({
      chatId: c1,
      assigneeId: 'm2',
      handover: { note: 'Over to you', draft: 'Halo' },
    });
  });
});
