/**
 * A SecretStore on disk, for both shells: Electron passes safeStorage as the codec so
 * the key is encrypted by the OS keychain; the headless host has no keychain and relies
 * on the file being readable by its owner only (0600), like ssh keys.
 */
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretStore } from './ports';

export type SecretCodec = {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
};

/** No encryption: the file permissions are the protection. */
export const plainCodec: SecretCodec = {
  encrypt: plain => Buffer.from(plain, 'utf8'),
  decrypt: sealed => sealed.toString('utf8'),
};

export function createFileSecretStore(path: string, codec: SecretCodec = plainCodec): SecretStore {
  return {
    async getApiKey() {
      let sealed: Buffer;
      try {
        sealed = await readFile(path);
      } catch {
        return null; // never saved
      }
      try {
        const key = codec.decrypt(sealed);
        return key === '' ? null : key;
      } catch {
        // Sealed by another OS user or keychain: behave as if no key was saved, so the
        // user is asked for it again instead of AI failing on every request.
        return null;
      }
    },
    async setApiKey(key) {
      if (key === null) {
        await rm(path, { force: true });
        return;
      }
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, codec.encrypt(key), { mode: 0o600 });
      // writeFile keeps the mode of an existing file; make sure it is owner-only.
      await chmod(path, 0o600);
    },
  };
}
