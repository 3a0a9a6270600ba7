/**
 * What closing the last window means. With a tray icon the app keeps running there (new
 * messages still notify and count); without one, Windows and Linux quit, and macOS keeps
 * the app in the dock as its convention is.
 */
export type WindowLifecycleState = {
  readonly platform: NodeJS.Platform;
  readonly hasTray: boolean;
};

/** For app's `window-all-closed`. */
export function quitWhenAllWindowsClosed(state: WindowLifecycleState): boolean {
  return !state.hasTray && state.platform !== 'darwin';
}

/**
 * For the window's `close`: with a tray, closing hides the window so the tray and the
 * dock can show it again; once the app is quitting, the window really closes.
 */
export function hideInsteadOfClosing(state: { readonly hasTray: boolean; readonly quitting: boolean }): boolean {
  return state.hasTray && !state.quitting;
}
