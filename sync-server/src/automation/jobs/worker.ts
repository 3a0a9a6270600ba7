/**
 * Automation's jobs on a work loop of their own: the 'status.changed' rules of a status
 * change and the sentiment rules of a message, recorded in the commit that caused them
 * (automation_jobs) and run after it. A node takes a job with a lease; the job is marked
 * done in the transaction that does its work, so a server stopped in between runs it when
 * it is back, and two nodes never both commit it (the rules' run keys keep each action
 * once besides).
 */
import type { JobKind, StoredJob } from '../../db/repositories/automation-jobs';
import { dueJobs, finishJob, leaseJob, pendingJob, pruneJobs } from '../../db/repositories/automation-jobs';
import type { Services } from '../../handlers/context';
import { commitRaw } from '../../handlers/context';
import type { WorkLoop } from '../../work-loop';
import { startWorkLoop } from '../../work-loop';
import { offerAutomated } from '../on-push';
import type { JobWork } from './kinds';
import { prepareJob } from './kinds';

export const DEFAULT_JOB_POLL_MS = 5_000;
/** Longer than a sentiment request may take (10 s) plus its transaction. */
export const JOB_LEASE_MS = 60_000;
/** A job that failed this often is given up (logged): it must not be retried for ever. */
export const JOB_MAX_ATTEMPTS = 5;
const BATCH = 10;
const KEEP_DONE_MS = 7 * 24 * 60 * 60_000;

export type AutomationJobs = {
  /** A job was committed: run it now (the loop would find it too, later). */
  runNow(kind: JobKind, key: string): Promise<void>;
  /** Jobs were committed that need not be waited for (sentiment): look soon. */
  kick(): void;
};

export type JobOptions = {
  readonly pollMs?: number;
  /**
   * Record jobs but run none: a node that stops between a commit and its jobs (tests), or
   * one an operator keeps from acting.
   */
  readonly paused?: boolean;
};

/** One job: leased, prepared (the AI request, outside any transaction), done in one commit. True when it ran. */
export async function runJob(services: Services, job: StoredJob): Promise<boolean> {
  const leasedAt = Date.now();
  if (!(await leaseJob(services.database.raw, job.id, leasedAt, leasedAt + JOB_LEASE_MS))) return false;
  try {
    const work: JobWork | null = await prepareJob(services, job);
    const { value } = await commitRaw(services, async (tx, emit) => {
      if (!(await finishJob(tx, job.id, Date.now()))) return null;
      const out = work ? await work(tx) : null;
      if (out) emit(...out.events);
      return out;
    });
    if (value?.sends.length) await offerAutomated(services, value.sends);
  } catch (err) {
    services.log.error({ err, jobId: job.id, kind: job.kind }, 'automation job failed; retried after its lease');
    if (job.attempts + 1 >= JOB_MAX_ATTEMPTS) {
      await finishJob(services.database.raw, job.id, Date.now()).catch(() => false);
      services.log.error({ jobId: job.id, kind: job.kind }, 'automation job given up');
    }
  }
  return true;
}

export function startAutomationJobs(
  services: Services,
  opts: JobOptions = {},
): { loop: WorkLoop; jobs: AutomationJobs } {
  const paused = opts.paused ?? false;
  let lastPrune = 0;
  const loop = startWorkLoop({
    name: 'automation-jobs',
    pollMs: opts.pollMs ?? DEFAULT_JOB_POLL_MS,
    log: services.log,
    round: async () => {
      if (paused) return 0;
      const now = Date.now();
      if (now - lastPrune > 60 * 60_000) {
        lastPrune = now;
        await pruneJobs(services.database.raw, now - KEEP_DONE_MS, 1_000);
      }
      const due = await dueJobs(services.database.raw, now, BATCH);
      const ran = await Promise.all(due.map(job => runJob(services, job)));
      return ran.filter(Boolean).length;
    },
  });
  const jobs: AutomationJobs = {
    // Never throws: the commit that recorded the job has succeeded whatever happens here.
    async runNow(kind, key) {
      if (paused) return;
      try {
        const job = await pendingJob(services.database.raw, kind, key);
        // Taken by another node, or failed: the loop retries it once its lease ends.
        if (job) await runJob(services, job);
      } catch (err) {
        services.log.error({ err, kind }, 'automation job not run now; the loop will');
        loop.kick();
      }
    },
    kick: () => (paused ? undefined : loop.kick()),
  };
  return { loop, jobs };
}
