/**
 * #20 "a stale profile lock recovered safely", with Debian's real Chromium: a lock left by a
 * browser on another host (a container's previous hostname) makes Chromium refuse the
 * profile (exit 21); recoverProfileLock clears it and Chromium starts. A lock held by a
 * live Chromium on this host is left alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recoverProfileLock } from '../../../main/accounts/providers/webjs/profile-lock';
import { waitFor } from '../../helpers/accounts/wait';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'];
const dirs: string[] = [];
const profile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'blazz-profile-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Chromium opening the profile and exiting once it printed about:blank; its exit code. */
const openProfile = (dir: string) =>
  spawnSync(CHROMIUM, [...FLAGS, `--user-data-dir=${dir}`, '--dump-dom', 'about:blank'], {
    timeout: 30_000,
    stdio: 'ignore',
  }).status;

const present = (file: string) => {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
};

describe('Chromium profile locks', () => {
  it('clears a lock left on another host, after which Chromium opens the profile', () => {
    const dir = profile();
    symlinkSync('old-container-7f3a-4242', join(dir, 'SingletonLock'));
    symlinkSync(join(tmpdir(), 'gone-socket'), join(dir, 'SingletonSocket'));
    expect(openProfile(dir)).toBe(21); // "The profile appears to be in use … on another computer"

    // Chromium refused and left the lock as it was.
    expect(present(join(dir, 'SingletonLock'))).toBe(true);
    expect(recoverProfileLock(dir)).toEqual({ kind: 'recovered', owner: 'old-container-7f3a-4242' });
    expect(present(join(dir, 'SingletonLock'))).toBe(false);
    expect(present(join(dir, 'SingletonSocket'))).toBe(false);
    expect(openProfile(dir)).toBe(0);
  }, 60_000);

  it('clears a lock of a dead process on this host, and leaves one a live Chromium holds', async () => {
    const dir = profile();
    const browser = spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${dir}`, 'about:blank'], {
      detached: true,
      stdio: 'ignore',
    });
    try {
      await waitFor('Chromium to lock its profile', () => present(join(dir, 'SingletonLock')), 30_000);
      const held = recoverProfileLock(dir);
      expect(held).toEqual({ kind: 'in_use', pid: browser.pid });
      expect(present(join(dir, 'SingletonLock'))).toBe(true);
    } finally {
      process.kill(-(browser.pid ?? 0), 'SIGKILL');
    }
    await waitFor('Chromium to die', () => browser.exitCode !== null || browser.signalCode !== null, 10_000);
    // Killed, it left its lock behind, naming this host and a pid that is gone.
    expect(present(join(dir, 'SingletonLock'))).toBe(true);
    expect(recoverProfileLock(dir)).toEqual({ kind: 'recovered', owner: `${hostname()}-${browser.pid}` });
    expect(existsSync(join(dir, 'SingletonLock'))).toBe(false);
  }, 60_000);

  it('does nothing for a profile without a lock', () => {
    expect(recoverProfileLock(profile())).toEqual({ kind: 'none' });
    expect(recoverProfileLock(join(tmpdir(), 'no-such-profile-dir'))).toEqual({ kind: 'none' });
  });
});
