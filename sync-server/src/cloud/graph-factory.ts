/** The Graph client factory the runtime and `cloud:add` use: one client per number's credentials. */
import { createGraphClient } from '../cloud-api/graph';
import type { GraphFactory } from './graph-port';

export function graphFactory(o: { graphUrl: string; graphVersion: string }, fetchImpl?: typeof fetch): GraphFactory {
  return creds =>
    createGraphClient({
      baseUrl: o.graphUrl,
      apiVersion: o.graphVersion,
      ...creds,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
}
