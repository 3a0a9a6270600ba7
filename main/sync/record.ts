import { z } from 'zod';
import type { Store } from '../store';

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
