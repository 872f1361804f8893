/**
 * The chart's text alternative: a summary of the series over the period (minimum, maximum, mean, latest) and
 * a table of the values per interval, from the same answer the chart draws.
 */

/** The series API's answer, columnar: the i-th bucket is the i-th element of each array. */
export interface SeriesAnswer {
  buckets: {
    start: string[];
    avg?: (number | null)[];
    min?: (number | null)[];
    max?: (number | null)[];
    count?: (number | null)[];
    last?: (number | null)[];
  };
}

export interface Summary {
  min: number;
  max: number;
  mean: number;
  latest: number;
  /** The start of the bucket the latest value is in. */
  latestStart: string;
}

const nums = (values: readonly (number | null)[] | undefined) =>
  (values ?? []).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

/** The summary of the buckets, or null when there are none. */
export function summarize(answer: SeriesAnswer): Summary | null {
  const b = answer.buckets;
  const n = b.start.length;
  if (n === 0) return null;
  const mins = nums(b.min);
  const maxes = nums(b.max);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const avg = b.avg?.[i];
    const c = b.count?.[i];
    if (typeof avg === 'number' && typeof c === 'number' && c > 0) {
      sum += avg * c;
      count += c;
    }
  }
  let latestIndex = n - 1;
  while (latestIndex >= 0 && typeof b.last?.[latestIndex] !== 'number') latestIndex--;
  if (mins.length === 0 || maxes.length === 0 || count === 0 || latestIndex < 0) return null;
  return {
    min: Math.min(...mins),
    max: Math.max(...maxes),
    mean: sum / count,
    latest: b.last![latestIndex]!,
    latestStart: b.start[latestIndex]!,
  };
}

export interface TableText {
  caption: string;
  colStart: string;
  colMean: string;
  colMin: string;
  colMax: string;
  colCount: string;
  tableCapped: string;
}

/** At most this many rows in the data table (the latest ones); the CSV has them all. */
export const TABLE_ROWS = 1000;

/** The data table of the buckets (the latest TABLE_ROWS of them), with a note when some are left out. */
export function bucketTable(
  answer: SeriesAnswer,
  text: TableText,
  value: (v: number | null | undefined) => string,
  time: (iso: string) => string,
  count: (n: number) => string,
): HTMLElement[] {
  const b = answer.buckets;
  const n = b.start.length;
  const from = Math.max(0, n - TABLE_ROWS);
  const table = document.createElement('table');
  table.className = 'usa-table usa-table--borderless usa-table--compact';
  const caption = table.createCaption();
  caption.textContent = text.caption;
  const head = table.createTHead().insertRow();
  for (const label of [text.colStart, text.colMean, text.colMin, text.colMax, text.colCount]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (let i = from; i < n; i++) {
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = time(b.start[i]!);
    row.append(th);
    for (const cell of [value(b.avg?.[i]), value(b.min?.[i]), value(b.max?.[i]), count(b.count?.[i] ?? 0)]) {
      row.insertCell().textContent = cell;
    }
  }
  // A table wider than a phone scrolls sideways: the region takes focus, so that a keyboard can scroll it.
  const scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', text.caption);
  scroll.append(table);
  if (from === 0) return [scroll];
  const note = document.createElement('p');
  note.textContent = text.tableCapped.replace('{n}', count(n - from)).replace('{total}', count(n));
  return [note, scroll];
}
