/**
 * The team workspace as this desktop sees it: sign-in status, members and internal notes,
 * kept current by workspace:changed, notes:added and chats:removed. Chat fields (assignee,
 * status, tags) stay in the inbox store: the core answers every change with chats:changed.
 */
import { create } from 'zustand';
import type { NoteAdded, TeamPresence, WorkspaceStatus } from '../../../common/api/workspace';
import type { Chat, ChatId, ChatStatus, Member, MemberId } from '../../../common/domain';
import type { Reply } from '../../../common/result';
import { api } from '../api/client';
import type { FetchChatsPage, NotesByChat, Workload } from '../features/team/logic';
import { dropChats, loadWorkload, mergeNotes } from '../features/team/logic';
import type { PendingByChat, TypingByChat } from '../features/team/live-logic';
import { applyTyping, setPending } from '../features/team/live-logic';
import { newClientId } from '../lib/ids';
import { errorText } from '../lib/error-text';

export { canAssign, canClaim, canUpdateChat, canWriteNotes, canSeeTeamView } from '../features/team/logic';

const SIGNED_OUT: WorkspaceStatus = {
  connection: 'signed_out',
  serverUrl: null,
  member: null,
  deviceName: null,
  pendingPush: 0,
  cursor: 0,
  lastError: null,
};

type WorkspaceState = {
  status: WorkspaceStatus;
  /** False until the first 'workspace:status' answered, so panels do not flash the sign-in form. */
  loaded: boolean;
  members: readonly Member[];
  notes: NotesByChat;
  /** Chats whose notes were asked for, so a second panel does not ask again. */
  notesRequested: ReadonlySet<ChatId>;
  error: string | null;
  /** memberId → online/away (absent: offline), as the server last said. */
  presence: TeamPresence;
  /** Teammates replying per chat (each report carries its own expiry). */
  typing: TypingByChat;
  /** Notes written here and not confirmed by the server yet, per chat. */
  pendingNotes: PendingByChat;
  /** Subscribes while at least one team component is mounted; returns the release. */
  retain(): () => void;
  load(): Promise<void>;
  loadMembers(): Promise<void>;
  signIn(args: {
    serverUrl: string;
    email: string;
    password: string;
    deviceName?: string;
    /** An admin's reset code: `password` is then the new password. */
    resetCode?: string;
    /** A TOTP or recovery code, after the server asked for one. */
    code?: string;
  }): Promise<Reply<WorkspaceStatus>>;
  signOut(): Promise<Reply<WorkspaceStatus>>;
  loadNotes(chatId: ChatId, force?: boolean): Promise<void>;
  addNote(chatId: ChatId, body: string): Promise<Reply<NoteAdded>>;
  discardNote(clientNoteId: string): Promise<Reply<{ readonly clientNoteId: string }>>;
  assign(
    chatId: ChatId,
    assigneeId: MemberId | null,
    handover?: { readonly note: string; readonly draft: string | null },
  ): Promise<Reply<Chat>>;
  loadPresence(): Promise<void>;
  setPresence(status: 'online' | 'away'): Promise<void>;
  reportTyping(chatId: ChatId, active: boolean): void;
  claim(chatId: ChatId): Promise<Reply<Chat>>;
  setStatus(chatId: ChatId, status: ChatStatus): Promise<Reply<Chat>>;
  setTags(chatId: ChatId, tags: readonly string[]): Promise<Reply<Chat>>;
  workload(): Promise<Reply<Workload>>;
  /** Calls back on every chats:changed (the workload view recounts); returns the unsubscribe. */
  watchChats(cb: () => void): () => void;
};

let holders = 0;
let release: (() => void) | null = null;

const sameMember = (a: WorkspaceStatus, b: WorkspaceStatus) =>
  a.member?.id === b.member?.id && a.member?.role === b.member?.role && a.serverUrl === b.serverUrl;

