// Shapes shared by the benchmark suites.
export interface BenchRow {
  operation: string;
  /** e.g. "10,000 wins" */
  size: string;
  calls: number;
  /** Simulated milliseconds under the cost model. */
  ms: number;
  /** Extra columns, e.g. { 'payload': '42 KB' }. */
  extra?: Record<string, string>;
}

export interface BenchSuite {
  title: string;
  run(): BenchRow[] | Promise<BenchRow[]>;
}
