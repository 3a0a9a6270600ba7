/** Password hashes (scrypt) and opaque session tokens (random, stored as sha-256). */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { createSlots } from './hash-slots';

/** scrypt's cost: N (CPU and memory), r (block size), p (parallelism). */
export type HashParams = { readonly N: number; readonly r: number; readonly p: number };

/**
 * Today's recommendation for interactive sign-in (OWASP: N=2^17, r=8, p=1): about 128 MiB
 * and a few hundred milliseconds per hash. Tests lower it (ApplicationOptions.passwordHash).
 */
export const DEFAULT_HASH_PARAMS: HashParams = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 64;
/** A stored hash asking for more than this is refused rather than allowed to claim gigabytes. */
const MAX_N = 2 ** 20;

/** Two hashes at a time: the other two pool threads stay free for file and DNS work. */
const hashSlots = createSlots(2);

function scryptAsync(password: string, salt: Buffer, { N, r, p }: HashParams): Promise<Buffer> {
  return hashSlots(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        // scrypt needs 128·N·r bytes; Node refuses above maxmem, so it is set from the parameters.
        scrypt(password, salt, KEYLEN, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, params: HashParams = DEFAULT_HASH_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** The parameters a stored hash was made with, or null when it is not one of ours. */
export function paramsOf(stored: string): HashParams | null {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const valid = Number.isInteger(params.N) && params.N > 1 && params.N <= MAX_N && (params.N & (params.N - 1)) === 0;
  if (!valid || !Number.isInteger(params.r) || !Number.isInteger(params.p) || params.r < 1 || params.p < 1) return null;
  if (params.r > 32 || params.p > 16) return null;
  return params;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const params = paramsOf(stored);
  const [, , , , salt, hash] = stored.split('$');
  if (!params || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when a hash was made with weaker parameters than these: re-hash it at the next sign-in. */
export function needsRehash(stored: string, params: HashParams): boolean {
  const had = paramsOf(stored);
  return !had || had.N < params.N || had.r < params.r || had.p < params.p;
}

/**
 * A hash for unknown e-mails, made with the same parameters as a real one, so a sign-in for
 * a missing member costs as much as a wrong password (no timing tells which e-mails exist).
 */
export function dummyHash(params: HashParams): string {
  const zeros = (n: number) => Buffer.alloc(n).toString('base64');
  return ['scrypt', params.N, params.r, params.p, zeros(16), zeros(KEYLEN)].join('$');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
