/**
 * Capital improvement projects as newline-delimited GeoJSON (one Feature per line): street, signal, drainage,
 * water, park and facility projects.
 */
import { DAY, formatDate, localDate, yearOf } from '../calendar.js';
import { ARTERIALS, councilDistrict, gridLines } from '../city.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { PARKS_AND_FACILITIES } from '../places.js';
import type { Random } from '../random.js';
import { intersections, randomSite } from '../sites.js';
import { NdjsonWriter } from '../writers.js';

interface Draft {
  name: string;
  type: string;
  lon: number;
  lat: number;
  budget: [number, number];
  months: number;
  funding: readonly string[];
  description: string;
}

function draft(random: Random): Draft {
  const kind = random.int(0, 6);
  switch (kind) {
    case 0: {
      // Beach Blvd is a state highway: Caltrans paves it, not the city.
      const street = random.pick(ARTERIALS.filter((a) => a.name !== 'Beach Blvd'));
      const cuts = gridLines(street.axis === 'ew' ? 'ns' : 'ew').filter((v) =>
        ARTERIALS.some((a) => a.at === v && a.axis !== street.axis),
      );
      const i = random.int(0, Math.max(0, cuts.length - 2));
      const [a, b] = [cuts[i] as number, (cuts[i + 1] ?? cuts[i]) as number];
      const name = (v: number) => ARTERIALS.find((x) => x.at === v && x.axis !== street.axis)?.name ?? '';
      const mid = (a + b) / 2;
      const [lon, lat] = street.axis === 'ew' ? [mid, street.at] : [street.at, mid];
      return {
        name: `${street.name} Pavement Rehabilitation, ${name(a)} to ${name(b)}`,
        type: 'Street',
        lon,
        lat,
        budget: [1_800_000, 0.4],
        months: 10,
        funding: ['Measure M2', 'Gas Tax (SB 1)'],
        description: 'Grind and overlay, reconstruct failed areas, new striping and ADA curb ramps.',
      };
    }
    case 1: {
      const x = random.pick(intersections());
      return {
        name: `Traffic Signal Modernization, ${x.ns} & ${x.ew}`,
        type: 'Traffic signal',
        lon: x.lon,
        lat: x.lat,
        budget: [420_000, 0.3],
        months: 8,
        funding: ['Measure M2', 'Federal HSIP grant'],
        description:
          'New signal poles and controller, protected left-turn phasing, pedestrian countdown heads.',
      };
    }
    case 2: {
      const site = randomSite(random, { classes: { local: 1 } });
      return {
        name: `${site.street} Storm Drain Improvements`,
        type: 'Storm drain',
        lon: site.lon,
        lat: site.lat,
        budget: [900_000, 0.5],
        months: 9,
        funding: ['General Fund', 'Measure M2'],
        description: 'Replace undersized storm drain and catch basins to relieve street flooding.',
      };
    }
    case 3: {
      const site = randomSite(random, { classes: { local: 1 } });
      return {
        name: `${site.street} Water Main Replacement`,
        type: 'Water',
        lon: site.lon,
        lat: site.lat,
        budget: [1_300_000, 0.4],
        months: 11,
        funding: ['Water Enterprise Fund'],
        description: 'Replace aging cast-iron water main, services and fire hydrants.',
      };
    }
    case 4: {
      const park = random.pick(PARKS_AND_FACILITIES.filter((p) => p.acres !== null));
      const work = random.pick([
        'Playground Renovation',
        'Sports Lighting Upgrade',
        'Restroom Replacement',
        'Irrigation Upgrade',
      ]);
      return {
        name: `${park.name} ${work}`,
        type: 'Park',
        lon: park.lon,
        lat: park.lat,
        budget: [650_000, 0.5],
        months: 10,
        funding: ['Park Development Fees', 'State parks grant', 'CDBG'],
        description: `${work} at ${park.name}, with accessible paths.`,
      };
    }
    case 5: {
      const district = random.int(1, 4);
      const site = randomSite(random, { classes: { local: 3, arterial: 1 } });
      return {
        name: `ADA Curb Ramps and Sidewalk Repair, District ${district}`,
        type: 'Sidewalk',
        lon: site.lon,
        lat: site.lat,
        budget: [500_000, 0.3],
        months: 6,
        funding: ['CDBG', 'Gas Tax (SB 1)'],
        description: 'Replace uplifted sidewalk and build compliant curb ramps across the district.',
      };
    }
    default: {
      const what = random.pick([
        'HVAC Replacement',
        'Roof Replacement',
        'Solar Carport',
        'Council Chambers Audio-Visual Upgrade',
        'EV Charging Stations',
      ]);
      return {
        name: `Civic Center ${what}`,
        type: 'Facility',
        lon: -117.9925,
        lat: 33.7572,
        budget: [1_100_000, 0.5],
        months: 12,
        funding: ['General Fund', 'Facilities Replacement Fund'],
        description: `${what} at the Civic Center.`,
      };
    }
  }
}

