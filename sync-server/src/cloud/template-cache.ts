/**
 * The template lists of Cloud numbers, kept a minute per number on each server node, and
 * kept the same on every node: with Redis, a node that read a list from Graph hands it to
 * the others, and a node that learned a list is stale (Meta's template status webhook)
 * tells the others to drop it, through the Socket.IO adapter's server-side events. A node
 * that misses a message (Redis down for a moment) still refreshes after the minute.
 */
import { RedisAdapter } from '@socket.io/redis-adapter';
import { z } from 'zod';
import type { WireCloudTemplate } from '../../../common/protocol-cloud';
import { wireCloudTemplateSchema } from '../../../common/protocol-cloud';
import type { Services } from '../handlers/context';

export const TEMPLATE_CACHE_MS = 60_000;
/** The one server-side event of this module; its payloads are checked, as anything that arrives. */
export const TEMPLATES_EVENT = 'cloud:templates';

type Cache = Map<string, { at: number; list: WireCloudTemplate[] }>;
/** Per server instance (tests run several in one process), by account id. */
const caches = new WeakMap<Services, Cache>();
export const cacheOf = (services: Services): Cache => {
  let c = caches.get(services);
  if (!c) caches.set(services, (c = new Map()));
  return c;
};

const accountIds = z.array(z.string().min(1).max(64)).max(1000);
const messageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('forget'), accountIds }),
  z.object({ kind: z.literal('synced'), accountId: z.string().min(1).max(64), list: z.array(wireCloudTemplateSchema) }),
]);
type Message = z.infer<typeof messageSchema>;

/** Whether other nodes can hear this one: only the Redis adapter relays server-side events. */
const clustered = (services: Services) => services.io.adapter instanceof RedisAdapter;

function tellOtherNodes(services: Services, msg: Message): void {
  if (clustered(services)) services.io.serverSideEmit(TEMPLATES_EVENT, msg);
}

function apply(services: Services, msg: Message): void {
  const cache = cacheOf(services);
  if (msg.kind === 'forget') for (const id of msg.accountIds) cache.delete(id);
  else cache.set(msg.accountId, { at: Date.now(), list: msg.list });
}

/** Listens for the other nodes' lists and invalidations (once per node, at start). */
export function listenForTemplates(services: Services): void {
  services.io.on(TEMPLATES_EVENT, (raw: unknown) => {
    const msg = messageSchema.safeParse(raw);
    if (msg.success) apply(services, msg.data);
    else services.log.warn({ issues: msg.error.issues.length }, 'malformed template cache message from a node');
  });
}

/** A fresh list from Graph: kept here and handed to the other nodes. */
export function rememberTemplates(services: Services, accountId: string, list: WireCloudTemplate[]): void {
  const msg: Message = { kind: 'synced', accountId, list };
  apply(services, msg);
  tellOtherNodes(services, msg);
}

/**
 * Meta reported a template's status changed (approved, rejected, paused): these numbers'
 * lists are read from Graph again on the next ask, on every node.
 */
export function forgetTemplates(services: Services, ids: readonly string[]): void {
  const msg: Message = { kind: 'forget', accountIds: [...ids] };
  apply(services, msg);
  tellOtherNodes(services, msg);
}
