/**
 * Who may do what in a workspace. One table shared by the server (which enforces it) and
 * the UI (which hides what a member may not do). Pure: no I/O, no node:* imports.
 */
import type { MemberId, Role } from './domain';

export const CAPABILITIES = [
  'members.manage', // create members, change roles, deactivate
  'accounts.manage', // account membership, remove accounts
  'accounts.host', // register a WhatsApp account hosted on one's own desktop
  'settings.manage',
  'chats.see_all', // every chat of every account (admin) — leads see all chats of their accounts
  'chats.assign', // assign, transfer, unassign any visible chat
  'chats.claim', // take an unassigned chat for oneself
  'chats.update', // status and tags of visible chats
  'notes.write',
  'messages.send',
  'templates.manage',
  'templates.read',
  'sessions.manage', // revoke other members' sessions
  'tags.manage', // the workspace's tag list: create, recolour, rename, merge, delete
  'audit.read',
  'reports.read', // the Reports screen: admins every number, leads the numbers they lead
  'automation.manage', // business hours, away and greeting: admins every number, leads the numbers they lead
  'apikeys.manage', // REST API keys: create, list, revoke (admin only)
  'webhooks.manage', // outgoing webhook endpoints and their delivery log
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ALL: readonly Capability[] = CAPABILITIES;

export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  admin: ALL,
  lead: [
    'accounts.host',
    'chats.assign',
    'chats.claim',
    'chats.update',
    'notes.write',
    'messages.send',
    'templates.manage',
    'templates.read',
    'tags.manage',
    'audit.read',
    'reports.read',
    'automation.manage',
  ],
  agent: ['chats.claim', 'chats.update', 'notes.write', 'messages.send', 'templates.read'],
};

export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

export type Viewer = {
  readonly id: MemberId;
  readonly role: Role;
  readonly active: boolean;
  /** Accounts the member belongs to (admins see every account regardless). */
  readonly accountIds: ReadonlySet<string>;
};

export type VisibleChat = { readonly accountId: string; readonly assigneeId: string | null };

export type WorkspaceSettings = { readonly agentsSeeUnassigned: boolean };

/**
 * May this member see this chat? Admins see everything; leads every chat of their
 * accounts; agents the chats of their accounts assigned to them and, when the workspace
 * allows it, the unassigned ones.
 */
export function canSeeChat(viewer: Viewer, chat: VisibleChat, settings: WorkspaceSettings): boolean {
  if (!viewer.active) return false;
  if (viewer.role === 'admin') return true;
  if (!viewer.accountIds.has(chat.accountId)) return false;
  if (viewer.role === 'lead') return true;
  if (chat.assigneeId === viewer.id) return true;
  return chat.assigneeId === null && settings.agentsSeeUnassigned;
}

/** May this member see an account at all (its name, state, contacts)? */
export function canSeeAccount(viewer: Viewer, accountId: string): boolean {
  return viewer.active && (viewer.role === 'admin' || viewer.accountIds.has(accountId));
}
