import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Secrets the core keeps (AI key, workspace token). Never handed to the renderer. */
export type SecretVault = {
  get(name: string): Promise<string | null>;
  set(name: string, value: string | null): Promise<void>;
};

/**
 * How values are protected at rest. The Electron shell passes safeStorage (OS keychain /
 * DPAPI / libsecret); the headless host stores them as-is in a file only its user can read.
 */
export type SecretCodec = {
  readonly kind: 'os-keychain' | 'file-permissions';
  encode(plain: string): string;
  decode(stored: string): string;
};

export const plainCodec: SecretCodec = { kind: 'file-permissions', encode: s => s, decode: s => s };

const fileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

/** One JSON file, mode 0600, written atomically (temp file + rename) so a crash never truncates it. */
export function fileSecretVault(file: string, codec: SecretCodec = plainCodec): SecretVault {
  const read = (): Record<string, string> => {
    if (!existsSync(file)) return {};
    // A corrupt vault must not crash the app; the user re-enters the secret.
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return {};
    }
    const parsed = fileSchema.safeParse(raw);
    return parsed.success ? { ...parsed.data.secrets } : {};
  };
  const write = (secrets: Record<string, string>) => {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, secrets }), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  };
  return {
    async get(name) {
      const stored = read()[name];
      if (stored === undefined) return null;
      try {
        return codec.decode(stored);
      } catch {
        return null; // e.g. the OS keychain changed; treat as not set
      }
    },
    async set(name, value) {
      const secrets = read();
      if (value === null) delete secrets[name];
      else secrets[name] = codec.encode(value);
      write(secrets);
    },
  };
}
