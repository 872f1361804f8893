/**
 * Metadata in words, in the visitor's language: the update frequency (`R/P1D` -> "daily", "hằng ngày",
 * "a diario"), the spatial coverage (a bounding box as latitudes, longitudes and an approximate size) and the
 * temporal coverage.
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { parseFrequency } from '../../catalog/metadata-rules.js';
import type { TimeUnit } from '../i18n/messages/dataset.js';
import { LANGUAGES } from '../i18n/lang.js';
import type { SiteInfo } from '../pages/layout.js';

const UNITS: readonly TimeUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];

/** An update frequency in words, lower case, to be read after "Updated". */
export function frequencyWords(site: SiteInfo, value: string): string {
  const t = site.t.dataset;
  if (value === 'irregular') return t.freqIrregular;
  if (value === 'continuous') return t.freqContinuous;
  const d = parseFrequency(value);
  if (!d) return value;
  const counts: Record<TimeUnit, number> = {
    year: d.years,
    month: d.months,
    week: d.weeks,
    day: d.days,
    hour: d.hours,
    minute: d.minutes,
    second: d.seconds,
  };
  const used = UNITS.filter((unit) => counts[unit] > 0);
  if (used.length === 1) return t.freqEvery(counts[used[0]!], used[0]!);
  return t.freqEveryParts(used.map((unit) => t.unitCount(counts[unit], unit)));
}

const KM_PER_DEGREE_LAT = 110.57;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

/** A bounding box (west, south, east, north) in words: its edges and its approximate size. */
export function bboxWords(site: SiteInfo, bbox: readonly number[]): string {
  const [west = 0, south = 0, east = 0, north = 0] = bbox;
  const t = site.t.dataset;
  const degrees = new Intl.NumberFormat(LANGUAGES[site.lang].locale, {
    minimumFractionDigits: 4,
    maximumFractionDigits: 4,
  });
  const lat = (v: number) => t.latitude(degrees.format(Math.abs(v)), v >= 0);
  const lon = (v: number) => t.longitude(degrees.format(Math.abs(v)), v >= 0);
  const km = new Intl.NumberFormat(LANGUAGES[site.lang].locale, { maximumFractionDigits: 1 });
  const middle = ((south + north) / 2) * (Math.PI / 180);
  const wide = Math.abs(east - west) * KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos(middle);
  const tall = Math.abs(north - south) * KM_PER_DEGREE_LAT;
  const edges = t.bboxEdges(lat(south), lat(north), lon(west), lon(east));
  if (wide < 0.05 && tall < 0.05) return edges;
  return `${edges} ${t.bboxSize(km.format(wide), km.format(tall))}`;
}

/** The temporal coverage in words, or null when the dataset gives none. */
export function temporalWords(site: SiteInfo, temporal: Dataset['temporal']): string | null {
  if (!temporal || (!temporal.start && !temporal.end)) return null;
  const t = site.t.dataset;
  const f = site.format;
  if (temporal.start && temporal.end) return t.temporalRange(f.date(temporal.start), f.date(temporal.end));
  if (temporal.start) return t.temporalSince(f.date(temporal.start));
  return t.temporalUntil(f.date(temporal.end));
}
