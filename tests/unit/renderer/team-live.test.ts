/**
 * The members page, presence, "X is replying", pending notes and handover in the renderer:
 * the pure rules, and the components rendered to HTML in Node (react-dom/server) per role
 * and state. Effects do not run in server rendering; the stores are set directly.
 */
import { createElement } from 'react';
import type { ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PendingNote, TypingInfo, WorkspaceAccount, WorkspaceStatus } from '../../../common/api/workspace';
import type { Member, Note, Role } from '../../../common/domain';
import { asAccountId, asChatId, asMemberId } from '../../../common/domain';
import type * as AdminLogic from '../../../renderer/src/features/team/admin-logic';
import type * as LiveLogic from '../../../renderer/src/features/team/live-logic';
import type * as TeamModule from '../../../renderer/src/features/team';
import type * as I18nModule from '../../../renderer/src/i18n';
import type * as StoreModule from '../../../renderer/src/stores/workspace';
import type * as AdminStoreModule from '../../../renderer/src/stores/team-admin';
import { chatFixture } from '../../helpers/chat-fixture';
import { stubBrowserGlobals } from '../../helpers/browser-globals';

let team: typeof TeamModule;
let store: typeof StoreModule;
let adminStore: typeof AdminStoreModule;
let i18n: typeof I18nModule;
let admin: typeof AdminLogic;
let live: typeof LiveLogic;

beforeAll(async () => {
  await stubBrowserGlobals();
  team = await import('../../../renderer/src/features/team');
  store = await import('../../../renderer/src/stores/workspace');
  adminStore = await import('../../../renderer/src/stores/team-admin');
  i18n = await import('../../../renderer/src/i18n');
  admin = await import('../../../renderer/src/features/team/admin-logic');
  live = await import('../../../renderer/src/features/team/live-logic');
});

const ada = { id: asMemberId('00000000-0000-4000-8000-00000000000a'), name: 'Ada Admin', role: 'admin' as Role };
const ana = { id: asMemberId('00000000-0000-4000-8000-000000000001'), name: 'Ana Agent', role: 'agent' as Role };
const lena = { id: asMemberId('00000000-0000-4000-8000-000000000002'), name: 'Lena Lead', role: 'lead' as Role };
const gone = { id: asMemberId('00000000-0000-4000-8000-000000000003'), name: 'Gone Person', role: 'agent' as Role };
const members: Member[] = [
  { ...ada, email: 'ada@example.com', active: true },
  { ...ana, email: 'ana@example.com', active: true },
  { ...lena, email: 'lena@example.com', active: true },
  { ...gone, email: 'gone@example.com', active: false },
];
const account: WorkspaceAccount = {
  id: 'acc',
  name: 'Sales',
  phone: '62811',
  hostOnline: true,
  state: 'ready',
  memberIds: [ana.id],
  readReceipts: true,
};
const chatId = asChatId('acc:628111@c.us');

const as = (who: typeof ana, extra: Partial<WorkspaceStatus> = {}): WorkspaceStatus => ({
  connection: 'online',
  serverUrl: 'https://team.example.com',
  member: { id: who.id, name: who.name, email: 'x@example.com', role: who.role },
  deviceName: 'Blazz Desk on Linux',
  pendingPush: 0,
  cursor: 1,
  lastError: null,
  ...extra,
});

function setWorkspace(patch: Partial<ReturnType<(typeof store)['useWorkspace']['getState']>>): void {
  store.useWorkspace.setState(patch);
  Object.assign(store.useWorkspace.getInitialState(), patch);
}
function setAdmin(patch: Partial<ReturnType<(typeof adminStore)['useTeamAdmin']['getState']>>): void {
  adminStore.useTeamAdmin.setState(patch);
  Object.assign(adminStore.useTeamAdmin.getInitialState(), patch);
}
const render = <P extends object>(c: ComponentType<P>, props: P) => renderToStaticMarkup(createElement(c, props));

beforeEach(() => {
  i18n.useI18n.setState({ language: 'en' });
  Object.assign(i18n.useI18n.getInitialState(), { language: 'en' });
  setWorkspace({
    status: as(ada),
    loaded: true,
    members,
    notes: new Map(),
    notesRequested: new Set(),
    presence: { [ana.id]: 'online', [lena.id]: 'away' },
    typing: new Map(),
    pendingNotes: new Map(),
  });
  setAdmin({ accounts: [account], accountsLoaded: true, accountsError: null });
});

