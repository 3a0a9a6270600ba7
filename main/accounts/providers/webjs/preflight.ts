/**
 * What a webjs number checks before it launches a browser: that there is one (the number's
 * own path, or one found on this machine), and that no live browser holds its profile.
 * A failure here is one a restart cannot cure, so it comes back as a `failed` status with
 * the code the renderer words and the raw detail for diagnostics.
 */
import type { ProviderStatus } from '../../provider';
import { checkBrowserPath, findBrowser } from './browser';
import { recoverProfileLock } from './profile-lock';

type Failed = Extract<ProviderStatus, { state: 'disconnected' | 'logged_out' | 'failed' }>;

export type Preflight =
  | { readonly ok: true; readonly executablePath: string; readonly note: string | null }
  | { readonly ok: false; readonly status: Failed };

const failed = (code: Failed['code'], reason: string): Preflight => ({
  ok: false,
  status: { state: 'failed', action: 'alert', code, reason },
});

export function preflight(o: {
  readonly configuredPath: string | null;
  readonly profileDir: string;
  readonly findBrowser?: () => string | null;
}): Preflight {
  let executablePath: string | null;
  if (o.configuredPath) {
    const check = checkBrowserPath(o.configuredPath);
    if (check !== 'ok') return failed('browser_path_invalid', `${check}: ${o.configuredPath}`);
    executablePath = o.configuredPath;
  } else {
    executablePath = (o.findBrowser ?? findBrowser)();
    if (!executablePath) return failed('browser_missing', 'no Chrome, Chromium or Edge found');
  }
  const lock = recoverProfileLock(o.profileDir);
  if (lock.kind === 'in_use') return failed('profile_locked', `profile in use by process ${lock.pid}`);
  const note = lock.kind === 'recovered' ? `removed a stale browser profile lock (${lock.owner})` : null;
  return { ok: true, executablePath, note };
}
