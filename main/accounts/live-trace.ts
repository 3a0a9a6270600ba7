/**
 * Marks on a live message's way through the core, for the benchmark's breakdown of
 * accounts.ingest_to_event (docs/accounts.md): when its account process sent it, when the
 * core received it, and when the store began and finished it. Off unless a trace is given
 * (the core process's `liveTrace` setting); the app never sets one.
 */
export type LiveTrace = {
  /** A live message reached the core; `sentAt` is its account process's clock when sent. */
  received(accountId: string, providerMessageId: string, sentAt: number | undefined, receivedAt: number): void;
  /**
   * One store call that held messages: when it started and returned (Date.now()) and the
   * store's own transaction time when the sink reports it. Only messages `received` count.
   */
  stored(
    messages: ReadonlyArray<{ readonly accountId: string; readonly providerMessageId: string }>,
    startedAt: number,
    endedAt: number,
    transactionMs: number | null,
  ): void;
};
