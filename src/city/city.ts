/**
 * The city's own configuration: a folder (`PLAZA_CITY_DIR`, by default the Westminster demo in `city/westminster`)
 * holding `city.json` (name, colours, seal, map, featured datasets, the home page's live strip) and `content/`
 * (the Markdown of the about, terms, licences, privacy and FAQ pages, one file per language). Read once at start
 * and checked, so that a typo stops the server with a message instead of breaking pages later.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });
const Localized = Type.Object({
  en: Type.String(),
  vi: Type.Optional(Type.String()),
  es: Type.Optional(Type.String()),
});
const Bbox = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]);

export const CityProfileSchema = Type.Object({
  /** The name as the header shows it ("City of Westminster"); PLAZA_CITY_NAME overrides it. */
  name: Type.String({ minLength: 1 }),
  /** A short name for tight places ("Westminster"). */
  shortName: Type.String({ minLength: 1 }),
  /** The portal's one-line promise on the home page, per language. */
  tagline: Localized,
  colours: Type.Object({
    /** Header, buttons and links: must reach 4.5:1 contrast against white. */
    primary: Colour,
    /** Hover and the footer. */
    primaryDark: Colour,
    /** Highlights (focus ring excepted, which stays the accessible default). */
    accent: Colour,
  }),
  /** A square image file in the city folder for the header (SVG or PNG); a plain disc when absent. */
  seal: Type.Optional(Type.String()),
  map: Type.Object({
    /** Tile URL template ({z}/{x}/{y}); PLAZA_BASEMAP_URL overrides it; "" for no basemap. */
    basemap: Type.String(),
    attribution: Type.String(),
    maxZoom: Type.Integer({ minimum: 1, maximum: 22 }),
    /** Where maps open before they fit their features: [lon, lat] and zoom. */
    center: Type.Tuple([Type.Number(), Type.Number()]),
    zoom: Type.Integer({ minimum: 1, maximum: 22 }),
  }),
  /** Dataset ids featured on the home page, in order (unknown or hidden ones are left out). */
  featured: Type.Array(Type.String()),
  /** The home page's live strip. */
  live: Type.Object({
    parking: Type.Optional(Type.Object({ dataset: Type.String(), area: Localized, bbox: Bbox })),
    airQuality: Type.Optional(Type.Object({ dataset: Type.String(), observedProperty: Type.String() })),
    /** The live map's traffic layer: a speed datastream per detector approach. */
    traffic: Type.Optional(Type.Object({ dataset: Type.String(), observedProperty: Type.String() })),
  }),
  /** The records desk (public records requests): the city's business hours and holidays for the legal clock. */
  records: Type.Optional(
    Type.Object({
      /** Close of business, local "HH:MM": a request received later counts from the next day. */
      closeOfBusiness: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
      /** Days after a denial or fee decision in which the requester may ask the Clerk to reconsider it. */
      reconsiderationDays: Type.Integer({ minimum: 1, maximum: 365 }),
      /** A request is "due soon" this many days before its due date. */
      dueSoonDays: Type.Integer({ minimum: 0, maximum: 10 }),
      /** A JSON file in the city folder: [{ "date": "YYYY-MM-DD", "name": "..." }], the city's holidays. */
      holidays: Type.String(),
      /** The Clerk's office as the denial and reconsideration notices name it. */
      clerk: Type.Object({ name: Type.String(), title: Type.String(), email: Type.String() }),
    }),
  ),
  /**
   * The stewardship watches (metadata completeness and freshness): how long a steward has to fix a dataset after a
   * corrective notice, when it escalates, whether the dataset is withdrawn until fixed, when the daily digest goes
   * out, and the city's own metadata rules on top of DCAT-US. Defaults (src/desk/stewardship/policy.ts) when absent.
   */
  stewardship: Type.Optional(
    Type.Object({
      /** Days from a corrective notice to its due date. */
      noticeDays: Type.Integer({ minimum: 1, maximum: 365 }),
      /** Days after the due date before the notice escalates to the administrators (0: at once). */
      escalateAfterDays: Type.Integer({ minimum: 0, maximum: 365 }),
      /** Unpublish a dataset whose notice escalated, with a public note, until it is complete again. */
      withdrawOnExpiry: Type.Boolean(),
      /** Local hour (0-23) from which the daily digest of each department is sent. */
      digestHour: Type.Integer({ minimum: 0, maximum: 23 }),
      /** The city's own metadata rules, on top of DCAT-US 1.1. */
      rules: Type.Object({
        /** Shortest description, in characters. */
        minDescriptionLength: Type.Integer({ minimum: 1, maximum: 5000 }),
        /** Fewest keywords (DCAT-US asks for one). */
        minKeywords: Type.Integer({ minimum: 1, maximum: 50 }),
        /** A telephone number for the steward. */
        requireStewardPhone: Type.Boolean(),
        /** A description for every column of a table. */
        requireColumnDescriptions: Type.Boolean(),
        /** A bounding box for datasets that have places (geometries, sensors). */
        requireSpatial: Type.Boolean(),
        /** A time period for datasets whose records are dated (date columns, sensors). */
        requireTemporal: Type.Boolean(),
      }),
    }),
  ),
  /** The portal team's address for questions about the portal itself. */
  contactEmail: Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' }),
});

export type CityProfile = Static<typeof CityProfileSchema>;

export interface Holiday {
  date: string;
  name: string;
}

export interface City extends CityProfile {
  /** The folder the profile came from (for the seal and the content pages). */
  dir: string;
  /** The city's holidays (from `records.holidays`), oldest first; empty without a records desk. */
  holidays: readonly Holiday[];
}

const HolidaysSchema = Type.Array(
  Type.Object({ date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), name: Type.String() }),
);

function readHolidays(dir: string, file: string | undefined): Holiday[] {
  if (!file) return [];
  const path = join(dir, file);
  if (!existsSync(path))
    throw new CityConfigError(`the holidays file ${path} named in city.json does not exist`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CityConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Value.Check(HolidaysSchema, parsed)) {
    const first = [...Value.Errors(HolidaysSchema, parsed)][0];
    throw new CityConfigError(`${path}: ${first?.path || '/'} ${first?.message ?? 'is invalid'}`);
  }
  return [...parsed].sort((a, b) => a.date.localeCompare(b.date));
}

export class CityConfigError extends Error {}

/** The folder of the shipped demo city: found by walking up from this module (sources, bundle or build). */
export function defaultCityDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'city', 'westminster');
    if (existsSync(join(candidate, 'city.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new CityConfigError('the city folder city/westminster was not found beside the sources');
}

const cache = new Map<string, City>();

/** Reads and checks `city.json` of a city folder (once per folder per process). */
export function loadCity(
  folder: string | undefined,
  overrides: { name?: string; basemap?: string } = {},
): City {
  const dir = resolve(folder ?? defaultCityDir());
  const key = `${dir}\0${overrides.name ?? ''}\0${overrides.basemap ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const file = join(dir, 'city.json');
  if (!existsSync(file)) throw new CityConfigError(`PLAZA_CITY_DIR has no city.json: ${file}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CityConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Value.Check(CityProfileSchema, parsed)) {
    const first = [...Value.Errors(CityProfileSchema, parsed)][0];
    throw new CityConfigError(`${file}: ${first?.path || '/'} ${first?.message ?? 'is invalid'}`);
  }
  const city: City = {
    ...parsed,
    name: overrides.name ?? parsed.name,
    map: { ...parsed.map, basemap: overrides.basemap ?? parsed.map.basemap },
    dir,
    holidays: readHolidays(dir, parsed.records?.holidays),
  };
  cache.set(key, city);
  return city;
}