export async function writeCapitalProjects(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('capital-projects');
  const name = 'capital-projects.ndjson';
  const out = new NdjsonWriter(context.path(name));
  const first = localDate(2018, 7, 1);
  const horizon = context.today + 2 * 365 * DAY;
  const starts = Array.from(
    { length: 56 },
    () => first + random.int(0, Math.floor((horizon - first) / DAY)) * DAY,
  ).sort((a, b) => a - b);
  const perYear = new Map<number, number>();
  const seen = new Set<string>();
  for (const start of starts) {
    let d = draft(random);
    for (let retry = 0; seen.has(d.name) && retry < 10; retry++) d = draft(random);
    if (seen.has(d.name)) continue;
    seen.add(d.name);
    const year = yearOf(start);
    const number = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, number);
    const designEnd = start + Math.round(random.range(90, 300)) * DAY;
    const end = designEnd + Math.round(d.months * 30 * random.range(0.8, 1.4)) * DAY;
    const budget = Math.round(random.logNormal(d.budget[0], d.budget[1]) / 1000) * 1000;
    const status =
      start > context.today
        ? 'Planned'
        : designEnd > context.today
          ? 'Design'
          : end > context.today
            ? 'Construction'
            : 'Completed';
    const spentShare =
      status === 'Completed'
        ? random.range(0.85, 1.08)
        : status === 'Construction'
          ? random.range(0.2, 0.8)
          : status === 'Design'
            ? random.range(0.02, 0.12)
            : 0;
    await out.feature(
      { type: 'Point', coordinates: [d.lon, d.lat] },
      {
        project_id: `CIP-${year}-${String(number).padStart(2, '0')}`,
        name: d.name,
        type: d.type,
        status,
        start_date: formatDate(start),
        completion_date: formatDate(end),
        completion_is_estimate: status !== 'Completed',
        budget,
        spent_to_date: Math.round(budget * spentShare),
        funding_source: random.pick(d.funding),
        council_district: councilDistrict(d.lon, d.lat),
        description: d.description,
      },
    );
  }
  const rows = await out.close();
  return {
    file: { name, format: 'ndjson', rows },
    meta: datasetMeta(context, {
      id: 'capital-projects',
      title: 'Capital Improvement Projects',
      category: 'city-services',
      keywords: ['capital improvement program', 'CIP', 'infrastructure', 'construction', 'streets', 'parks'],
      department: 'public-works',
      steward: STEWARDS.engineering,
      update_frequency: 'R/P1M',
      temporal: { start: formatDate(first), end: formatDate(horizon) },
      paragraphs: [
        "Projects of the city's capital improvement program: street pavement, traffic signals, storm drains, water mains, sidewalks and curb ramps, park renovations and civic buildings. **One record is one project**, with its status (planned, design, construction, completed), start and completion dates, budget, spending to date, main funding source and a representative point.",
        'Engineering updates the list monthly from the project ledger. The file is newline-delimited GeoJSON (one Feature per line, NDJSON) to show how Plaza imports line-delimited data; each project is a point with the same fields a CSV would hold.',
        'Caveats: completion dates are estimates until a project is completed (`completion_is_estimate`). The point is a single location even for projects that cover a corridor or a whole district. Budgets are the current approved budget, which changes as bids come in.',
      ],
      method:
        'projects are drawn from templates on the arterial grid, parks and the civic center, with random dates and budgets.',
    }),
  };
}
