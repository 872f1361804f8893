/**
 * Where the traffic detectors, air quality stations and noise monitors stand: detectors at the busiest
 * signalized arterial intersections, stations and monitors at named places and beside arterials of the demo's
 * street network, each with the site facts its signals depend on.
 */
import { ARTERIALS, FREEWAYS } from '../city.js';
import { PARKS_AND_FACILITIES } from '../places.js';
import { createRandom } from '../random.js';
import { intersections, siteOn } from '../sites.js';
import { LON_SCALE, streetNetwork } from '../streets.js';
import type { Position } from '../writers.js';
import { keyOf, unit } from './hash.js';
import { scaled, stream, type NetworkThing, type StreamSpec } from './spec.js';
import { VOCABULARY, type StreamKind } from './vocabulary.js';

const MINUTE = 60_000;
const FIVE_MINUTES = 5 * MINUTE;
const HOUR = 60 * MINUTE;
/** Metres per degree of latitude. */
const METRES = 111_320;

/** Distance from a point to the nearest freeway, in metres. */
export function freewayDistance([lon, lat]: Position): number {
  let best = Infinity;
  for (const freeway of FREEWAYS) {
    for (let i = 0; i + 1 < freeway.path.length; i++) {
      const [ax, ay] = freeway.path[i] as Position;
      const [bx, by] = freeway.path[i + 1] as Position;
      const px = (lon - ax) * LON_SCALE;
      const py = lat - ay;
      const dx = (bx - ax) * LON_SCALE;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(px - t * dx, py - t * dy) * METRES);
    }
  }
  return best;
}

const APPROACHES = [
  ['N', 'north', 'southbound', 0, 1],
  ['S', 'south', 'northbound', 0, -1],
  ['E', 'east', 'westbound', 1, 0],
  ['W', 'west', 'eastbound', -1, 0],
] as const;

/** 24 detector stations at arterial-arterial intersections, widest streets first, ties in seeded order. */
export function trafficStations(seed: number, scale: number): NetworkThing[] {
  const random = createRandom(seed, 'traffic-detectors');
  const byName = new Map(ARTERIALS.map((a) => [a.name, a]));
  const candidates = intersections()
    .filter((x) => byName.has(x.ns) && byName.has(x.ew))
    .map((x) => ({ ...x, lanes: byName.get(x.ns)!.lanes + byName.get(x.ew)!.lanes, order: random.next() }))
    .sort((a, b) => b.lanes - a.lanes || a.order - b.order)
    .slice(0, 24);
  return scaled(candidates, scale).map((x, index) => {
    const id = `TD-${String(index + 1).padStart(2, '0')}`;
    const streams: StreamSpec[] = [];
    const detectors: Record<string, unknown>[] = [];
    for (const [code, from, direction, dx, dy] of APPROACHES) {
      const street = byName.get(dx === 0 ? x.ns : x.ew)!;
      // Morning traffic heads south and east toward the I-405 and the job centers; evenings reverse it.
      const tide = direction === 'southbound' || direction === 'eastbound' ? 1 : -1;
      const site = {
        type: 'approach' as const,
        lanes: street.lanes / 2,
        speedLimit: street.speed,
        tide: tide * (0.5 + random.next() * 0.5),
        share: 0.8 + random.next() * 0.4,
      };
      const count = stream(seed, id, `${code}:vehicles`, {
        kind: 'vehicles',
        name: `${x.ns} & ${x.ew}, ${direction} (${from} approach): ${VOCABULARY.vehicles.label}`,
        cadence: FIVE_MINUTES,
        interval: true,
        site,
      });
      const speed = stream(seed, id, `${code}:speed`, {
        kind: 'speed',
        name: `${x.ns} & ${x.ew}, ${direction} (${from} approach): ${VOCABULARY.speed.label}`,
        cadence: FIVE_MINUTES,
        interval: true,
        site: { ...site, count },
      });
      streams.push(count, speed);
      // Detectors sit about 40 m upstream of the stop bar, in the approach's lanes.
      const metres = 40 / METRES;
      detectors.push({
        approach: code,
        street: street.name,
        direction,
        lanes: site.lanes,
        speed_limit_mph: street.speed,
        location: [x.lon + (dx * metres) / LON_SCALE, x.lat + dy * metres],
      });
    }
    return {
      datasetId: 'traffic-counts',
      externalId: id,
      name: `Traffic detectors ${x.ns} & ${x.ew}`,
      description: `Vehicle counts and mean speeds per approach at the signalized intersection of ${x.ns} and ${x.ew}, in 5-minute bins.`,
      properties: { station_id: id, intersection: `${x.ns} & ${x.ew}`, bin: 'PT5M', detectors },
      location: [x.lon, x.lat],
      locationName: `${x.ns} & ${x.ew}`,
      streams,
    } satisfies NetworkThing;
  });
}

/** A point beside a grid street, `metres` from where it crosses another, on the given side. */
function besideStreet(street: string, crossing: number, metres: number, side: 1 | -1) {
  const line = streetNetwork().find((s) => s.name === street && s.cls !== 'local')!;
  const along = crossing + (metres / METRES) * (line.axis === 'ew' ? 1 / LON_SCALE : 1);
  return siteOn(line, along, side)!;
}

const place = (name: string): Position => {
  const found = PARKS_AND_FACILITIES.find((p) => p.name === name);
  if (!found) throw new Error(`no place named ${name}`);
  return [found.lon, found.lat];
};

