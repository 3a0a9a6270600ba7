/** What quitting does, injected so tests can record the order with fakes. */
export type QuitSteps = {
  /** Saves what must outlive the window (its bounds) while it still exists. */
  saveState(): void;
  /**
   * Asks the core process to close (account processes and their browsers, then the
   * database) and resolves once it has exited; at once when no core runs.
   */
  closeCore(): Promise<void>;
  /** Ends a core process that did not finish in time. */
  killCore(): void;
  /** app.exit: leaves without emitting before-quit again. */
  exit(code: number): void;
  warn(msg: string, data: Record<string, unknown>): void;
  /** How long the core may take to close its accounts and database. */
  readonly timeoutMs: number;
};

export type QuitSequence = {
  /** For app's `before-quit`: keeps Electron from quitting until the core has closed. */
  onBeforeQuit(event: { preventDefault(): void }): void;
  /** True from the first quit request on (windows then close instead of hiding). */
  readonly quitting: boolean;
};

/**
 * The app quits in this order: save state, close the core (awaited, at most timeoutMs,
 * then killed), exit. Electron would otherwise end main right away, leaving the core
 * process, account processes and their browsers behind, and the database mid-write.
 */
export function createQuitSequence(steps: QuitSteps): QuitSequence {
  let quitting = false;
  const run = async () => {
    try {
      steps.saveState();
    } catch (err) {
      steps.warn('could not save the window state on quit', { err: String(err) });
    }
    const outcome = await closeWithin(steps.closeCore(), steps.timeoutMs);
    if (outcome !== 'closed') {
      steps.warn('the core process did not close in time; ending it', { outcome });
      steps.killCore();
    }
    steps.exit(0);
  };
  return {
    onBeforeQuit(event) {
      // Every quit request while closing is held too; only exit() ends the app.
      event.preventDefault();
      if (quitting) return;
      quitting = true;
      void run();
    },
    get quitting() {
      return quitting;
    },
  };
}

async function closeWithin(closing: Promise<void>, ms: number): Promise<'closed' | 'timeout' | 'failed'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>(resolve => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([
      closing.then(
        () => 'closed' as const,
        () => 'failed' as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
