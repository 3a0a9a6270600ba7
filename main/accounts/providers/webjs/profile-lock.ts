/**
 * Chromium's profile lock. A running Chromium marks its profile with a `SingletonLock`
 * symlink naming `<host>-<pid>` (with `SingletonSocket` and `SingletonCookie` beside it).
 * A Chromium that was killed leaves them behind; a later Chromium on the same profile then
 * refuses to start when the name differs (a container's hostname changes on every run), and
 * whatsapp-web.js reports only that the browser could not start. Locks whose owner is gone
 * are removed before launching; a lock held by a live Chromium on this host is left alone.
 */
import { lstatSync, readlinkSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export type ProfileLock =
  | { readonly kind: 'none' }
  | { readonly kind: 'recovered'; readonly owner: string }
  | { readonly kind: 'in_use'; readonly pid: number };

const LOCK_FILES = ['SingletonLock', 'SingletonSocket', 'SingletonCookie'] as const;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `host-pid` → its parts; the host name itself may contain dashes. */
function ownerOf(target: string): { host: string; pid: number } | null {
  const at = target.lastIndexOf('-');
  const pid = Number(target.slice(at + 1));
  return at > 0 && Number.isInteger(pid) && pid > 0 ? { host: target.slice(0, at), pid } : null;
}

export function recoverProfileLock(profileDir: string, thisHost: string = hostname()): ProfileLock {
  const lock = join(profileDir, 'SingletonLock');
  let target: string;
  try {
    if (!lstatSync(lock).isSymbolicLink()) return { kind: 'none' };
    target = readlinkSync(lock);
  } catch {
    return { kind: 'none' };
  }
  const owner = ownerOf(target);
  if (owner && owner.host === thisHost && isAlive(owner.pid)) return { kind: 'in_use', pid: owner.pid };
  for (const name of LOCK_FILES) rmSync(join(profileDir, name), { force: true });
  return { kind: 'recovered', owner: target };
}
