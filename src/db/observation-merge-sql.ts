/**
 * The SET clauses that fold a change (`excluded`) into a stored rollup (alias `r`) or datastream state (alias
 * `s`): the rules of sensors/rollup.ts in SQL. Both dialects share them; only the names of the two-argument
 * minimum and maximum differ (SQLite's min/max, PostgreSQL's least/greatest).
 */
export interface MinMax {
  /** Smallest of two values; for the state's result range it must ignore a NULL side. */
  least: (a: string, b: string) => string;
  greatest: (a: string, b: string) => string;
}

export function rollupMerge({ least, greatest }: MinMax): string {
  return `n = r.n + excluded.n,
    total = r.total + excluded.total,
    min = ${least('r.min', 'excluded.min')},
    max = ${greatest('r.max', 'excluded.max')},
    first_value = CASE WHEN excluded.first_time < r.first_time THEN excluded.first_value ELSE r.first_value END,
    first_time = ${least('r.first_time', 'excluded.first_time')},
    last_value = CASE WHEN excluded.last_time > r.last_time THEN excluded.last_value ELSE r.last_value END,
    last_time = ${greatest('r.last_time', 'excluded.last_time')}`;
}

const LATEST = [
  'latest_id',
  'latest_end',
  'latest_result_time',
  'latest_number',
  'latest_json',
  'latest_quality',
  'latest_received_at',
  'latest_qc_flag',
  'latest_qc_tests',
];

export function stateMerge({ least, greatest }: MinMax): string {
  const later = LATEST.map(
    (c) => `${c} = CASE WHEN excluded.latest_time > s.latest_time THEN excluded.${c} ELSE s.${c} END`,
  );
  return [
    'observations = s.observations + excluded.observations',
    `phenomenon_start = ${least('s.phenomenon_start', 'excluded.phenomenon_start')}`,
    `phenomenon_end = ${greatest('s.phenomenon_end', 'excluded.phenomenon_end')}`,
    `result_start = ${least('s.result_start', 'excluded.result_start')}`,
    `result_end = ${greatest('s.result_end', 'excluded.result_end')}`,
    ...later,
    // Last: the CASEs above compare against the stored latest_time, which every SET reads as it was.
    `latest_time = ${greatest('s.latest_time', 'excluded.latest_time')}`,
  ].join(',\n    ');
}
