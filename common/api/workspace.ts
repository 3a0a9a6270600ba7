import { z } from 'zod';
import type { Chat, Member, Note, Role } from '../domain';
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
};

const chatId = z.string().min(3).max(420);

export const workspaceCommands = {
  'workspace:status': command<WorkspaceStatus>()(z.strictObject({})),
  'workspace:signIn': command<WorkspaceStatus>()(
    z.strictObject({
      serverUrl: z.url({ protocol: /^https?$/ }).max(500),
      email: z.email().max(320),
      password: z.string().min(1).max(200),
      deviceName: z.string().min(1).max(100).optional(),
    }),
  ),
  /** Signs out and removes the workspace's data (chats of accounts hosted elsewhere) from this device. */
  'workspace:signOut': command<WorkspaceStatus>()(z.strictObject({})),
  'members:list': command<readonly Member[]>()(z.strictObject({})),
  /** Assign (or unassign with null). Refused with code 'conflict' and the current chat when someone changed it first. */
  'chats:assign': command<Chat>()(z.strictObject({ chatId, assigneeId: z.string().uuid().nullable() })),
  /** An agent takes an unassigned chat. */
  'chats:claim': command<Chat>()(z.strictObject({ chatId })),
  'chats:setStatus': command<Chat>()(z.strictObject({ chatId, status: z.enum(['open', 'pending', 'resolved']) })),
  'chats:setTags': command<Chat>()(z.strictObject({ chatId, tags: z.array(z.string().min(1).max(50)).max(20) })),
  /** An internal note: visible to the team, never sent to the customer. */
  'notes:add': command<Note>()(z.strictObject({ chatId, body: z.string().trim().min(1).max(10_000) })),
} as const;

export type WorkspaceEvents = {
  'workspace:changed': { readonly status: WorkspaceStatus };
  'notes:added': { readonly note: Note };
  /** Chats this device may no longer see (unassigned away, account removed): drop them from view. */
  'chats:removed': { readonly chatIds: readonly string[] };
};

export const workspaceEventNames: Record<keyof WorkspaceEvents, true> = {
  'workspace:changed': true,
  'notes:added': true,
  'chats:removed': true,
};
