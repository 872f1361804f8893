/** Polygons: the four council districts and the zoning map. */
import {
  ARTERIALS,
  LITTLE_SAIGON,
  MIDWAY_CITY,
  boxRing,
  districtRings,
  inBox,
  superblocks,
  type Bbox,
  type Cell,
} from '../city.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { signedArea } from '../geometry.js';
import { PARKS_AND_FACILITIES } from '../places.js';
import { createRandom, type Random } from '../random.js';
import { LON_SCALE } from '../streets.js';
import { GeoJsonWriter, type Position } from '../writers.js';

const SQ_METERS_PER_SQ_DEGREE = 111_320 * LON_SCALE * 110_574;

/** Area of a ring in square meters. */
const ringArea = (ring: readonly Position[]) => Math.abs(signedArea(ring)) * SQ_METERS_PER_SQ_DEGREE;

export async function writeCouncilDistricts(context: DemoContext): Promise<DemoDataset> {
  const name = 'council-districts.geojson';
  const out = await GeoJsonWriter.open(context.path(name));
  for (const district of [1, 2, 3, 4] as const) {
    const rings = districtRings(district);
    const [outer, ...holes] = rings.map(ringArea);
    const area = (outer ?? 0) - holes.reduce((a, b) => a + b, 0);
    await out.feature(
      { type: 'Polygon', coordinates: rings },
      {
        district,
        name: `Council District ${district}`,
        council_member: `Council Member (District ${district})`,
        area_sq_mi: Math.round((area / 2_589_988) * 100) / 100,
      },
    );
  }
  const rows = await out.close();
  return {
    file: { name, format: 'geojson', rows },
    meta: datasetMeta(context, {
      id: 'council-districts',
      title: 'City Council Districts',
      category: 'government',
      keywords: ['council districts', 'boundaries', 'elections', 'city council', 'redistricting'],
      department: 'city-clerk',
      steward: STEWARDS.clerk,
      update_frequency: 'irregular',
      temporal: null,
      paragraphs: [
        'The four districts that elect members of the Westminster City Council; the mayor is elected at large. **One feature is one district**, a polygon with its number and the seat that represents it.',
        'District lines are redrawn after each federal census. In this map they follow Hazard Avenue east-west, Beach Boulevard north of it and Newland Street south of it. Midway City, unincorporated county land inside the city, is a hole in District 4.',
        'Caveats: the lines are simplified to the street centerlines and meant for finding your district on a map, not for legal descriptions. The member names are placeholders.',
      ],
      method: 'district polygons are drawn along arterial streets.',
    }),
  };
}

interface Zone {
  code: string;
  name: string;
  description: string;
  maxHeightFt: number | null;
  maxUnitsPerAcre: number | null;
}

const ZONES = {
  R1: {
    code: 'R1',
    name: 'Single-Family Residential',
    description: 'Detached homes, one per lot, plus an accessory dwelling unit.',
    maxHeightFt: 28,
    maxUnitsPerAcre: 7,
  },
  R2: {
    code: 'R2',
    name: 'Two-Family Residential',
    description: 'Duplexes and small lots with two homes.',
    maxHeightFt: 30,
    maxUnitsPerAcre: 14,
  },
  R3: {
    code: 'R3',
    name: 'Multiple-Family Residential',
    description: 'Apartments and townhomes.',
    maxHeightFt: 35,
    maxUnitsPerAcre: 25,
  },
  C1: {
    code: 'C1',
    name: 'Neighborhood Commercial',
    description: 'Corner centers with shops and services for nearby homes.',
    maxHeightFt: 35,
    maxUnitsPerAcre: null,
  },
  C2: {
    code: 'C2',
    name: 'General Commercial',
    description:
      'Corridor retail, restaurants, offices and services, including the Little Saigon business district.',
    maxHeightFt: 45,
    maxUnitsPerAcre: null,
  },
  M1: {
    code: 'M1',
    name: 'Light Industrial',
    description: 'Light manufacturing, warehouses and contractor yards.',
    maxHeightFt: 40,
    maxUnitsPerAcre: null,
  },
  PD: {
    code: 'PD',
    name: 'Planned Development',
    description: 'Areas with their own development plan: the civic center and a regional shopping center.',
    maxHeightFt: null,
    maxUnitsPerAcre: null,
  },
  OS: {
    code: 'OS',
    name: 'Open Space',
    description: 'Parks, sports fields and greenways.',
    maxHeightFt: 20,
    maxUnitsPerAcre: 0,
  },
} satisfies Record<string, Zone>;

/** Arterials lined with general commercial zoning. */
const CORRIDORS = new Set([
  'Beach Blvd',
  'Bolsa Ave',
  'Brookhurst St',
  'Westminster Blvd',
  'Garden Grove Blvd',
  'Edinger Ave',
]);

/** The arterial a side of a superblock runs along, if any. */
const arterialAt = (axis: 'ns' | 'ew', at: number) =>
  ARTERIALS.find((a) => a.axis === axis && a.at === at)?.name ?? null;

