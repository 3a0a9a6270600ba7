/** The workspace's AI policy (table ai_policy, one row with id 1 once an admin saved it). */
import { eq } from 'drizzle-orm';
import type { AiPolicyUpdate, WireAiPolicy } from '../../../../common/protocol-ai-policy';
import { OPEN_AI_POLICY } from '../../../../common/protocol-ai-policy';
import type { Exec } from '../index';
import { aiPolicy } from '../schema';

const ROW_ID = 1;

export async function getAiPolicy(db: Exec, forUpdate = false): Promise<WireAiPolicy> {
  const query = db.select().from(aiPolicy).where(eq(aiPolicy.id, ROW_ID));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) return OPEN_AI_POLICY;
  return {
    allowed: row.allowed,
    baseUrl: row.baseUrl,
    model: row.model,
    forceRedact: row.forceRedact,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export async function saveAiPolicy(db: Exec, policy: AiPolicyUpdate, by: string, now: number): Promise<WireAiPolicy> {
  const values = { ...policy, updatedAt: now, updatedBy: by };
  await db
    .insert(aiPolicy)
    .values({ id: ROW_ID, ...values })
    .onDuplicateKeyUpdate({ set: values });
  return values;
}
