/** Shared by the REST API tests: a workspace with two numbers, keys made the admin's way, and a fetch with a key. */
import type { ApiScope } from '../../../common/protocol-api-keys';
import type { Stack } from './harness';
import { hostWithChat, must } from './harness';

export type RestWorld = Awaited<ReturnType<typeof restWorld>>;

export async function restWorld(stack: Stack) {
  const admin = await stack.device('admin', 'Ada Admin');
  const A = await hostWithChat(stack);
  const B = await hostWithChat(stack);
  const agent = await stack.member('agent');
  await must(admin.socket, 'account:add-member', { accountId: A.accountId, memberId: agent.id });
  const key = async (scopes: ApiScope[], accountIds: string[] | null = null, name = 'CRM') =>
    (await must(admin.socket, 'apiKey:create', { name, scopes, accountIds })).secret;
  return { admin, A, B, agent, key };
}

export type Rest = { status: number; headers: Headers; body: unknown; json: Record<string, unknown> };

export async function rest(
  stack: Stack,
  secret: string | null,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Rest> {
  const res = await fetch(`${stack.node.url}/api/v1${path}`, {
    method,
    headers: {
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : null;
  const json = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return { status: res.status, headers: res.headers, body, json };
}

export const chatPath = (chatId: string, rest = '') => `/chats/${encodeURIComponent(chatId)}${rest}`;
