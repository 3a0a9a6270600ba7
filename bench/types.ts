/** One measured figure. `ratio` compares `value` with `baseline` measured in the same run. */
export type BenchResult = {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: number;
  readonly ratio?: number;
  /** The target as written in the issue, e.g. '<= 20' or '>= 50000'. */
  readonly target?: string;
  readonly note?: string;
  /**
   * The size this figure was measured at, named by what was counted, e.g.
   * `{ messages: 1_000_000, chats: 10_000 }` or `{ accounts: 5 }`. Written to latest.json
   * with every result, so a figure from a smoke run cannot pass for a full-scale one.
   */
  readonly scale: Readonly<Record<string, number>>;
};

/** Each bench/<area>.bench.ts exports `run`; bench/index.ts runs them all. */
export type BenchModule = { run(opts: BenchOptions): Promise<BenchResult[]> };

export type BenchOptions = {
  /** 'full' uses the sizes of the issues (1M messages…); 'quick' a small smoke size. */
  readonly scale: 'full' | 'quick';
  /** A scratch folder for this run's databases and servers. */
  readonly workDir: string;
};