const AIR_SITES: readonly { name: string; at: Position; warmth: number }[] = [
  { name: 'Westminster Civic Center', at: place('Westminster Civic Center'), warmth: 0.6 },
  { name: 'Little Saigon Heritage Plaza', at: place('Little Saigon Heritage Plaza'), warmth: 0.8 },
  { name: 'Sigler Park', at: place('Sigler Park'), warmth: 0.4 },
  { name: 'Liberty Park', at: place('Liberty Park'), warmth: 0 },
  { name: 'Goldenwest Sports Complex', at: place('Goldenwest Sports Complex'), warmth: 0.2 },
  { name: 'Bushard Park', at: place('Bushard Park'), warmth: 0.5 },
  { name: 'Trask Meadows Park', at: place('Trask Meadows Park'), warmth: 1 },
  { name: 'Springdale Park', at: place('Springdale Park'), warmth: 0.3 },
  { name: 'Cascade Park', at: place('Cascade Park'), warmth: 0.7 },
  { name: 'Willow Creek Park', at: place('Willow Creek Park'), warmth: 0 },
];

const AIR_STREAMS: readonly [StreamKind, number, boolean][] = [
  ['pm25', MINUTE, false],
  ['pm10', MINUTE, false],
  ['temperature', MINUTE, false],
  ['humidity', MINUTE, false],
  // Reference-grade gas analyzers report hourly averages (the catalog entry says so).
  ['o3', HOUR, true],
  ['no2', HOUR, true],
];

/** 10 air quality stations: PM, temperature and humidity every minute, O3 and NO2 hourly. */
export function airStations(seed: number, scale: number): NetworkThing[] {
  return scaled(AIR_SITES, scale).map((site, index) => {
    const id = `AQ-${String(index + 1).padStart(2, '0')}`;
    const distance = freewayDistance(site.at);
    // Within 300 m of a freeway PM and NO2 run clearly higher; the effect fades by about a kilometre.
    const road = Math.max(0.15, Math.min(1, 1 - (distance - 150) / 900));
    const pmBase = 7.5 + 3 * unit(seed, index) + 3 * road;
    const phase = Math.floor(unit(seed ^ 0x51ed, index) * 60);
    const streams = AIR_STREAMS.map(([kind, cadence, interval]) =>
      stream(seed, id, kind, {
        kind,
        name: `${site.name} ${VOCABULARY[kind].label}`,
        cadence,
        interval,
        phase: interval ? 0 : phase * 1000,
        site: {
          type: 'air',
          pmBase,
          road,
          warmth: site.warmth,
          station: keyOf(seed, id),
          region: keyOf(seed, 'weather'),
        },
      }),
    );
    return {
      datasetId: 'air-quality',
      externalId: id,
      name: `Air quality station ${site.name}`,
      description: `Air quality station at ${site.name}: PM2.5, PM10, temperature and humidity every minute; ozone and nitrogen dioxide as hourly means.`,
      properties: { station_id: id, freeway_distance_m: Math.round(distance) },
      location: site.at,
      locationName: site.name,
      streams,
    } satisfies NetworkThing;
  });
}

const NOISE_SITES: readonly { name: string; at: () => Position; quiet: number; loud: number }[] = [
  {
    name: 'Beach Blvd at Westminster Blvd',
    at: () => pointOf(besideStreet('Beach Blvd', 33.759, 35, 1)),
    quiet: 55,
    loud: 77,
  },
  {
    name: 'Bolsa Ave at Magnolia St (Little Saigon)',
    at: () => pointOf(besideStreet('Bolsa Ave', -117.972, 40, 1)),
    quiet: 52,
    loud: 75,
  },
  {
    name: 'Brookhurst St at Bolsa Ave',
    at: () => pointOf(besideStreet('Brookhurst St', 33.745, -35, -1)),
    quiet: 53,
    loud: 76,
  },
  {
    name: 'Westminster Civic Center plaza',
    at: () => place('Westminster Civic Center'),
    quiet: 46,
    loud: 66,
  },
  { name: 'Sigler Park', at: () => place('Sigler Park'), quiet: 43, loud: 60 },
  {
    name: 'Newland St near the I-405',
    at: () => pointOf(besideStreet('Newland St', 33.738, -60, 1)),
    quiet: 58,
    loud: 74,
  },
  { name: 'Palm Avenue Park', at: () => place('Palm Avenue Park'), quiet: 42, loud: 58 },
  {
    name: 'Goldenwest St at McFadden Ave',
    at: () => pointOf(besideStreet('Goldenwest St', 33.738, 40, -1)),
    quiet: 52,
    loud: 76,
  },
];

const pointOf = (site: { lon: number; lat: number }): Position => [site.lon, site.lat];

/** 8 noise monitors: LAeq per minute beside arterials, in parks and at the Civic Center. */
export function noiseMonitors(seed: number, scale: number): NetworkThing[] {
  return scaled(NOISE_SITES, scale).map((site, index) => {
    const id = `NM-${String(index + 1).padStart(2, '0')}`;
    const laeq = stream(seed, id, 'laeq', {
      kind: 'laeq',
      name: `${site.name} ${VOCABULARY.laeq.label}`,
      cadence: MINUTE,
      interval: true,
      phase: Math.floor(unit(seed ^ 0x0a15e, index) * 60) * 1000,
      site: { type: 'noise', quiet: site.quiet, loud: site.loud },
    });
    return {
      datasetId: 'noise-levels',
      externalId: id,
      name: `Noise monitor ${site.name}`,
      description: `Sound level meter at ${site.name} logging the A-weighted equivalent level (LAeq) of every minute.`,
      properties: { monitor_id: id },
      location: site.at(),
      locationName: site.name,
      streams: [laeq],
    } satisfies NetworkThing;
  });
}
