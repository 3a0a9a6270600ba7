import { z } from 'zod';

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
