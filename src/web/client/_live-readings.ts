/**
 * The live page's readings as the island keeps them: one entry per datastream, with its table row and map
 * marker, updated together so that the table, the legend's counts and the map always show the same value.
 */
import { DATE_TIME_OPTIONS } from '../format.js';
import { bandOf, markerText, takenAt, type Band, type LayerKind } from '../live/live-bands.js';
import type { Investigation } from './_report-link.js';

export interface LiveText {
  bands: Record<string, string>;
  updated: string;
  paused: string;
  interrupted: string;
  pause: string;
  resume: string;
  /** "Report a problem" and "Under investigation: {number}". */
  report: string;
  investigation: string;
}

export interface Reading {
  kind: LayerKind;
  datastream: number;
  name: string;
  unit: string | null;
  result: unknown;
  /** When it was taken (ISO), null before the first reading. */
  time: string | null;
  band: Band;
  /** The dataset the reading belongs to (its report form). */
  dataset: string;
  /** An open problem report naming the datastream. */
  investigation: Investigation | null;
  row?: HTMLTableRowElement;
  /** Called after a change, to redraw the reading's marker. */
  redraw?: (reading: Reading) => void;
}

export interface Formats {
  number: Intl.NumberFormat;
  dateTime: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

export function formats(locale: string, timeZone: string): Formats {
  return {
    number: new Intl.NumberFormat(locale),
    dateTime: new Intl.DateTimeFormat(locale, { ...DATE_TIME_OPTIONS, timeZone }),
    time: new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }),
  };
}

/** The reading as text with its unit ("12.5 µg/m³"), or a dash. */
export function readingText(reading: Reading, f: Formats): string {
  const { result, unit } = reading;
  if (result === null || result === undefined) return '—';
  const value = typeof result === 'number' ? f.number.format(result) : String(result);
  return unit ? `${value} ${unit}` : value;
}

/** A band's mark: the same shape, colour and symbol as the map's. */
export function swatch(kind: LayerKind, band: Band, text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `live-mark live-mark--${kind} live-b-${band}`;
  span.setAttribute('aria-hidden', 'true');
  span.textContent = text;
  return span;
}

/** The readings of the server-rendered tables, by datastream id. */
export function readTables(root: HTMLElement): Map<number, Reading> {
  const readings = new Map<number, Reading>();
  for (const section of root.querySelectorAll<HTMLElement>('section[data-layer]')) {
    const kind = section.dataset.layer as LayerKind;
    const dataset = section.dataset.dataset ?? '';
    for (const row of section.querySelectorAll<HTMLTableRowElement>('tr[data-datastream]')) {
      const datastream = Number(row.dataset.datastream);
      const time = row.querySelector('time')?.getAttribute('datetime') ?? null;
      let investigation: Investigation | null = null;
      try {
        investigation = row.dataset.investigation
          ? (JSON.parse(row.dataset.investigation) as Investigation)
          : null;
      } catch {
        investigation = null;
      }
      readings.set(datastream, {
        kind,
        datastream,
        dataset,
        investigation,
        name: (row.querySelector('.live-name') ?? row.querySelector('th'))?.textContent?.trim() ?? '',
        unit: null,
        result: undefined,
        time,
        band: (row.dataset.band ?? 'unknown') as Band,
        row,
      });
    }
  }
  return readings;
}

/**
 * Applies a reading when it is not older than the one shown (events may come late or twice); true when it
 * changed anything.
 */
export function apply(
  reading: Reading,
  update: { result: unknown; phenomenonTime: string | null; unit?: string | null },
  f: Formats,
  text: LiveText,
): boolean {
  const time = takenAt(update.phenomenonTime);
  if (time === null) return false;
  if (reading.time !== null && Date.parse(time) < Date.parse(reading.time)) return false;
  if (update.unit !== undefined) reading.unit = update.unit;
  reading.result = update.result;
  reading.time = time;
  reading.band = bandOf(reading.kind, update.result);
  if (reading.row) drawRow(reading, f, text);
  reading.redraw?.(reading);
  return true;
}

function drawRow(reading: Reading, f: Formats, text: LiveText): void {
  const row = reading.row!;
  row.dataset.band = reading.band;
  const value = row.querySelector('.live-reading');
  if (value) value.textContent = readingText(reading, f);
  const band = row.querySelector('.live-band');
  if (band) {
    const mark = reading.kind === 'parking' ? markerText('parking', reading.result) : '';
    const label = document.createElement('span');
    label.className = 'live-label';
    label.textContent = text.bands[reading.band] ?? reading.band;
    band.replaceChildren(swatch(reading.kind, reading.band, mark), ' ', label);
  }
  const cell = row.querySelector('.live-time');
  if (cell && reading.time) {
    const time = document.createElement('time');
    time.dateTime = reading.time;
    time.textContent = f.dateTime.format(new Date(reading.time));
    cell.replaceChildren(time);
  }
}

/** Recounts the legend of each layer from the readings. */
export function recount(root: HTMLElement, readings: Map<number, Reading>, f: Formats): void {
  const counts = new Map<string, number>();
  for (const r of readings.values()) {
    const key = `${r.kind}:${r.band}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const section of root.querySelectorAll<HTMLElement>('section[data-layer]')) {
    for (const item of section.querySelectorAll<HTMLElement>('li[data-band]')) {
      const count = item.querySelector('.live-count');
      const value = f.number.format(counts.get(`${section.dataset.layer}:${item.dataset.band}`) ?? 0);
      if (count && count.textContent !== value) count.textContent = value;
    }
  }
}
