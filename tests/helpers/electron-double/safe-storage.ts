/**
 * safeStorage with real encryption: AES-256-GCM under a key made for this run (the OS
 * keychain's part). A restart of the double gets a new key: see README.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readyState } from './protocol';

const key = randomBytes(32);
const VERSION = Buffer.from('v10');

export const safeStorage = {
  /** Like Linux: false until the app is ready. */
  isEncryptionAvailable: (): boolean => readyState.ready,
  encryptString(plain: string): Buffer {
    if (!readyState.ready) throw new Error('safeStorage cannot be used before app is ready');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([VERSION, iv, cipher.getAuthTag(), body]);
  },
  decryptString(encrypted: Buffer): string {
    if (!Buffer.isBuffer(encrypted) || encrypted.length < 31 || !encrypted.subarray(0, 3).equals(VERSION))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(3, 15));
      decipher.setAuthTag(encrypted.subarray(15, 31));
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  },
  getSelectedStorageBackend: (): string => 'electron_double_aes_gcm',
};
