/**
 * Observation rows packed for a trip between threads: numbers in one Float64Array (transferred, not copied; NaN
 * for null), text in one array. Cheaper to move than an object per row. Result qualities repeat (most rows
 * are few and repeat: each distinct one travels once, rows point to it by index.
 */
import type { ObservationRow } from './observation-store.js';

const NUMBERS = 10;
const TEXTS = 2;

export interface PackedRows {
  count: number;
  numbers: Float64Array;
  texts: (string | null)[];
  /** The distinct result qualities of the rows. */
  qualities: string[];
}

const num = (value: number | null) => (value === null ? NaN : value);
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

export function packRows(rows: readonly ObservationRow[]): PackedRows {
  const numbers = new Float64Array(rows.length * NUMBERS);
  const texts = new Array<string | null>(rows.length * TEXTS);
  const qualities: string[] = [];
  const index = new Map<string, number>();
  rows.forEach((row, i) => {
    const n = i * NUMBERS;
    numbers[n] = row.datastreamId;
    numbers[n + 1] = row.phenomenonTime;
    numbers[n + 2] = num(row.phenomenonEnd);
    numbers[n + 3] = num(row.resultTime);
    numbers[n + 4] = num(row.resultNumber);
    numbers[n + 5] = num(row.featureId);
    numbers[n + 6] = row.receivedAt;
    numbers[n + 7] = num(row.qcFlag ?? null);
    const quality = row.resultQuality;
    let at = NaN;
    if (quality !== null) {
      at = index.get(quality) ?? NaN;
      if (Number.isNaN(at)) {
        at = qualities.push(quality) - 1;
        index.set(quality, at);
      }
    }
    numbers[n + 8] = at;
    numbers[n + 9] = num(row.qcTests ?? null);
    const t = i * TEXTS;
    texts[t] = row.resultJson;
    texts[t + 1] = row.parameters;
  });
  return { count: rows.length, numbers, texts, qualities };
}

export function unpackRows({ count, numbers, texts, qualities }: PackedRows): ObservationRow[] {
  const rows = new Array<ObservationRow>(count);
  for (let i = 0; i < count; i++) {
    const n = i * NUMBERS;
    const t = i * TEXTS;
    const quality = numbers[n + 8]!;
    rows[i] = {
      datastreamId: numbers[n]!,
      phenomenonTime: numbers[n + 1]!,
      phenomenonEnd: orNull(numbers[n + 2]!),
      resultTime: orNull(numbers[n + 3]!),
      resultNumber: orNull(numbers[n + 4]!),
      featureId: orNull(numbers[n + 5]!),
      receivedAt: numbers[n + 6]!,
      qcFlag: orNull(numbers[n + 7]!),
      qcTests: orNull(numbers[n + 9]!),
      resultJson: texts[t] ?? null,
      resultQuality: Number.isNaN(quality) ? null : qualities[quality]!,
      parameters: texts[t + 1] ?? null,
    };
  }
  return rows;
}
