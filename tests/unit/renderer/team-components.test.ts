/**
 * The team components rendered to HTML in plain Node (no DOM library is installed): what a
 * role sees, what the panels say in each state, and that note bodies stay text. Effects do
 * not run in server rendering, so no API call is made; the store is set directly.
 */
import { createElement } from 'react';
import type { ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceStatus } from '../../../common/api/workspace';
import type { Chat, Member, Role } from '../../../common/domain';
import { asAccountId, asChatId, asMemberId } from '../../../common/domain';

// Type-only imports are erased: the modules load below, after the browser globals exist.
import type * as TeamModule from '../../../renderer/src/features/team';
import type * as I18nModule from '../../../renderer/src/i18n';
import type * as StoreModule from '../../../renderer/src/stores/workspace';
import { chatFixture } from '../../helpers/chat-fixture';
import { stubBrowserGlobals } from '../../helpers/browser-globals';

type Team = typeof TeamModule;
type Store = typeof StoreModule;
type I18n = typeof I18nModule;
let team: Team;
let store: Store;
let i18n: I18n;

beforeAll(async () => {
  await stubBrowserGlobals();
  team = await import('../../../renderer/src/features/team');
  store = await import('../../../renderer/src/stores/workspace');
  i18n = await import('../../../renderer/src/i18n');
});

const ana = { id: asMemberId('00000000-0000-4000-8000-000000000001'), name: 'Ana Agent', role: 'agent' as Role };
const lena = { id: asMemberId('00000000-0000-4000-8000-000000000002'), name: 'Lena Lead', role: 'lead' as Role };
const gone = { id: asMemberId('00000000-0000-4000-8000-000000000003'), name: 'Gone Person', role: 'agent' as Role };
const members: Member[] = [
  { ...ana, email: 'ana@example.com', active: true },
  { ...lena, email: 'lena@example.com', active: true },
  { ...gone, email: 'gone@example.com', active: false },
];

const status = (extra: Partial<WorkspaceStatus> = {}): WorkspaceStatus => ({
  connection: 'online',
  serverUrl: 'https://team.example.com',
  member: { id: ana.id, name: ana.name, email: 'ana@example.com', role: 'agent' },
  deviceName: 'Blazz Desk on Linux',
  pendingPush: 0,
  cursor: 10,
  lastError: null,
  ...extra,
});
const as = (who: typeof ana, extra: Partial<WorkspaceStatus> = {}) =>
  status({ member: { id: who.id, name: who.name, email: 'x@example.com', role: who.role }, ...extra });

const chat = (extra: Partial<Chat> = {}): Chat =>
  chatFixture('628111', { id: asChatId('acc:628111@c.us'), accountId: asAccountId('acc'), name: 'Customer', ...extra });

/**
 * Server rendering reads zustand stores through getInitialState() (useSyncExternalStore's
 * server snapshot), so the test writes the state there as well as through setState.
 */
function setWorkspace(patch: Partial<ReturnType<Store['useWorkspace']['getState']>>): void {
  store.useWorkspace.setState(patch);
  Object.assign(store.useWorkspace.getInitialState(), patch);
}
function setLanguage(language: 'en' | 'id'): void {
  i18n.useI18n.setState({ language });
  Object.assign(i18n.useI18n.getInitialState(), { language });
}

function render<P extends object>(component: ComponentType<P>, props: P): string {
  return renderToStaticMarkup(createElement(component, props));
}

beforeEach(() => {
  setLanguage('en');
  setWorkspace({
    status: status(),
    loaded: true,
    members,
    notes: new Map(),
    notesRequested: new Set(),
  });
});

describe('WorkspacePanel', () => {
  it('signed out: a labelled form with a device name filled in and the last error as an alert', () => {
    setWorkspace({
      status: status({
        connection: 'signed_out',
        member: null,
        lastError: 'The workspace no longer accepts this device.',
      }),
    });
    const html = render(team.WorkspacePanel, {});
    for (const label of ['Server URL', 'E-mail', 'Password', 'Device name'])
      expect(html).toContain(`>${label}</label>`);
    expect(html).toContain('value="Blazz Desk on Linux"');
    expect(html).toContain('type="password"');
    expect(html).toMatch(/role="alert"[^>]*>The workspace no longer accepts this device\.</);
    expect(html).toContain('>Sign in</button>');
    expect(html).not.toContain('Sign out');
  });

  it('renders nothing before the first status arrives, so no form flashes for a signed-in user', () => {
    setWorkspace({ loaded: false });
    expect(render(team.WorkspacePanel, {})).not.toContain('<form');
  });

  it('signed in: who, role, server, connection with its error, pending uploads and Sign out', () => {
    setWorkspace({
      status: as(lena, { connection: 'offline', lastError: 'Could not reach the server.', pendingPush: 3 }),
    });
    const html = render(team.WorkspacePanel, {});
    expect(html).toContain('Lena Lead');
    expect(html).toContain('Team lead');
    expect(html).toContain('https://team.example.com');
    expect(html).toContain('Offline');
    expect(html).toContain('Could not reach the server.');
    expect(html).toMatch(/data-testid="workspace-pending">3</);
    expect(html).toContain('>Sign out</button>');
    expect(html).not.toContain('<form');
  });

  it('refused by the server (expired, say): the facts stay and a form signs in again, keeping the chats', () => {
    setWorkspace({ status: as(lena, { connection: 'unauthorized', lastError: 'Sign in again.', pendingPush: 3 }) });
    const html = render(team.WorkspacePanel, {});
    expect(html).toContain('Signed out by the server');
    expect(html).toContain('data-testid="session-refusal"');
    expect(html).toContain('value="https://team.example.com"');
    expect(html).toContain('>Sign out</button>');
  });
});

