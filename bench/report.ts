/** The benchmark's outputs: a table on the terminal and `bench/results.json`. */
import { writeFile } from 'node:fs/promises';

export interface Measure {
  measure: string;
  unit: 's' | 'MB';
  ours: number;
  baseline: number;
  /** ours / baseline (for times: the median of the per-pair ratios). */
  ratio: number;
  /** The target as text, and the limit it checks. */
  target: string;
  limit: { on: 'ratio' | 'ours'; max: number; inclusive: boolean };
}

export function passes(m: Measure): boolean {
  const value = m.limit.on === 'ratio' ? m.ratio : m.ours;
  return m.limit.inclusive ? value <= m.limit.max : value < m.limit.max;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const amount = (value: number, unit: Measure['unit']) => `${fixed(value, unit === 's' ? 2 : 1)} ${unit}`;

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
