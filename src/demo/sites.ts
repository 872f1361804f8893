/**
 * Places where things happen: a point beside a street with its street address, ZIP code and council district.
 * Sampling follows the street network, weighted by street class and neighbourhood density, so records cluster
 * along arterials and in neighbourhoods rather than spreading like noise.
 */
import { councilDistrict, houseNumber, inCity, zipCode, type Bbox } from './city.js';
import { weighted, type Random } from './random.js';
import { LON_SCALE, streetNetwork, type StreetLine } from './streets.js';

export interface Site {
  lon: number;
  lat: number;
  address: string;
  street: string;
  zip: string;
  district: 1 | 2 | 3 | 4;
  streetClass: StreetLine['cls'];
}

/** A point beside `street` at coordinate `along`, on the north or east side (1) or the other (-1). */
export function siteOn(street: StreetLine, along: number, side: 1 | -1): Site | null {
  const setback = street.cls === 'local' ? 0.00013 : 0.00024;
  const [lon, lat] =
    street.axis === 'ew'
      ? [along, street.at + side * setback]
      : [street.at + (side * setback) / LON_SCALE, along];
  if (!inCity(lon, lat)) return null;
  const number = houseNumber(street.axis, along, side);
  return {
    lon,
    lat,
    address: `${number} ${street.name}`,
    street: street.name,
    zip: zipCode(lon, lat),
    district: councilDistrict(lon, lat),
    streetClass: street.cls,
  };
}

export interface SiteOptions {
  /** Weight per street class; a class left out is never chosen. */
  classes: Partial<Record<StreetLine['cls'], number>>;
  /** Only the part of the network inside this box. */
  within?: Bbox;
  /** Only these streets (by name). */
  streets?: readonly string[];
  /** Ignore neighbourhood density (for things spread evenly, like trees). */
  flat?: boolean;
}

interface Stretch {
  street: StreetLine;
  lo: number;
  hi: number;
}

const samplers = new Map<string, (random: Random) => Stretch>();

function sampler(options: SiteOptions): (random: Random) => Stretch {
  const key = JSON.stringify(options);
  const cached = samplers.get(key);
  if (cached) return cached;
  const entries: [Stretch, number][] = [];
  for (const street of streetNetwork()) {
    const classWeight = options.classes[street.cls] ?? 0;
    if (classWeight <= 0) continue;
    if (options.streets && !options.streets.includes(street.name)) continue;
    let lo = street.from;
    let hi = street.to;
    if (options.within) {
      const [west, south, east, north] = options.within;
      const [crossLo, crossHi, alongLo, alongHi] =
        street.axis === 'ew' ? [south, north, west, east] : [west, east, south, north];
      if (street.at < crossLo || street.at > crossHi) continue;
      lo = Math.max(lo, alongLo);
      hi = Math.min(hi, alongHi);
      if (hi <= lo) continue;
    }
    const length = (hi - lo) * (street.axis === 'ew' ? LON_SCALE : 1);
    entries.push([{ street, lo, hi }, length * classWeight * (options.flat ? 1 : street.density)]);
  }
  const pick = weighted(entries);
  samplers.set(key, pick);
  return pick;
}

/** A random site per the options; always inside the city. */
export function randomSite(random: Random, options: SiteOptions): Site {
  const pick = sampler(options);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const { street, lo, hi } = pick(random);
    const site = siteOn(street, random.range(lo, hi), random.chance(0.5) ? 1 : -1);
    if (site) return site;
  }
  throw new Error('no site found inside the city for these options');
}

/** Sites evenly spaced along one stretch of street, both sides (for trees and parked cars). */
export function sitesAlong(street: StreetLine, start: number, count: number, spacing: number, side: 1 | -1) {
  const sites: Site[] = [];
  for (let i = 0; i < count; i++) {
    const along = start + i * spacing;
    if (along < street.from || along > street.to) break;
    const site = siteOn(street, along, side);
    if (site) sites.push(site);
  }
  return sites;
}

/** Arterial intersections, with both street names (for crosswalks and collisions). */
export function intersections(): { lon: number; lat: number; ns: string; ew: string }[] {
  const streets = streetNetwork().filter((s) => s.cls !== 'local');
  const out: { lon: number; lat: number; ns: string; ew: string }[] = [];
  for (const ns of streets.filter((s) => s.axis === 'ns')) {
    for (const ew of streets.filter((s) => s.axis === 'ew')) {
      if (!inCity(ns.at, ew.at)) continue;
      out.push({ lon: ns.at, lat: ew.at, ns: ns.name, ew: ew.name });
    }
  }
  return out;
}

/** Formats a coordinate for CSV: six decimals, about 10 cm. */
export const coord = (value: number) => value.toFixed(6);

/** A parcel number (APN) like `096-123-04`, stable for an address. */
export function parcelNumber(site: Site): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < site.address.length; i++) {
    hash = Math.imul(hash ^ site.address.charCodeAt(i), 0x01000193);
  }
  hash >>>= 0;
  const book = 93 + Math.min(6, Math.floor((site.lon + 118.04) / 0.0185));
  const page = 100 + (hash % 900);
  const parcel = 1 + (Math.floor(hash / 900) % 60);
  return `${String(book).padStart(3, '0')}-${page}-${String(parcel).padStart(2, '0')}`;
}