describe('WorkspaceBanner', () => {
  it('is empty online and signed out', () => {
    expect(render(team.WorkspaceBanner, {})).toBe('');
    setWorkspace({ status: status({ connection: 'signed_out', member: null }) });
    expect(render(team.WorkspaceBanner, {})).toBe('');
  });

  it('is a status line offline and an alert with the reason when unauthorized', () => {
    setWorkspace({ status: status({ connection: 'offline' }) });
    expect(render(team.WorkspaceBanner, {})).toMatch(/role="status".*offline/);
    setWorkspace({ status: status({ connection: 'unauthorized', lastError: 'Revoked by an admin.' }) });
    expect(render(team.WorkspaceBanner, {})).toMatch(/role="alert".*Revoked by an admin\./);
  });
});

describe('ChatTeamPanel', () => {
  it('without a workspace shows only this desktop’s status (its local rules run on it)', () => {
    setWorkspace({ status: status({ connection: 'signed_out', member: null }) });
    const html = render(team.ChatTeamPanel, { chat: chat({ status: 'pending' }) });
    expect(html).toContain('data-testid="local-status"');
    expect(html).toContain('checked="" value="pending"');
    expect(html).not.toContain('Claim this chat');
    expect(html).not.toContain('Notes');
  });

  it('renders nothing signed in while the member is not known yet', () => {
    setWorkspace({ status: status({ connection: 'online', member: null }) });
    expect(render(team.ChatTeamPanel, { chat: chat() })).toBe('');
  });

  it('an agent sees Claim on an unassigned chat and no assignee picker', () => {
    const html = render(team.ChatTeamPanel, { chat: chat() });
    expect(html).toContain('>Claim this chat</button>');
    expect(html).not.toContain('<select');
    expect(html).toContain('Unassigned');
  });

  it('an agent sees who has a taken chat and cannot claim it', () => {
    const html = render(team.ChatTeamPanel, { chat: chat({ assigneeId: lena.id }) });
    expect(html).toContain('Assigned to Lena Lead');
    expect(html).not.toContain('Claim this chat');
    expect(html).not.toContain('<select');
  });

  it('a lead picks among active members, marks themself, and transfers with a note', () => {
    setWorkspace({ status: as(lena) });
    const html = render(team.ChatTeamPanel, { chat: chat({ assigneeId: ana.id }) });
    expect(html).toContain('<select');
    expect(html).toContain('>Unassigned</option>');
    expect(html).toContain('>Ana Agent</option>');
    expect(html).toContain('>Lena Lead (you)</option>');
    expect(html).not.toContain('Gone Person');
    expect(html).toContain('Handover note (optional)');
    // One picker per panel.
    expect(html.match(/<select/g)).toHaveLength(1);
    expect(html).not.toContain('Claim this chat');
    // Nothing changed yet, so the submit is disabled.
    expect(html).toMatch(/<button type="submit" class="primary" disabled=""[^>]*>Transfer<\/button>/);
  });

  it('keeps a deactivated current assignee visible in the picker', () => {
    setWorkspace({ status: as(lena) });
    const html = render(team.ChatTeamPanel, { chat: chat({ assigneeId: gone.id }) });
    expect(html).toContain('>Gone Person</option>');
  });

  it('shows status as three radios with the current one checked, and tag chips with remove buttons', () => {
    const html = render(team.ChatTeamPanel, { chat: chat({ status: 'pending', tags: ['vip', 'refund'] }) });
    expect(html).toContain('<legend>Status</legend>');
    expect((html.match(/type="radio"/g) ?? []).length).toBe(3);
    expect(html).toMatch(/checked="" value="pending"/);
    expect(html).toContain('aria-label="Remove tag vip"');
    expect(html).toContain('aria-label="Remove tag refund"');
    expect(html).toContain('>Add tag</button>');
  });

  it('shows notes as labelled internal text; markup in a note stays text', () => {
    const c = chat();
    setWorkspace({
      notes: new Map([
        [
          c.id,
          [
            {
              id: 'n1',
              chatId: c.id,
              authorId: lena.id,
              authorName: 'Lena Lead',
              body: '<img src=x onerror="alert(1)">VIP, call back',
              createdAt: Date.UTC(2026, 10, 27, 9, 30),
            },
          ],
        ],
      ]),
    });
    const html = render(team.ChatTeamPanel, { chat: c });
    expect(html).toContain('Internal note — not sent to the customer');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;VIP, call back');
    expect(html).not.toContain('<img');
    expect(html).toContain('>Add note</button>');
  });

  it('speaks Bahasa Indonesia when the app does', () => {
    setLanguage('id');
    const html = render(team.ChatTeamPanel, { chat: chat() });
    expect(html).toContain('Ambil chat ini');
    expect(html).toContain('Catatan internal');
  });
});

describe('TeamView', () => {
  it('is only for leads and admins', () => {
    expect(render(team.TeamView, {})).toBe('');
    setWorkspace({ status: as(lena) });
    expect(render(team.TeamView, {})).toContain('Team workload');
  });
});