/** The zone of one of the nine blocks of a superblock: commercial corners and corridors, homes inside. */
function zoneOf(random: Random, cell: Cell, part: Bbox, ci: number, cj: number): Zone {
  const [west, south, east, north] = part;
  if (
    PARKS_AND_FACILITIES.some(
      (p) => p.kind !== 'Civic center' && (p.acres ?? 0) >= 2 && inBox(part, p.lon, p.lat),
    )
  )
    return ZONES.OS;
  // The civic center and a regional shopping center have their own plans.
  if (cell.west === -117.9975 && cell.east === -117.988 && cell.south === 33.752) return ZONES.PD;
  if (cell.west === -118.014 && cell.east === -118.006 && cell.south === 33.738) return ZONES.PD;
  const fronts = [
    ci === 0 ? arterialAt('ns', cell.west) : null,
    ci === 2 ? arterialAt('ns', cell.east) : null,
    cj === 0 ? arterialAt('ew', cell.north) : null,
    cj === 2 ? arterialAt('ew', cell.south) : null,
  ].filter((name): name is string => name !== null);
  const industrial =
    (cell.south <= 33.738 && cell.east <= -118.022) || (cell.north >= 33.782 && cell.west >= -117.954);
  if (fronts.length > 0 && inBox(LITTLE_SAIGON, (west + east) / 2, (south + north) / 2)) return ZONES.C2;
  if (industrial && (fronts.length > 0 || random.chance(0.5))) return ZONES.M1;
  const corridor = fronts.some((name) => CORRIDORS.has(name));
  if (fronts.length === 2) return corridor ? ZONES.C2 : random.chance(0.75) ? ZONES.C1 : ZONES.R3;
  if (fronts.length === 1) {
    if (corridor && random.chance(0.6)) return ZONES.C2;
    const r = random.next();
    return r < 0.35 ? ZONES.R3 : r < 0.6 ? ZONES.R2 : ZONES.R1;
  }
  return random.chance(0.06) ? ZONES.R2 : ZONES.R1;
}

export async function writeZoning(context: DemoContext): Promise<DemoDataset> {
  const name = 'zoning.geojson';
  // Zoning belongs to the fixed city, not to the seed of the records.
  const random = createRandom(1957, 'zoning');
  const out = await GeoJsonWriter.open(context.path(name));
  // Thin strips along the streets, a large interior.
  const fractions = [0, 0.15, 0.85, 1];
  for (const cell of superblocks()) {
    for (let cj = 0; cj < 3; cj++) {
      for (let ci = 0; ci < 3; ci++) {
        const west = cell.west + (cell.east - cell.west) * (fractions[ci] as number);
        const east = cell.west + (cell.east - cell.west) * (fractions[ci + 1] as number);
        const north = cell.north - (cell.north - cell.south) * (fractions[cj] as number);
        const south = cell.north - (cell.north - cell.south) * (fractions[cj + 1] as number);
        const part: Bbox = [west, south, east, north];
        if (inBox(MIDWAY_CITY, (west + east) / 2, (south + north) / 2)) continue;
        const zone = zoneOf(random, cell, part, ci, cj);
        const ring = boxRing(part);
        await out.feature(
          { type: 'Polygon', coordinates: [ring] },
          {
            block_id: `${cell.id}-${cj * 3 + ci + 1}`,
            zone: zone.code,
            zone_name: zone.name,
            description: zone.description,
            max_height_ft: zone.maxHeightFt,
            max_units_per_acre: zone.maxUnitsPerAcre,
            area_acres: Math.round((ringArea(ring) / 4046.86) * 10) / 10,
          },
        );
      }
    }
  }
  const rows = await out.close();
  return {
    file: { name, format: 'geojson', rows },
    meta: datasetMeta(context, {
      id: 'zoning',
      title: 'Zoning Districts',
      category: 'geospatial',
      keywords: ['zoning', 'land use', 'planning', 'general plan', 'parcels'],
      department: 'community-development',
      steward: STEWARDS.planning,
      update_frequency: 'irregular',
      temporal: null,
      paragraphs: [
        "The zoning map: which uses the zoning code allows where. **One feature is one zoning block** with its zone code (R1, R2, R3, C1, C2, M1, PD or OS), the zone's name, a short description, the maximum building height and, for housing zones, the maximum density in homes per acre.",
        'Zones change when the City Council adopts a zone change or a new planned development; Planning updates the map after each adoption. Commercial zones line the arterials (Beach Boulevard and the Little Saigon business district on Bolsa Avenue are general commercial), single-family neighborhoods fill the superblocks between them.',
        'Caveats: blocks are simplified rectangles, not parcel boundaries; check the official zoning map before buying or building. Midway City is county land and has no city zoning. Overlay zones and specific plans are not shown.',
      ],
      method:
        'each superblock of the arterial grid is cut into nine blocks and zoned by rules (corners, corridors, interiors, parks).',
      license: 'CC-BY-4.0',
      attribution: 'Zoning: City of Westminster Planning Division (demonstration data), CC BY 4.0',
    }),
  };
}
