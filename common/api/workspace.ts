import { z } from 'zod';
import { accountIdSchema } from '../ids';
import type { Chat, Member, Note, Role } from '../domain';
import type { PendingChatChange } from './chat-changes';
import { resolveChatChangeSchema } from './chat-changes';
import { command } from './define';

export type WorkspaceConnection = 'signed_out' | 'connecting' | 'online' | 'offline' | 'unauthorized';

export type WorkspaceStatus = {
  readonly connection: WorkspaceConnection;
  readonly serverUrl: string | null;
  readonly member: { readonly id: string; readonly name: string; readonly email: string; readonly role: Role } | null;
  readonly deviceName: string | null;
  /** Batches of this desktop's accounts not yet acknowledged by the server. */
  readonly pendingPush: number;
  /** Sequence of the last workspace event applied here. */
  readonly cursor: number;
  /** Why the last sign-in or connection failed, in words a user understands. */
  readonly lastError: string | null;
  /**
   * With connection 'unauthorized': why the server refused this device's token. Both keep
   * the data; the sign-in form says which (an expired session, or a token it does not know).
   */
  readonly refusal?: 'session_expired' | 'unknown_token';
  /**
   * Online, but the workspace requires admins to use two-step sign-in and this admin has not
   * set it up: the server allows only that, so nothing syncs until they do (Settings → Team).
   */
  readonly mfaEnrolmentRequired?: true;
};

const chatId = z.string().min(3).max(420);
const memberId = z.string().uuid();
const accountId = accountIdSchema;

export type PresenceStatus = 'online' | 'away' | 'offline';
/** memberId → the best status over the member's devices; a member not listed is offline. */
export type TeamPresence = Readonly<Record<string, PresenceStatus>>;

/** A WhatsApp account of the workspace as an admin manages it: who may see its chats. */
export type WorkspaceAccount = {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  readonly hostOnline: boolean;
  readonly state: string;
  readonly memberIds: readonly string[];
  /** Reading a chat sends the customer a read receipt (on unless an admin turned it off). */
  readonly readReceipts: boolean;
};

/** A note written here that the server has not confirmed yet (shown as "waiting to send"). */
export type PendingNote = {
  readonly clientNoteId: string;
  readonly chatId: string;
  readonly body: string;
  readonly createdAt: number;
  /** queued: waits for the server; sending: in flight; failed: refused for good (see lastError). */
  readonly state: 'queued' | 'sending' | 'failed';
  readonly lastError: string | null;
};

/** The note as the server stored it, or (pending) the local copy waiting to be sent, with id = clientNoteId. */
export type NoteAdded = Note & { readonly pending: boolean };

/** Someone else is writing a reply in a chat; show it until inactive or `expiresAt` (ms). */
export type TypingInfo = {
  readonly chatId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly active: boolean;
  readonly expiresAt: number;
};

const roleArg = z.enum(['admin', 'lead', 'agent']);

