/**
 * The shape of one HTTP route and how a request path is matched against it. Kept apart
 * from the table (routes.ts) so route files can import it without an import cycle.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../handlers/context';
import type { HandlerTable } from '../handlers/dispatch';

export type Readiness = () => Promise<Record<string, 'ok' | string>>;

export type RouteContext = {
  readonly services: Services;
  readonly readiness: Readiness;
  /** The socket commands' handlers: the REST API (http/rest) runs the same ones. */
  readonly handlers: HandlerTable;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The `:name` segments of the route's path, each already checked against its pattern. */
  readonly params: Readonly<Record<string, string>>;
};

export type Route = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Literal segments and `:name` placeholders, e.g. `/api/blobs/:sha256`. */
  readonly path: string;
  /** The pattern each placeholder must match whole; a path that does not match is a 404. */
  readonly params?: Readonly<Record<string, RegExp>>;
  readonly handle: (ctx: RouteContext) => Promise<void> | void;
};

/** The params when the path matches the route's path (method aside), else null. */
export function matchPath(route: Route, path: string): Record<string, string> | null {
  const want = route.path.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (!w.startsWith(':')) {
      if (w !== g) return null;
      continue;
    }
    const name = w.slice(1);
    if (!route.params?.[name]?.test(g)) return null;
    params[name] = g;
  }
  return params;
}
