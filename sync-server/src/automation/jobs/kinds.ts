/**
 * What each kind of automation job does. `prepareJob` runs outside any transaction (a
 * sentiment job asks the AI endpoint there) and returns the work for the job's commit; a
 * payload that does not fit its schema (a row written by hand or by another version) is
 * finished without acting, and logged.
 */
import type { RawTx } from '../../db/index';
import type { StoredJob } from '../../db/repositories/automation-jobs';
import type { Services } from '../../handlers/context';
import type { Outcome } from '../rules/execute';
import { runStatusChanged, statusChangeSchema } from '../rules/on-status';
import { runSentimentRules, sentimentJobSchema, sentimentOf } from '../rules/on-sentiment';

export type JobWork = (tx: RawTx) => Promise<Outcome>;

function payloadOf(job: StoredJob): unknown {
  try {
    return JSON.parse(job.payload) as unknown;
  } catch {
    return null;
  }
}

export async function prepareJob(services: Services, job: StoredJob): Promise<JobWork | null> {
  const payload = payloadOf(job);
  if (job.kind === 'status') {
    const change = statusChangeSchema.safeParse(payload);
    if (change.success) return tx => runStatusChanged(services, tx, change.data);
  }
  if (job.kind === 'sentiment') {
    const message = sentimentJobSchema.safeParse(payload);
    if (message.success) {
      // Outside the transaction: the request may take up to SENTIMENT_TIMEOUT_MS.
      const verdict = await sentimentOf(services, message.data.text);
      return tx => runSentimentRules(services, tx, message.data, verdict);
    }
  }
  services.log.error({ jobId: job.id, kind: job.kind }, 'automation job not understood; dropped');
  return null;
}
