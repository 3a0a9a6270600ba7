/**
 * The workspace's AI endpoint for automation (automation_ai, 0033): one row, id 1. The API
 * key is stored sealed (AES-256-GCM under the server key) and only the server opens it.
 */
import { eq } from 'drizzle-orm';
import type { Exec } from '../index';
import { automationAi } from '../schema';

export type AutomationAiRow = {
  readonly baseUrl: string;
  readonly model: string;
  /** Sealed; null: no key (an endpoint that needs none, such as a local model). */
  readonly apiKey: string | null;
  readonly updatedAt: number;
  readonly updatedBy: string | null;
};

export async function getAutomationAi(db: Exec): Promise<AutomationAiRow | null> {
  const [row] = await db.select().from(automationAi).where(eq(automationAi.id, 1));
  return row
    ? { baseUrl: row.baseUrl, model: row.model, apiKey: row.apiKey, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
    : null;
}

export async function saveAutomationAi(db: Exec, row: AutomationAiRow): Promise<void> {
  await db
    .insert(automationAi)
    .values({ id: 1, ...row })
    .onDuplicateKeyUpdate({ set: { ...row } });
}

export async function clearAutomationAi(db: Exec): Promise<void> {
  await db.delete(automationAi).where(eq(automationAi.id, 1));
}
