/** Pure rules about dataset metadata: what is valid, and how a frequency reads in words. No I/O. */
import { CATEGORIES } from './vocabulary.js';

export interface Problem {
  field: string;
  message: string;
}

const DATASET_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function isDatasetId(value: string): boolean {
  return DATASET_ID.test(value);
}

/** A slug from a title: lowercase ascii words joined by dashes. */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'dataset'
  );
}

interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Parses an ISO 8601 repeating duration `R/P...` (the accrualPeriodicity form); null when it is not one. */
export function parseFrequency(value: string): Duration | null {
  if (!value.startsWith('R/')) return null;
  const match = DURATION.exec(value.slice(2));
  if (!match) return null;
  const n = (part: string | undefined) => (part ? parseInt(part, 10) : 0);
  const duration = {
    years: n(match[1]),
    months: n(match[2]),
    weeks: n(match[3]),
    days: n(match[4]),
    hours: n(match[6]),
    minutes: n(match[7]),
    seconds: n(match[8]),
  };
  return Object.values(duration).some((v) => v > 0) ? duration : null;
}

export function isFrequency(value: string): boolean {
  return value === 'irregular' || value === 'continuous' || parseFrequency(value) !== null;
}

/** The nominal length of one period in milliseconds (months as 30 days, years as 365), or null. */
export function frequencyMillis(value: string): number | null {
  const d = parseFrequency(value);
  if (!d) return null;
  const day = 86_400_000;
  return (
    d.years * 365 * day +
    d.months * 30 * day +
    d.weeks * 7 * day +
    d.days * day +
    d.hours * 3_600_000 +
    d.minutes * 60_000 +
    d.seconds * 1000
  );
}

const WORDS: Record<string, string> = {
  'R/PT1M': 'every minute',
  'R/PT5M': 'every 5 minutes',
  'R/PT15M': 'every 15 minutes',
  'R/PT1H': 'hourly',
  'R/P1D': 'daily',
  'R/P1W': 'weekly',
  'R/P2W': 'every two weeks',
  'R/P1M': 'monthly',
  'R/P3M': 'quarterly',
  'R/P6M': 'twice a year',
  'R/P1Y': 'yearly',
};

/** A frequency in words for people: `R/P1D` -> "daily". */
export function describeFrequency(value: string): string {
  if (value === 'irregular') return 'irregularly';
  if (value === 'continuous') return 'continuously (live)';
  const known = WORDS[value];
  if (known) return known;
  const d = parseFrequency(value);
  if (!d) return value;
  const parts: string[] = [];
  const unit = (count: number, name: string) => {
    if (count > 0) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
  };
  unit(d.years, 'year');
  unit(d.months, 'month');
  unit(d.weeks, 'week');
  unit(d.days, 'day');
  unit(d.hours, 'hour');
  unit(d.minutes, 'minute');
  unit(d.seconds, 'second');
  return `every ${parts.join(' ')}`;
}

export interface MetadataFields {
  id?: string;
  slug?: string;
  title?: string;
  description?: string;
  category?: string;
  keywords?: string[];
  steward?: { name: string; email: string; phone?: string | null };
  update_frequency?: string;
  spatial?: readonly number[] | null;
  temporal?: { start: string | null; end: string | null } | null;
  landing_page?: string | null;
}

/** Every problem with the given fields; an empty list means they may be stored. */
export function checkMetadata(fields: MetadataFields): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (fields.id !== undefined && !isDatasetId(fields.id)) {
    add('id', 'use 1-64 lowercase letters, digits and inner dashes, like "bldg-permits"');
  }
  if (fields.slug !== undefined && fields.slug !== slugify(fields.slug)) {
    add('slug', `use lowercase words joined by dashes, like "${slugify(fields.slug)}"`);
  }
  if (fields.title !== undefined && (fields.title.trim() === '' || fields.title.length > 200)) {
    add('title', 'give a title of 1 to 200 characters');
  }
  if (fields.description !== undefined && fields.description.trim().length < 10) {
    add('description', 'describe the dataset in at least a sentence (10 characters or more)');
  }
  if (fields.category !== undefined && !CATEGORIES.some((c) => c.id === fields.category)) {
    add('category', `use one of ${CATEGORIES.map((c) => c.id).join(', ')}`);
  }
  if (fields.keywords !== undefined) {
    if (fields.keywords.length === 0) add('keywords', 'give at least one keyword (DCAT-US requires one)');
    for (const keyword of fields.keywords) {
      if (keyword.trim() === '' || keyword.length > 60)
        add('keywords', `"${keyword}" must be 1 to 60 characters`);
    }
  }
  if (fields.steward !== undefined) {
    if (fields.steward.name.trim() === '') add('steward.name', 'name the steward (a person or a team)');
    if (!EMAIL.test(fields.steward.email))
      add('steward.email', `"${fields.steward.email}" is not an email address`);
  }
  if (fields.update_frequency !== undefined && !isFrequency(fields.update_frequency)) {
    add(
      'update_frequency',
      'use an ISO 8601 repeating duration such as R/P1D or R/PT1H, or irregular, or continuous',
    );
  }
  if (fields.spatial) {
    const [west, south, east, north] = fields.spatial as [number, number, number, number];
    const lonOk = (v: number) => Number.isFinite(v) && v >= -180 && v <= 180;
    const latOk = (v: number) => Number.isFinite(v) && v >= -90 && v <= 90;
    if (!lonOk(west) || !lonOk(east) || !latOk(south) || !latOk(north)) {
      add('spatial', 'give [west, south, east, north] with longitudes in -180..180 and latitudes in -90..90');
    } else if (south > north) {
      add('spatial', 'south must not be greater than north');
    }
  }
  if (fields.temporal) {
    const { start, end } = fields.temporal;
    for (const [name, value] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (value !== null && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
        add(`temporal.${name}`, `"${value}" is not an ISO 8601 date or time`);
      }
    }
    if (start && end && Date.parse(start) > Date.parse(end)) add('temporal', 'start must not be after end');
  }
  if (fields.landing_page) {
    try {
      const url = new URL(fields.landing_page);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    } catch {
      add('landing_page', 'give an absolute http(s) URL');
    }
  }
  return problems;
}
