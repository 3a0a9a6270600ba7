import { z } from 'zod';
import { CommandError } from '../../common/result';
import { errorCodeSchema } from '../../common/reply-schemas';

const loginReplySchema = z.union([
  z.object({
    ok: z.literal(true),
    value: z.object({
      token: z.string().min(20),
      sessionId: z.string(),
      memberId: z.string(),
      role: z.enum(['admin', 'lead', 'agent']),
    }),
  }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z
        .object({ reason: z.string().max(60) })
        .optional()
        .catch(undefined),
    }),
  }),
]);

export type LoginResult = { token: string; sessionId: string; memberId: string; role: 'admin' | 'lead' | 'agent' };

const LOGIN_TIMEOUT_MS = 15_000;

/** POST /api/login. Errors become CommandErrors with the server's words, or a plain network reason. */
export async function loginToWorkspace(
  serverUrl: string,
  body: { email: string; password: string; deviceName: string; code?: string },
  fetchImpl: typeof fetch = fetch,
): Promise<LoginResult> {
  let res: Response;
  try {
    res = await fetchImpl(new URL('/api/login', serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
    });
  } catch (err) {
    throw new CommandError(
      'unavailable',
      `Could not reach ${serverUrl}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new CommandError(
      'unavailable',
      `${serverUrl} did not answer like a Blazz workspace server (HTTP ${res.status}).`,
    );
  }
  const parsed = loginReplySchema.safeParse(json);
  if (!parsed.success)
    throw new CommandError('unavailable', `${serverUrl} did not answer like a Blazz workspace server.`);
  if (!parsed.data.ok) {
    // A code this version does not know still carries the server's words.
    const code = errorCodeSchema.safeParse(parsed.data.error.code);
    // details.reason ('mfa_required', 'mfa_invalid', …) is what the sign-in form acts on.
    const { details } = parsed.data.error;
    throw new CommandError(code.success ? code.data : 'internal', parsed.data.error.message, details);
  }
  return parsed.data.value;
}

/** POST /api/logout: best effort, the local wipe happens whatever the server says. */
export async function logoutFromWorkspace(
  serverUrl: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  try {
    await fetchImpl(new URL('/api/logout', serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    // Offline sign-out still signs out here; the server session expires or is revoked later.
  }
}