describe('members page', () => {
  it('admins see every member with presence, role and state; their own row is locked', () => {
    const html = render(team.MembersAdmin, {});
    for (const m of members) expect(html).toContain(m.email);
    expect(html).toContain('aria-label="Role of Ana Agent"');
    expect(html).toMatch(/<select aria-label="Role of Ada Admin" disabled=""/);
    expect(html).toContain('aria-label="Deactivate Ana Agent"');
    expect(html).toContain('aria-label="Reactivate Gone Person"');
    expect(html).toContain('data-presence="online"');
    expect(html).toContain('Ana Agent is Online');
    expect(html).toContain('Lena Lead is Away');
    expect(html).toContain('Gone Person is Offline');
    expect(html).toContain('another admin must');
    expect(html).toContain('>Initial password</label>');
    expect(html).toContain('At least 10 characters');
  });

  it('shows who works on each number; admins are ticked for good', () => {
    const html = render(team.MembersAdmin, {});
    expect(html).toContain('Sales · +62811');
    expect(html).toMatch(/<input type="checkbox" checked=""\/>Ana Agent/);
    expect(html).toMatch(/<input type="checkbox"\/>Lena Lead/);
    expect(html).toMatch(/<input type="checkbox" disabled="" checked=""\/>Ada Admin \(admin, sees every number\)/);
    expect(html).not.toMatch(/>Gone Person<\/label>/);
  });

  it('offline: read-only, with a sentence saying why, and no form', () => {
    setWorkspace({ status: as(ada, { connection: 'offline' }) });
    const html = render(team.MembersAdmin, {});
    expect(html).toContain('Connect to the workspace to manage members');
    expect(html).not.toContain('>Add member</button>');
    expect(html).toMatch(/disabled="" aria-label="Deactivate Ana Agent"/);
  });

  it('leads and agents get nothing; Indonesian has its own words', () => {
    for (const who of [lena, ana]) {
      setWorkspace({ status: as(who) });
      expect(render(team.MembersAdmin, {})).toBe('');
    }
    setWorkspace({ status: as(ada) });
    i18n.useI18n.setState({ language: 'id' });
    Object.assign(i18n.useI18n.getInitialState(), { language: 'id' });
    expect(render(team.MembersAdmin, {})).toContain('>Anggota</h3>');
  });
});

describe('admin rules', () => {
  it('words refusals by code and action, the core’s text only as a fallback', () => {
    const e = (code: string, message = 'x') => ({ code, message }) as never;
    expect(admin.adminErrorPhrase(e('conflict'), 'create').key).toBe('team.members.error.emailTaken');
    expect(admin.adminErrorPhrase(e('invalid_args', 'You cannot demote yourself'), 'update').key).toBe(
      'team.members.error.self',
    );
    expect(admin.adminErrorPhrase(e('invalid_args'), 'create').key).toBe('team.members.error.invalid');
    expect(admin.adminErrorPhrase(e('unavailable'), 'membership').key).toBe('team.members.error.offline');
    expect(admin.adminErrorPhrase(e('not_found'), 'membership').key).toBe('team.members.error.gone');
    expect(admin.adminErrorPhrase(e('internal', 'boom'), 'update')).toEqual({
      key: 'team.members.error.other',
      vars: { message: 'boom' },
    });
  });

  it('checks the new-member form before the core does', () => {
    const ok = { name: 'Dewi', email: 'dewi@example.com', role: 'agent' as Role, password: '0123456789' };
    expect(admin.newMemberProblem(ok)).toBeNull();
    expect(admin.newMemberProblem({ ...ok, password: 'short' })?.key).toBe('team.members.error.short');
    expect(admin.newMemberProblem({ ...ok, email: 'dewi' })?.key).toBe('team.members.error.invalid');
    expect(admin.newMemberProblem({ ...ok, name: '  ' })?.key).toBe('team.members.error.invalid');
    expect(admin.rowEditable(ada, ada.id)).toBe(false);
    expect(admin.rowEditable(ana, ada.id)).toBe(true);
    expect(admin.sortForAdmin(members).map(m => m.name)).toEqual([
      'Ada Admin',
      'Ana Agent',
      'Lena Lead',
      'Gone Person',
    ]);
  });
});

