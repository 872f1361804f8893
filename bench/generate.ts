/**
 * The benchmark's input: a deterministic CSV of building-permit-like rows with 12 columns, one of them a
 * WKT point inside Westminster, CA. Streamed to disk in chunks, so any row count fits in memory.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export const HEADER = [
  'id',
  'permit_number',
  'category',
  'zip',
  'valuation',
  'floor_area',
  'units',
  'issued_date',
  'inspected_at',
  'finaled',
  'description',
  'location',
] as const;

/** Type overrides for the import: ZIP codes look like integers but are identifiers. */
export const TYPE_OVERRIDES = 'zip=text';

const CATEGORIES = [
  'Residential Addition',
  'Residential Remodel',
  'Commercial Tenant Improvement',
  'Electrical',
  'Plumbing',
  'Mechanical',
  'Re-Roof',
  'Solar PV',
  'Demolition',
  'Pool/Spa',
  'Sign',
  'Fence/Wall',
];
const ZIPS = ['92683', '92684', '92685', '92655', '92708', '92841', '92844'];
const WORK = ['Replace', 'Install', 'Repair', 'Remove', 'Upgrade', 'Add'];
const ITEMS = [
  'windows',
  'water heater',
  'electrical panel',
  'HVAC unit',
  'roof',
  'patio cover',
  'block wall',
];

const WEST = -118.04;
const EAST = -117.93;
const SOUTH = 33.72;
const NORTH = 33.79;
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1) / DAY_MS;
const DAYS = Date.UTC(2025, 0, 1) / DAY_MS - FIRST_DAY;
const CHUNK_ROWS = 5_000;

/** A small deterministic generator (xorshift32): the same seed gives the same file on every machine. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

function isoDate(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** A CSV cell: quoted when it holds a comma, quote or line break (RFC 4180). */
function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function description(random: () => number, n: number): string {
  const work = `${pick(random, WORK)} ${pick(random, ITEMS)}`;
  const r = random();
  if (r < 0.3) return `${work}, per plan ${n % 997}`;
  if (r < 0.5) return `${work} "like for like", no structural changes`;
  if (r < 0.6) return `Owner says: "${work}, then final"`;
  return work;
}

/** One data line (without the line break) for the 1-based row number `n`. */
function line(random: () => number, n: number): string {
  const issuedDay = FIRST_DAY + Math.floor(random() * DAYS);
  const inspected =
    random() < 0.1
      ? ''
      : new Date(
          (issuedDay + 1 + Math.floor(random() * 60)) * DAY_MS +
            Math.floor(random() * 36_000) * 1000 +
            25_200_000,
        )
          .toISOString()
          .replace('.000Z', 'Z');
  const lon = (WEST + random() * (EAST - WEST)).toFixed(6);
  const lat = (SOUTH + random() * (NORTH - SOUTH)).toFixed(6);
  return [
    String(n),
    `B${isoDate(issuedDay).slice(0, 4)}-${String(n).padStart(7, '0')}`,
    cell(pick(random, CATEGORIES)),
    pick(random, ZIPS),
    (random() * 250_000).toFixed(2),
    (100 + random() * 4_900).toFixed(1),
    String(Math.floor(random() * 13)),
    isoDate(issuedDay),
    inspected,
    random() < 0.7 ? 'true' : 'false',
    cell(description(random, n)),
    `POINT (${lon} ${lat})`,
  ].join(',');
}

/** Writes `rows` data rows plus a header to `file` (CRLF line ends); resolves to the file's size in bytes. */
export async function generateCsv(file: string, rows: number, seed = 20_250_101): Promise<number> {
  const random = randomSource(seed);
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${HEADER.join(',')}\r\n`);
  for (let start = 1; start <= rows; start += CHUNK_ROWS) {
    const end = Math.min(rows, start + CHUNK_ROWS - 1);
    let chunk = '';
    for (let n = start; n <= end; n++) chunk += `${line(random, n)}\r\n`;
    await write(chunk);
  }
  out.end();
  await once(out, 'close');
  return bytes;
}
