/**
 * The Cloud API runtime of one server node: the webhook inbox worker and the sender, and
 * the Graph client factory they and `cloud:add` use. Every node runs both; rows are claimed,
 * so two nodes never store one body or perform one send twice.
 */
import type { Services } from '../handlers/context';
import type { GraphFactory } from './graph-port';
import { startInboxWorker } from './inbox-worker';
import { startReadWorker } from './read-worker';
import { startSender } from './sender';
import { listenForTemplates } from './template-cache';

export type CloudOptions = {
  /** Graph API base and version (CLOUD_GRAPH_URL, CLOUD_GRAPH_VERSION). */
  readonly graphUrl: string;
  readonly graphVersion: string;
  /** How often the workers look for work nobody kicked them for (another node's, a lease that ended). */
  readonly pollMs: number;
  readonly statusWaits: number;
  readonly unconfirmedAfterMs: number;
  readonly now: () => number;
};

export const DEFAULT_CLOUD_OPTIONS: CloudOptions = {
  graphUrl: 'https://graph.facebook.com',
  graphVersion: 'v21.0',
  pollMs: 5_000,
  statusWaits: 6,
  unconfirmedAfterMs: 5 * 60_000,
  now: () => Date.now(),
};

export type CloudRuntime = {
  kickInbox(): void;
  kickSends(): void;
  kickReads(): void;
  /** Every queue drained (tests wait on it rather than sleep). */
  idle(): Promise<void>;
  stop(): Promise<void>;
};

export function startCloudRuntime(services: Services, opts: CloudOptions): CloudRuntime {
  listenForTemplates(services);
  const sender = startSender(services, opts);
  const inbox = startInboxWorker(services, opts, () => sender.kick());
  const reads = startReadWorker(services, opts);
  return {
    kickInbox: () => inbox.kick(),
    kickSends: () => sender.kick(),
    kickReads: () => reads.kick(),
    async idle() {
      await inbox.idle();
      await sender.idle();
      await reads.idle();
    },
    async stop() {
      await Promise.all([inbox.stop(), sender.stop(), reads.stop()]);
    },
  };
}

export type { GraphFactory };
