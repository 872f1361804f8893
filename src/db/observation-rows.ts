/**
 * Observation rows packed for a trip between threads: numbers in one Float64Array (transferred, not copied; NaN
 * for null), text in one array. Cheaper to move than an object per row.
 */
import type { ObservationRow } from './observation-store.js';

const NUMBERS = 7;
const TEXTS = 3;

export interface PackedRows {
  count: number;
  numbers: Float64Array;
  texts: (string | null)[];
}

const num = (value: number | null) => (value === null ? NaN : value);
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

export function packRows(rows: readonly ObservationRow[]): PackedRows {
  const numbers = new Float64Array(rows.length * NUMBERS);
  const texts = new Array<string | null>(rows.length * TEXTS);
  rows.forEach((row, i) => {
    const n = i * NUMBERS;
    numbers[n] = row.datastreamId;
    numbers[n + 1] = row.phenomenonTime;
    numbers[n + 2] = num(row.phenomenonEnd);
    numbers[n + 3] = num(row.resultTime);
    numbers[n + 4] = num(row.resultNumber);
    numbers[n + 5] = num(row.featureId);
    numbers[n + 6] = row.receivedAt;
    const t = i * TEXTS;
    texts[t] = row.resultJson;
    texts[t + 1] = row.resultQuality;
    texts[t + 2] = row.parameters;
  });
  return { count: rows.length, numbers, texts };
}

export function unpackRows({ count, numbers, texts }: PackedRows): ObservationRow[] {
  const rows = new Array<ObservationRow>(count);
  for (let i = 0; i < count; i++) {
    const n = i * NUMBERS;
    const t = i * TEXTS;
    rows[i] = {
      datastreamId: numbers[n]!,
      phenomenonTime: numbers[n + 1]!,
      phenomenonEnd: orNull(numbers[n + 2]!),
      resultTime: orNull(numbers[n + 3]!),
      resultNumber: orNull(numbers[n + 4]!),
      featureId: orNull(numbers[n + 5]!),
      receivedAt: numbers[n + 6]!,
      resultJson: texts[t] ?? null,
      resultQuality: texts[t + 1] ?? null,
      parameters: texts[t + 2] ?? null,
    };
  }
  return rows;
}
