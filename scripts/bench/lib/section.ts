// The shape of one benchmark section (scripts/bench/NN-name.ts default export).

export interface Figure {
  label: string;
  /** Printed as is, e.g. "84 ms" or "812 kB". */
  value: string;
  /** The limit, printed beside the value, e.g. "≤ 100 ms". */
  budget?: string;
  /** Whether the value is within the budget (ignored without a budget). */
  ok?: boolean;
}

export interface BenchSection {
  name: string;
  run(): Promise<Figure[]>;
}
