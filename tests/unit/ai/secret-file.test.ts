import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretCodec } from '../../../main/ai/secret-file';
import { createFileSecretStore } from '../../../main/ai/secret-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ai-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Stands in for Electron's safeStorage: reversible, and visibly not the plain text.
const xorCodec: SecretCodec = {
  encrypt: plain => Buffer.from([...Buffer.from(plain, 'utf8')].map(b => b ^ 0x5a)),
  decrypt: sealed => Buffer.from([...sealed].map(b => b ^ 0x5a)).toString('utf8'),
};

describe('file secret store', () => {
  it('has no key until one is saved, then returns it', async () => {
    const secrets = createFileSecretStore(join(dir, 'nested', 'ai-key'));
    expect(await secrets.getApiKey()).toBeNull();
    await secrets.setApiKey('sk-abc');
    expect(await secrets.getApiKey()).toBe('sk-abc');
  });

  it('writes an owner-only file, also over a file that was world-readable', async () => {
    const path = join(dir, 'ai-key');
    writeFileSync(path, 'old', { mode: 0o644 });
    await createFileSecretStore(path).setApiKey('sk-abc');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('stores only what the codec sealed', async () => {
    const path = join(dir, 'ai-key');
    const secrets = createFileSecretStore(path, xorCodec);
    await secrets.setApiKey('sk-secret');
    expect(readFileSync(path).toString('utf8')).not.toContain('sk-secret');
    expect(await secrets.getApiKey()).toBe('sk-secret');
  });

  it('forgets the key on clear, and treats an unreadable seal as no key', async () => {
    const path = join(dir, 'ai-key');
    const secrets = createFileSecretStore(path, {
      ...xorCodec,
      decrypt: () => {
        throw new Error('keychain changed');
      },
    });
    await secrets.setApiKey('sk-1');
    expect(await secrets.getApiKey()).toBeNull();
    await secrets.setApiKey(null);
    expect(() => statSync(path)).toThrow();
  });
});
