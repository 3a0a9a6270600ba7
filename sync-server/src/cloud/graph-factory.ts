/** The Graph client factory the runtime and `cloud:add` use: one client per number's credentials. */
import { createGraphClient } from './graph/client';
import type { GraphFactory } from './graph-port';

export function graphFactory(o: { graphUrl: string; graphVersion: string }, fetchImpl?: typeof fetch): GraphFactory {
  return creds =>
    createGraphClient(creds, {
      baseUrl: o.graphUrl,
      apiVersion: o.graphVersion,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
}
