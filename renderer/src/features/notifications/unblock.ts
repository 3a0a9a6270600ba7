/**
 * Where notifications are turned back on once they were blocked: in the browser's site
 * settings when the inbox runs in a browser (headless host), otherwise in the operating
 * system's own notification settings. Pure, so the choice is tested without a window.
 */
export type UnblockPlace = 'browser' | 'windows' | 'macos' | 'linux';

export function unblockPlace(inElectron: boolean, userAgent: string): UnblockPlace {
  if (!inElectron) return 'browser';
  if (/Windows/i.test(userAgent)) return 'windows';
  if (/Mac OS X|Macintosh/i.test(userAgent)) return 'macos';
  return 'linux';
}
