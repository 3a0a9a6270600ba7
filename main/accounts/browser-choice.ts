/**
 * The browser a whatsapp-web.js number runs: chosen per number in the add/edit dialog, or
 * the one found on this machine. A typed path is checked before it is kept, so a typo is
 * refused with a code the dialog words instead of failing at the next start.
 */
import { CommandError } from '../../common/result';
import type { BrowserPathProblem } from '../../common/api/accounts';
import type { DesktopProviderKind } from '../../common/domain';
import { checkBrowserPath, findBrowser } from './providers/webjs/browser';

export type BrowserCheck = {
  /** What a number without a chosen browser uses; null: nothing found. */
  readonly detected: string | null;
  /** For the path asked about: null when it can be used (or none was asked). */
  readonly problem: BrowserPathProblem | null;
};

export function checkBrowser(path: string | null, configured: string | null): BrowserCheck {
  const detected = findBrowser({ configured });
  if (!path) return { detected, problem: null };
  const check = checkBrowserPath(path);
  return { detected, problem: check === 'ok' ? null : check };
}

/** The path to keep for a number: null for "the detected one"; refused when unusable. */
export function chosenBrowser(provider: DesktopProviderKind, path: string | null | undefined): string | null {
  const trimmed = path?.trim() ?? '';
  if (!trimmed) return null;
  if (provider !== 'webjs')
    throw new CommandError('invalid_args', 'Only a whatsapp-web.js number runs a browser.', {
      reason: 'not_webjs',
    });
  const check = checkBrowserPath(trimmed);
  if (check !== 'ok')
    throw new CommandError('invalid_args', `The browser path cannot be used (${check}).`, {
      reason: 'browser_path',
      problem: check,
    });
  return trimmed;
}
