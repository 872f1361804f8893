/**
 * Minute rollups are stored packed: one row per datastream and UTC hour, holding the minutes of that hour that
 * have data. Sensors mostly report about once a minute, so a row per minute would cost a second index entry for
 * nearly every observation (it doubled the write cost of ingest); a row per hour costs one read and one write per
 * datastream-hour a batch touches.
 *
 * Layout: a Float64Array with a record per minute that has data, in minute order (times in epoch ms, exact in a
 * double). A minute of one observation (the usual case) is 3 numbers: its index in the hour plus 64, the time and
 * the value. Any other minute is 9: its index (0-59), n, total, min, max, first time, first value, last time, last
 * value. Stored as the array's bytes (little-endian, as every platform Plaza runs on); a full hour of one value
 * a minute is 1,440 bytes, which stays inside one database page.
 */
import type { RollupRow } from '../db/observation-store.js';
import { mergeRollup, singleRollup } from './rollup.js';
import { HOUR, MINUTE } from './time.js';

const FULL = 9;
const SINGLE = 3;
const SINGLE_FLAG = 64;

/** The minutes of one packed hour as rollup rows (resolution one minute). */
export function unpackMinutes(datastreamId: number, hour: number, packed: Float64Array): RollupRow[] {
  const rows: RollupRow[] = [];
  for (let at = 0; at < packed.length;) {
    const head = packed[at]!;
    if (head >= SINGLE_FLAG) {
      const time = packed[at + 1]!;
      const value = packed[at + 2]!;
      rows.push(singleRollup(datastreamId, MINUTE, hour + (head - SINGLE_FLAG) * MINUTE, time, value));
      at += SINGLE;
      continue;
    }
    rows.push({
      datastreamId,
      resolution: MINUTE,
      bucket: hour + packed[at]! * MINUTE,
      n: packed[at + 1]!,
      total: packed[at + 2]!,
      min: packed[at + 3]!,
      max: packed[at + 4]!,
      firstTime: packed[at + 5]!,
      firstValue: packed[at + 6]!,
      lastTime: packed[at + 7]!,
      lastValue: packed[at + 8]!,
    });
    at += FULL;
  }
  return rows;
}

/** Reads stored bytes (SQLite Buffer, PostgreSQL bytea Buffer) as a packed hour; copies when unaligned. */
export function readPacked(bytes: Uint8Array): Float64Array {
  if (bytes.byteOffset % 8 === 0)
    return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  return new Float64Array(new Uint8Array(bytes).buffer);
}

/** The minutes stored for one datastream-hour, as rollup rows. */
export const storedMinutes = (datastreamId: number, hour: number, bytes: Uint8Array): RollupRow[] =>
  unpackMinutes(datastreamId, hour, readPacked(bytes));

/**
 * Folds minute changes (rows of one datastream and hour, any order, one per minute) into a stored packed hour
 * (or none): counts and sums add, extremes widen, the earliest first and the latest last win.
 */
export function mergeMinutes(
  stored: Uint8Array | null,
  hour: number,
  changes: readonly RollupRow[],
): Uint8Array {
  const slots = new Array<RollupRow | undefined>(60);
  if (stored) for (const row of storedMinutes(0, hour, stored)) slots[(row.bucket - hour) / MINUTE] = row;
  for (const change of changes) {
    const index = (change.bucket - hour) / MINUTE;
    if (!Number.isInteger(index) || index < 0 || index >= HOUR / MINUTE) {
      throw new Error(`minute ${change.bucket} is not in the hour starting ${hour}`);
    }
    const old = slots[index];
    if (!old) {
      slots[index] = change;
      continue;
    }
    slots[index] = mergeRollup(old, change);
  }
  let size = 0;
  for (const row of slots) if (row) size += row.n === 1 ? SINGLE : FULL;
  const packed = new Float64Array(size);
  let at = 0;
  slots.forEach((row, index) => {
    if (!row) return;
    if (row.n === 1) {
      packed[at] = index + SINGLE_FLAG;
      packed[at + 1] = row.firstTime;
      packed[at + 2] = row.firstValue;
      at += SINGLE;
      return;
    }
    packed.set(
      [index, row.n, row.total, row.min, row.max, row.firstTime, row.firstValue, row.lastTime, row.lastValue],
      at,
    );
    at += FULL;
  });
  return new Uint8Array(packed.buffer);
}
