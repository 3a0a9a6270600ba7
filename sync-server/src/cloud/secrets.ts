/**
 * A Cloud number's credentials at rest: AES-256-GCM under the server key (the one TOTP and
 * webhook secrets use). Without the key no number can be added, and a row written under
 * another key reads as missing: the number stops rather than sends with a wrong token.
 */
import { CommandError } from '../../../common/result';
import { decryptSecret, encryptSecret } from '../auth/mfa-crypto';
import type { CloudNumberRow } from '../db/repositories/cloud';

export const cloudKeyMissing = () =>
  new CommandError('unavailable', 'Cloud API numbers need the server key (MFA_ENCRYPTION_KEY)', {
    reason: 'server_key_missing',
  });

export function seal(key: Buffer, text: string): string {
  return encryptSecret(key, Buffer.from(text, 'utf8'));
}

export function open(key: Buffer | null, stored: string): string | null {
  const bytes = key ? decryptSecret(key, stored) : null;
  return bytes ? bytes.toString('utf8') : null;
}

export type OpenedNumber = {
  accountId: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
};

export function openNumber(key: Buffer | null, row: CloudNumberRow): OpenedNumber | null {
  const accessToken = open(key, row.accessToken);
  const appSecret = open(key, row.appSecret);
  const verifyToken = open(key, row.verifyToken);
  if (accessToken === null || appSecret === null || verifyToken === null) return null;
  return {
    accountId: row.accountId,
    phoneNumberId: row.phoneNumberId,
    wabaId: row.wabaId,
    accessToken,
    appSecret,
    verifyToken,
  };
}
