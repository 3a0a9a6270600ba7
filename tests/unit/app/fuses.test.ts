/**
 * The Electron fuses electron-builder flips in the packaged binary (`electronFuses`): what
 * an attacker with a shell on the agent's machine can make the signed app run.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT_PROCESS_ENV } from '../../../main/app/account-env';
import { knownFuseOptions, readBuilderConfig } from '../../helpers/builder-config';

const fuses = readBuilderConfig().electronFuses ?? {};

describe('Electron fuses', () => {
  it('names only options electron-builder knows (a typo would silently leave a fuse as it was)', () => {
    expect(Object.keys(fuses).length).toBeGreaterThan(0);
    const known = knownFuseOptions();
    for (const name of Object.keys(fuses)) expect(known).toContain(name);
  });

  it('loads the app only from the integrity-checked app.asar', () => {
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
  });

  it('ignores NODE_OPTIONS and --inspect, and gives file:// no extra privileges', () => {
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('encrypts Chromium’s cookie store with the OS key', () => {
    expect(fuses.enableCookieEncryption).toBe(true);
  });

  it('keeps RunAsNode on exactly while account processes are started with ELECTRON_RUN_AS_NODE', () => {
    // With the fuse off, the core's child_process.fork would start a second Electron app
    // instead of an account process; once accounts start another way, it must go off.
    const needsRunAsNode = ACCOUNT_PROCESS_ENV.ELECTRON_RUN_AS_NODE === '1';
    expect(fuses.runAsNode).toBe(needsRunAsNode);
  });
});
