import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Platform } from '../../common/protocol-sessions';
import { CommandError } from '../../common/result';
import { errorCodeSchema } from '../../common/reply-schemas';
import type { SecretVault } from '../platform/secret-vault';

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
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
]);

export type LoginResult = { token: string; sessionId: string; memberId: string; role: 'admin' | 'lead' | 'agent' };

const LOGIN_TIMEOUT_MS = 15_000;
const DEVICE_KEY = 'workspace.deviceKey';

/**
 * This desktop's device key: random, made once and kept (also across sign-outs). The server
 * remembers the keys that signed in as a member, and a lockout on the member's e-mail does
 * not hold those devices back (docs/protocol.md "Sign-in").
 */
export async function deviceKeyOf(vault: Pick<SecretVault, 'get' | 'set'>): Promise<string> {
  const known = await vault.get(DEVICE_KEY);
  if (known && known.length >= 16) return known;
  const key = randomBytes(32).toString('base64url');
  await vault.set(DEVICE_KEY, key);
  return key;
}

/** Node's platform name as the sign-in's `platform` field. */
export function platformOf(nodePlatform: string): Platform {
  if (nodePlatform === 'win32') return 'win';
  if (nodePlatform === 'darwin') return 'mac';
  if (nodePlatform === 'linux') return 'linux';
  return 'other';
}

/** What workspace:signIn takes: with resetCode, `password` is the new password set with an admin's reset code. */
export type SignInInput = {
  serverUrl: string;
  email: string;
  password: string;
  deviceName?: string;
  resetCode?: string;
  /** A TOTP or recovery code, sent again after the server answered details.reason 'mfa_required'. */
  code?: string;
};

/** The request: a sign-in, or (with a reset code) a password reset that also signs in. */
function signInRequest(body: LoginBody): { path: string; json: Record<string, unknown> } {
  // The platform shows in the member's devices list (docs/protocol.md "Sign-in").
  const common = { email: body.email, deviceName: body.deviceName, platform: platformOf(process.platform) };
  const key = body.deviceKey ? { deviceKey: body.deviceKey } : {};
  return body.resetCode
    ? {
        path: '/api/password/reset',
        json: {
          ...common,
          ...key,
          code: body.resetCode,
          newPassword: body.password,
          // The reset code replaces the password, not the second factor.
          ...(body.code ? { mfaCode: body.code } : {}),
        },
      }
    : {
        path: '/api/login',
        json: { ...common, ...key, password: body.password, ...(body.code ? { code: body.code } : {}) },
      };
}

type LoginBody = {
  email: string;
  password: string;
  deviceName: string;
  deviceKey?: string;
  resetCode?: string;
  code?: string;
};

/** POST /api/login. Errors become CommandErrors with the server's words, or a plain network reason. */
export async function loginToWorkspace(
  serverUrl: string,
  body: LoginBody,
  fetchImpl: typeof fetch = fetch,
): Promise<LoginResult> {
  let res: Response;
  const request = signInRequest(body);
  try {
    res = await fetchImpl(new URL(request.path, serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.json),
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
    // details: a lockout's reason and retryAfterSeconds, for the sign-in form to show.
    throw new CommandError(code.success ? code.data : 'internal', parsed.data.error.message, parsed.data.error.details);
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