export const useWorkspace = create<WorkspaceState>((set, get) => {
  const applyStatus = (status: WorkspaceStatus) => {
    const before = get().status;
    if (status.connection === 'signed_out') {
      // Signing out wipes the workspace's data locally: nothing of it may stay on screen.
      set({
        status,
        loaded: true,
        members: [],
        notes: new Map(),
        notesRequested: new Set(),
        presence: {},
        typing: new Map(),
        pendingNotes: new Map(),
      });
      return;
    }
    set({ status, loaded: true });
    const becameOnline = status.connection === 'online' && before.connection !== 'online';
    if (!sameMember(before, status) || becameOnline || get().members.length === 0) void get().loadMembers();
    if (becameOnline) void get().loadPresence();
  };

  return {
    status: SIGNED_OUT,
    loaded: false,
    members: [],
    notes: new Map(),
    notesRequested: new Set(),
    error: null,
    presence: {},
    typing: new Map(),
    pendingNotes: new Map(),

    retain() {
      holders++;
      if (holders === 1) {
        const offs = [
          api().subscribe('workspace:changed', ({ status }) => applyStatus(status)),
          api().subscribe('notes:added', ({ note }) => set({ notes: mergeNotes(get().notes, note.chatId, [note]) })),
          api().subscribe('chats:removed', ({ chatIds }) => {
            const requested = new Set(get().notesRequested);
            for (const id of chatIds) requested.delete(id as ChatId);
            set({ notes: dropChats(get().notes, chatIds), notesRequested: requested });
          }),
          api().subscribe('members:changed', ({ members }) => set({ members })),
          api().subscribe('presence:changed', ({ presence }) => set({ presence })),
          api().subscribe('typing:changed', ({ typing }) =>
            set({ typing: applyTyping(get().typing, typing, Date.now()) }),
          ),
          api().subscribe('notes:pending-changed', ({ chatId, pending }) =>
            set({ pendingNotes: setPending(get().pendingNotes, chatId as ChatId, pending) }),
          ),
        ];
        release = () => offs.forEach(off => off());
        void get().load();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders--;
        if (holders === 0) {
          release?.();
          release = null;
        }
      };
    },

    async load() {
      const r = await api().invoke('workspace:status', {});
      if (r.ok) applyStatus(r.value);
      else set({ error: errorText(r.error), loaded: true });
    },

    async loadMembers() {
      if (get().status.connection === 'signed_out') return;
      const r = await api().invoke('members:list', {});
      if (r.ok) set({ members: r.value, error: null });
      else set({ error: errorText(r.error) });
    },

    async signIn(args) {
      const r = await api().invoke('workspace:signIn', args);
      if (r.ok) applyStatus(r.value);
      return r;
    },

    async signOut() {
      const r = await api().invoke('workspace:signOut', {});
      if (r.ok) applyStatus(r.value);
      return r;
    },

    async loadNotes(chatId, force = false) {
      if (!force && get().notesRequested.has(chatId)) return;
      set({ notesRequested: new Set(get().notesRequested).add(chatId) });
      const [r, pending] = await Promise.all([
        api().invoke('notes:list', { chatId }),
        api().invoke('notes:pending', { chatId }),
      ]);
      if (pending.ok) set({ pendingNotes: setPending(get().pendingNotes, chatId, pending.value) });
      if (r.ok) set({ notes: mergeNotes(get().notes, chatId, r.value) });
      else {
        const requested = new Set(get().notesRequested);
        requested.delete(chatId);
        set({ notesRequested: requested, error: errorText(r.error) });
      }
    },

    async addNote(chatId, body) {
      // The id makes a repeated call one note; a pending note shows through notes:pending-changed.
      const r = await api().invoke('notes:add', { chatId, body, clientNoteId: newClientId() });
      if (r.ok && !r.value.pending) {
        const { pending: _pending, ...note } = r.value;
        set({ notes: mergeNotes(get().notes, chatId, [note]) });
      }
      return r;
    },

    discardNote: clientNoteId => api().invoke('notes:discard', { clientNoteId }),

    assign: (chatId, assigneeId, handover) =>
      api().invoke('chats:assign', { chatId, assigneeId, ...(handover ? { handover: { ...handover } } : {}) }),

    async loadPresence() {
      const r = await api().invoke('presence:list', {});
      if (r.ok) set({ presence: r.value });
    },

    async setPresence(status) {
      if (get().status.connection === 'signed_out') return;
      await api().invoke('presence:set', { status });
    },

    reportTyping(chatId, active) {
      if (get().status.connection !== 'online') return;
      void api().invoke('typing:set', { chatId, active });
    },
    claim: chatId => api().invoke('chats:claim', { chatId }),
    setStatus: (chatId, status) => api().invoke('chats:setStatus', { chatId, status }),
    setTags: (chatId, tags) => api().invoke('chats:setTags', { chatId, tags: [...tags] }),

    async workload() {
      const fetchPage: FetchChatsPage = async ({ assigneeId, statuses, cursor }) => {
        const r = await api().invoke('chats:list', { assigneeId, statuses: [...statuses], cursor, limit: 200 });
        if (!r.ok) throw new WorkloadError(errorText(r.error));
        return r.value;
      };
      try {
        return { ok: true, value: await loadWorkload(get().members, fetchPage) };
      } catch (err) {
        if (err instanceof WorkloadError) return { ok: false, error: { code: 'unavailable', message: err.message } };
        throw err;
      }
    },

    watchChats: cb => api().subscribe('chats:changed', () => cb()),
  };
});

/** Carries a failed page out of the counting loop, which is written against plain promises. */
class WorkloadError extends Error {}

/** Mounts the workspace subscriptions for as long as the calling component lives. */
export function retainWorkspace(): () => void {
  return useWorkspace.getState().retain();
}
