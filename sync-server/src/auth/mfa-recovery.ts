/**
 * Recovery codes: ten random single-use codes (`XXXXX-XXXXX`, about 49 bits each) a member keeps
 * for when the phone is gone. Only their sha-256 is stored; they are shown once.
 */
import { createHash, randomInt } from 'node:crypto';

// No 0/O or 1/I/L to confuse when read off paper: 31 symbols, about 4.95 bits each.
const SYMBOLS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;

function group(): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += SYMBOLS[randomInt(SYMBOLS.length)];
  return s;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${group()}-${group()}`);
}

/** Case, spaces and dashes do not matter when a member types a code back. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}
