/** Parking spaces in city lots and on one curb, some with the occupancy sensors behind the live feed. */
import { councilDistrict, inCity } from '../city.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { coord } from '../sites.js';
import { LON_SCALE } from '../streets.js';
import { CsvWriter } from '../writers.js';

interface Facility {
  name: string;
  /** South-west corner of the first stall, or the start of the curb. */
  lon: number;
  lat: number;
  rows: number;
  stalls: number;
  limit: string;
  sensors: boolean;
  curb?: boolean;
}

const FACILITIES: readonly Facility[] = [
  {
    name: 'Civic Center Lot A',
    lon: -117.9936,
    lat: 33.7561,
    rows: 4,
    stalls: 25,
    limit: '3 hours',
    sensors: true,
  },
  {
    name: 'Civic Center Lot B',
    lon: -117.9911,
    lat: 33.7566,
    rows: 3,
    stalls: 20,
    limit: '3 hours',
    sensors: false,
  },
  {
    name: 'Little Saigon Municipal Lot',
    lon: -117.9668,
    lat: 33.7468,
    rows: 4,
    stalls: 22,
    limit: '2 hours',
    sensors: true,
  },
  {
    name: 'Sigler Park Lot',
    lon: -118.0044,
    lat: 33.754,
    rows: 2,
    stalls: 18,
    limit: 'Park hours',
    sensors: false,
  },
  {
    name: 'Goldenwest Sports Complex Lot',
    lon: -118.0053,
    lat: 33.733,
    rows: 4,
    stalls: 24,
    limit: 'Park hours',
    sensors: false,
  },
  {
    name: 'Olive St, Hazard Ave to Westminster Blvd',
    lon: -117.9975,
    lat: 33.7528,
    rows: 2,
    stalls: 40,
    limit: '2 hours',
    sensors: true,
    curb: true,
  },
];

const STALL_WIDTH = 0.0000245;
const AISLE = 0.00009;

export async function writeParkingSpaces(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('parking-spaces');
  const name = 'parking-spaces.csv';
  const out = await CsvWriter.open(context.path(name), [
    'space_id',
    'facility',
    'row',
    'space_type',
    'time_limit',
    'sensor_id',
    'latitude',
    'longitude',
    'council_district',
  ]);
  let n = 0;
  let sensors = 0;
  for (const facility of FACILITIES) {
    for (let row = 0; row < facility.rows; row++) {
      for (let stall = 0; stall < facility.stalls; stall++) {
        // Lots run east-west in rows; the curb runs north-south along both sides of the street.
        const [lon, lat] = facility.curb
          ? [facility.lon + ((row === 0 ? -1 : 1) * 0.0001) / LON_SCALE, facility.lat + stall * 0.00006]
          : [facility.lon + (stall * STALL_WIDTH) / LON_SCALE, facility.lat + row * AISLE];
        if (!inCity(lon, lat)) continue;
        n++;
        const type =
          !facility.curb && row === 0 && stall < 4
            ? 'Accessible'
            : !facility.curb && row === 0 && stall < 8 && facility.name.startsWith('Civic')
              ? 'EV Charging'
              : facility.curb && stall === 0
                ? 'Loading (30 minutes)'
                : random.chance(0.12)
                  ? 'Compact'
                  : 'Standard';
        await out.row([
          `PS-${String(n).padStart(4, '0')}`,
          facility.name,
          facility.curb ? (row === 0 ? 'west curb' : 'east curb') : `Row ${String.fromCharCode(65 + row)}`,
          type,
          type.startsWith('Loading') ? '30 minutes' : facility.limit,
          facility.sensors ? `PKS-${String(++sensors).padStart(4, '0')}` : null,
          coord(lat),
          coord(lon),
          councilDistrict(lon, lat),
        ]);
      }
    }
  }
  const rows = await out.close();
  return {
    file: { name, format: 'csv', rows },
    meta: datasetMeta(context, {
      id: 'parking-spaces',
      title: 'Public Parking Spaces',
      category: 'parking',
      keywords: ['parking', 'parking spaces', 'accessible parking', 'EV charging', 'sensors'],
      department: 'public-works',
      steward: STEWARDS.traffic,
      update_frequency: 'R/P1M',
      temporal: null,
      paragraphs: [
        'Parking spaces in city-owned lots (the Civic Center, the Little Saigon municipal lot, park lots) and along the curb of Olive Street near the Civic Center. **One row is one marked space**, with its row or curb side, its type (standard, compact, accessible, EV charging, loading), the time limit, and the id of the in-ground occupancy sensor when it has one.',
        'Spaces with a `sensor_id` report whether they are free or occupied in real time; see the dataset *Parking Occupancy (live)*, whose observations arrive through the sensor API. Public Works updates this list when lots are restriped.',
        'Caveats: private lots of shopping centers, including most of Little Saigon, are not city parking and are not listed. Points are approximate centers of the stalls.',
      ],
      method: 'stalls are laid out on grids in invented lots.',
    }),
  };
}
