/**
 * TOTP secrets at rest: AES-256-GCM under the server's MFA key (config MFA_ENCRYPTION_KEY or
 * MFA_ENCRYPTION_KEY_FILE). Stored as `v1.iv.tag.ciphertext` (base64url), so a database dump
 * alone does not let anyone compute a member's codes.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const MFA_KEY_BYTES = 32;

export function encryptSecret(key: Buffer, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map(p => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The secret, or null when the row was not written under this key (or was tampered with). */
export function decryptSecret(key: Buffer, stored: string): Buffer | null {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  } catch {
    return null;
  }
}

/** The key from its configured text: 64 hex characters or base64 of 32 bytes; null when it is neither. */
export function parseMfaKey(text: string): Buffer | null {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  return bytes.length === MFA_KEY_BYTES ? bytes : null;
}
