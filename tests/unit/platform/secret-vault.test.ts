import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SecretCodec } from '../../../main/platform/secret-vault';
import { fileSecretVault } from '../../../main/platform/secret-vault';

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'blazz-vault-')), 'secrets.json');

describe('file secret vault', () => {
  it('keeps secrets in a file only the owner can read', async () => {
    const file = tmpFile();
    const vault = fileSecretVault(file);
    expect(await vault.get('ai.apiKey')).toBeNull();
    await vault.set('ai.apiKey', 'sk-123');
    expect(await vault.get('ai.apiKey')).toBe('sk-123');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await vault.set('ai.apiKey', null);
    expect(await vault.get('ai.apiKey')).toBeNull();
  });

  it('stores only the encoded form when a codec is given', async () => {
    const file = tmpFile();
    const rot: SecretCodec = {
      kind: 'os-keychain',
      encode: s => Buffer.from(s).toString('base64'),
      decode: s => Buffer.from(s, 'base64').toString(),
    };
    const vault = fileSecretVault(file, rot);
    await vault.set('workspace.token', 'very-secret-token');
    expect(readFileSync(file, 'utf8')).not.toContain('very-secret-token');
    expect(await fileSecretVault(file, rot).get('workspace.token')).toBe('very-secret-token');
  });

  it('survives a corrupt file by treating secrets as unset', async () => {
    const file = tmpFile();
    writeFileSync(file, JSON.stringify({ version: 7, secrets: 'nope' }));
    const vault = fileSecretVault(file);
    expect(await vault.get('x')).toBeNull();
    await vault.set('x', 'y');
    expect(await vault.get('x')).toBe('y');
    writeFileSync(file, '{ not json');
    expect(await fileSecretVault(file).get('x')).toBeNull();
  });
});
