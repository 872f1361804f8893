/** The benchmark's outputs: a table on the terminal and `bench/results.json`. */
import { readFile, writeFile } from 'node:fs/promises';

export interface Measure {
  measure: string;
  unit: 's' | 'MB' | 'KB' | 'ms' | 'obs/s' | 'req/s' | 'count';
  ours: number;
  baseline: number;
  /** ours / baseline (for times: the median of the per-pair ratios). */
  ratio: number;
  /** The target as text, and the limit it checks. */
  target: string;
  /** `min`: the value must reach at least this (throughputs); otherwise stay below `max`. */
  limit: { on: 'ratio' | 'ours'; max: number; inclusive: boolean; min?: boolean };
}

export function passes(m: Measure): boolean {
  const value = m.limit.on === 'ratio' ? m.ratio : m.ours;
  if (m.limit.min) return m.limit.inclusive ? value >= m.limit.max : value > m.limit.max;
  return m.limit.inclusive ? value <= m.limit.max : value < m.limit.max;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const amount = (value: number, unit: Measure['unit']) =>
  `${fixed(value, unit === 's' ? 2 : unit === 'obs/s' || unit === 'req/s' || unit === 'count' ? 0 : 1)} ${unit}`;

/** The measures as an aligned text table, with PASS or MISSED for each. */
export function table(measures: readonly Measure[]): string {
  const head = ['measure', 'ours', 'baseline', 'ratio', 'target', 'result'];
  const rows = measures.map((m) => [
    m.measure,
    amount(m.ours, m.unit),
    amount(m.baseline, m.unit),
    `${fixed(m.ratio, 2)}x`,
    m.target,
    passes(m) ? 'pass' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 4 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Writes the results as stable, pretty JSON with a trailing newline (ready to commit). */
export async function writeResults(file: string, results: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}

/**
 * Adds measures to an existing results file (a part of the bench run alone): measures of the same name are
 * replaced, the others kept, and `details` is stored under `section`. Starts a new file when there is none.
 */
export async function mergeResults(
  file: string,
  section: string,
  measures: readonly Measure[],
  details: unknown,
): Promise<void> {
  let results: { measures?: { measure: string }[]; [key: string]: unknown } = {};
  try {
    results = JSON.parse(await readFile(file, 'utf8')) as typeof results;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const names = new Set(measures.map((m) => m.measure));
  results.measures = [
    ...(results.measures ?? []).filter((m) => !names.has(m.measure)),
    ...measures.map(resultOf),
  ];
  results[section] = details;
  await writeResults(file, results);
}

/** A measure as results.json keeps it: rounded, with its verdict. */
export function resultOf(m: Measure) {
  const digits = m.unit === 's' ? 3 : m.unit === 'obs/s' || m.unit === 'req/s' ? 0 : m.unit === 'ms' ? 2 : 1;
  const round = (value: number, d: number) => Number(value.toFixed(d));
  return {
    measure: m.measure,
    unit: m.unit,
    ours: round(m.ours, digits),
    baseline: round(m.baseline, digits),
    ratio: round(m.ratio, 3),
    target: m.target,
    pass: passes(m),
  };
}
