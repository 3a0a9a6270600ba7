import { z } from 'zod';
import type { WorkspaceStatus } from '../../common/api/workspace';
import type { Member } from '../../common/domain';
import type { Store } from '../store';
import type { RecoverableRefusal } from './connection';
import { REPORTS_CACHE_KEY } from './reports-cache';

/** What this device remembers of its workspace sign-in (the token itself is in the vault). */
export const workspaceRecordSchema = z.object({
  serverUrl: z.string().url(),
  email: z.string(),
  memberId: z.string(),
  role: z.enum(['admin', 'lead', 'agent']),
  sessionId: z.string(),
  deviceName: z.string(),
});
export type WorkspaceRecord = z.infer<typeof workspaceRecordSchema>;

const RECORD_KEY = 'workspace';

/** The sign-in this desktop remembers, or null when signed out (or the stored value is unreadable). */
export function readRecord(store: Store): WorkspaceRecord | null {
  const parsed = workspaceRecordSchema.safeParse(store.getSetting(RECORD_KEY));
  return parsed.success ? parsed.data : null;
}
export const saveRecord = (store: Store, record: WorkspaceRecord): void => store.setSetting(RECORD_KEY, record);
export const forgetRecord = (store: Store): void => store.deleteSetting(RECORD_KEY);

/**
 * The workspace's data on this device, gone at once (no await, so queued work finds nothing):
 * the record, the cursor, unsent batches and notes, and every account hosted elsewhere.
 */
export function forgetWorkspaceData(store: Store, cursorKey: string, hostedIds: readonly string[]): void {
  forgetRecord(store);
  store.setSyncCursor(cursorKey, '0');
  store.clearPush();
  store.clearNoteQueue();
  store.clearChatChanges();
  store.deleteAccountsExcept([...hostedIds]);
  // Figures the member was allowed to see are not the next sign-in's.
  store.deleteSetting(REPORTS_CACHE_KEY);
}

/** The workspace status the renderer sees, from the record and the link's current state. */
export function workspaceStatus(
  r: WorkspaceRecord | null,
  link: {
    connection: WorkspaceStatus['connection'];
    lastError: string | null;
    refusal: RecoverableRefusal | null;
    members: readonly Member[];
    pendingPush: number;
    cursor: number;
    mfaEnrolmentRequired?: boolean;
  },
): WorkspaceStatus {
  const me = r ? link.members.find(m => m.id === r.memberId) : undefined;
  return {
    connection: r ? link.connection : 'signed_out',
    serverUrl: r?.serverUrl ?? null,
    member: r ? { id: r.memberId, name: me?.name ?? r.email, email: r.email, role: r.role } : null,
    deviceName: r?.deviceName ?? null,
    pendingPush: link.pendingPush,
    cursor: link.cursor,
    lastError: link.lastError,
    ...(r && link.connection === 'unauthorized' && link.refusal ? { refusal: link.refusal } : {}),
    ...(r && link.connection === 'online' && link.mfaEnrolmentRequired ? { mfaEnrolmentRequired: true as const } : {}),
  };
}