export const workspaceCommands = {
  'workspace:status': command<WorkspaceStatus>()(z.strictObject({})),
  'workspace:signIn': command<WorkspaceStatus>()(
    z.strictObject({
      serverUrl: z.url({ protocol: /^https?$/ }).max(500),
      email: z.email().max(320),
      password: z.string().min(1).max(200),
      deviceName: z.string().min(1).max(100).optional(),
      /** A reset code an admin handed over: `password` is then the new password (docs/team.md). */
      resetCode: z.string().trim().min(1).max(100).optional(),
      /** A TOTP or recovery code, sent again after the server answered details.reason 'mfa_required'. */
      code: z.string().trim().min(6).max(40).optional(),
    }),
  ),
  /** Signs out and removes the workspace's data (chats of accounts hosted elsewhere) from this device. */
  'workspace:signOut': command<WorkspaceStatus>()(z.strictObject({})),
  'members:list': command<readonly Member[]>()(z.strictObject({})),
  /** Admins: a new member who signs in with this e-mail and password. 'conflict' when the e-mail is taken. */
  'members:create': command<Member>()(
    z.strictObject({
      name: z.string().trim().min(1).max(200),
      email: z.email().max(320),
      role: roleArg,
      password: z.string().min(10).max(200),
    }),
  ),
  /** Admins: rename, change role, deactivate (signs the member out at once) or reactivate. */
  'members:update': command<Member>()(
    z.strictObject({
      memberId,
      name: z.string().trim().min(1).max(200).optional(),
      role: roleArg.optional(),
      active: z.boolean().optional(),
    }),
  ),
  /** The workspace's WhatsApp accounts (admins: all of them) with the members who may see each. */
  'workspaceAccounts:list': command<readonly WorkspaceAccount[]>()(z.strictObject({})),
  'workspaceAccounts:addMember': command<WorkspaceAccount>()(z.strictObject({ accountId, memberId })),
  'workspaceAccounts:removeMember': command<WorkspaceAccount>()(z.strictObject({ accountId, memberId })),
  /** Admins: whether reading this number's chats sends customers read receipts (account:set-read-receipts). */
  'workspaceAccounts:setReadReceipts': command<{ readonly accountId: string; readonly enabled: boolean }>()(
    z.strictObject({ accountId, enabled: z.boolean() }),
  ),
  /** Who is online or away now (empty while this device is offline: it cannot know). */
  'presence:list': command<TeamPresence>()(z.strictObject({})),
  /** This device's presence: 'away' after the user is idle or the window is hidden, 'online' on activity. */
  'presence:set': command<{ readonly status: 'online' | 'away' }>()(
    z.strictObject({ status: z.enum(['online', 'away']) }),
  ),
  /** The composer reports typing; other devices that see the chat show "X is replying". Best effort. */
  'typing:set': command<{ readonly sent: boolean }>()(z.strictObject({ chatId, active: z.boolean() })),
  /**
   * Assign (or unassign with null). Refused with code 'conflict' and the current chat when someone changed it first.
   * With `handover`, the note, the agent's draft and the chat's cached AI summary travel with the transfer.
   */
  'chats:assign': command<Chat>()(
    z.strictObject({
      chatId,
      assigneeId: z.string().uuid().nullable(),
      handover: z
        .strictObject({
          note: z.string().trim().max(10_000).default(''),
          draft: z.string().max(65_536).nullable().default(null),
        })
        .optional(),
    }),
  ),
  /** An agent takes an unassigned chat. */
  'chats:claim': command<Chat>()(z.strictObject({ chatId })),
  'chats:setStatus': command<Chat>()(z.strictObject({ chatId, status: z.enum(['open', 'pending', 'resolved']) })),
  'chats:setTags': command<Chat>()(z.strictObject({ chatId, tags: z.array(z.string().min(1).max(50)).max(20) })),
  /** An internal note: visible to the team, never sent to the customer. */
  'notes:add': command<NoteAdded>()(
    z.strictObject({
      chatId,
      body: z.string().trim().min(1).max(10_000),
      /** The caller's id for this note, so a retried call cannot add it twice. */
      clientNoteId: z.string().uuid().optional(),
    }),
  ),
  /** Notes of a chat written here and not confirmed by the server yet. */
  'notes:pending': command<readonly PendingNote[]>()(z.strictObject({ chatId })),
  /** Drops a note that could not be saved (state 'failed'). */
  'notes:discard': command<{ readonly clientNoteId: string }>()(z.strictObject({ clientNoteId: z.string().uuid() })),
  /** Status/tag changes of a chat waiting to send, or in conflict (chat-changes.ts). */
  'chats:pendingChanges': command<readonly PendingChatChange[]>()(z.strictObject({ chatId })),
  'chats:resolveChange': command<{ readonly resolved: boolean }>()(resolveChatChangeSchema),
} as const;

export type WorkspaceEvents = {
  'workspace:changed': { readonly status: WorkspaceStatus };
  'notes:added': { readonly note: Note };
  /** Chats this device may no longer see (unassigned away, account removed): drop them from view. */
  'chats:removed': { readonly chatIds: readonly string[] };
  'members:changed': { readonly members: readonly Member[] };
  'presence:changed': { readonly presence: TeamPresence };
  'typing:changed': { readonly typing: TypingInfo };
  /** The notes of a chat waiting to be sent changed (queued, sent, failed). */
  'notes:pending-changed': { readonly chatId: string; readonly pending: readonly PendingNote[] };
};

export const workspaceEventNames: Record<keyof WorkspaceEvents, true> = {
  'workspace:changed': true,
  'notes:added': true,
  'chats:removed': true,
  'members:changed': true,
  'presence:changed': true,
  'typing:changed': true,
  'notes:pending-changed': true,
};
