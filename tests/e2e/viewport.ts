/**
 * The window size of a bug test's run (playwright.config.ts runs issue #21's bug tests
 * twice): the desktop size the issue names, or the window's minimum in the 880×560 project.
 */
import type { TestInfo } from '@playwright/test';

export const MIN_WINDOW_PROJECT = 'min-880x560';

export function bugViewport(info: TestInfo): { width: number; height: number } {
  return info.project.name === MIN_WINDOW_PROJECT ? { width: 880, height: 560 } : { width: 1440, height: 900 };
}