describe('presence and replying', () => {
  it('away when hidden or idle for five minutes, online otherwise', () => {
    const now = 10 * 60_000;
    expect(live.desiredPresence({ hidden: false, lastInputAt: now - 1_000, now })).toBe('online');
    expect(live.desiredPresence({ hidden: true, lastInputAt: now, now })).toBe('away');
    expect(live.desiredPresence({ hidden: false, lastInputAt: now - live.IDLE_AFTER_MS, now })).toBe('away');
  });

  it('keeps one report per teammate, drops stopped and expired ones', () => {
    const t = (memberName: string, active: boolean, expiresAt: number): TypingInfo => ({
      chatId,
      memberId: memberName,
      memberName,
      active,
      expiresAt,
    });
    let byChat = live.applyTyping(new Map(), t('Ana', true, 6_000), 0);
    byChat = live.applyTyping(byChat, t('Lena', true, 7_000), 1_000);
    byChat = live.applyTyping(byChat, t('Ana', true, 8_000), 2_000);
    expect(live.replyingIn(byChat, chatId, 2_000)).toEqual(['Lena', 'Ana']);
    expect(live.nextExpiry(byChat, chatId, 2_000)).toBe(7_000);
    expect(live.replyingIn(byChat, chatId, 7_500)).toEqual(['Ana']);
    byChat = live.applyTyping(byChat, t('Ana', false, 0), 3_000);
    expect(live.replyingIn(byChat, chatId, 3_000)).toEqual(['Lena']);
    expect(live.typingChange('', 'H')).toBe(true);
    expect(live.typingChange('Hi', 'Hi!')).toBe(true);
    expect(live.typingChange('Hi', '')).toBe(false);
    expect(live.typingChange('', ' ')).toBeNull();
    expect(live.typingChange('a', 'a')).toBeNull();
  });

  it('the conversation header says who is replying, and nothing once it expired', () => {
    const info: TypingInfo = { chatId, memberId: lena.id, memberName: 'Lena Lead', active: true, expiresAt: 0 };
    setWorkspace({ typing: new Map([[chatId, [{ ...info, expiresAt: Date.now() + 60_000 }]]]) });
    expect(render(team.TypingIndicator, { chatId })).toContain('Lena Lead is replying…');
    setWorkspace({ typing: new Map([[chatId, [{ ...info, expiresAt: Date.now() - 1 }]]]) });
    expect(render(team.TypingIndicator, { chatId })).toBe('');
  });
});

describe('notes in the conversation', () => {
  const chat = chatFixture('628111', { id: chatId, accountId: asAccountId('acc'), name: 'Customer' });
  const note = (extra: Partial<Note>): Note => ({
    id: 'n1',
    chatId,
    authorId: lena.id,
    authorName: 'Lena Lead',
    body: 'Over to you',
    createdAt: 1,
    ...extra,
  });

  it('pending notes are shown as waiting, failed ones with the reason and Discard', () => {
    const pending: PendingNote[] = [
      { clientNoteId: 'c1', chatId, body: 'Written offline', createdAt: 2, state: 'queued', lastError: null },
      { clientNoteId: 'c2', chatId, body: 'Refused', createdAt: 3, state: 'failed', lastError: 'no such chat' },
    ];
    setWorkspace({ status: as(ana), notes: new Map([[chatId, []]]), pendingNotes: new Map([[chatId, pending]]) });
    const html = render(team.ChatTeamPanel, { chat });
    expect(html).toContain('Waiting to send — saved on this device');
    expect(html).toContain('Written offline');
    expect(html).toContain('Not saved: no such chat');
    expect(html).toContain('>Discard</button>');
    expect(html.match(/data-testid="team-note-pending"/g)).toHaveLength(2);
  });

  it('a handover stands out, shows summary and draft, and offers the draft while the own draft is empty', () => {
    const handover = note({ kind: 'handover', draft: 'Halo kak, refund diproses.', summary: 'Wants a refund.' });
    setWorkspace({ status: as(ana), notes: new Map([[chatId, [note({ id: 'n0' }), handover]]]) });
    const html = render(team.ChatTeamPanel, { chat: { ...chat, assigneeId: ana.id } });
    expect(html).toContain('team-note-handover');
    expect(html).toContain('Handover from Lena Lead');
    expect(html).toContain('Wants a refund.');
    expect(html).toContain('Halo kak, refund diproses.');
    expect(html).toContain('>Use draft</button>');
    expect(live.offeredDraft([handover], 'Already typing')).toBeNull();
    expect(live.offeredDraft([handover, note({ id: 'n2', kind: 'handover', draft: null })], '')).toBeNull();
  });

  it('the assignee line and the picker show presence', () => {
    setWorkspace({ status: as(lena) });
    const html = render(team.ChatTeamPanel, { chat: { ...chat, assigneeId: ana.id } });
    expect(html).toContain('Ana Agent is Online');
    expect(html).toContain('data-testid="team-chosen-presence"');
  });
});
