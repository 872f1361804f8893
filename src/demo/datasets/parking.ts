/** Parking spaces in city lots and on one curb, some with the occupancy sensors behind the live feed. */
import { councilDistrict, inCity } from '../city.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { coord } from '../sites.js';
import { LON_SCALE } from '../streets.js';
import type { Random } from '../random.js';
import { CsvWriter } from '../writers.js';

export interface ParkingFacility {
  name: string;
  /** Where it is, which sets how busy it gets (see the sensor network's occupancy profiles). */
  area: 'civic-center' | 'little-saigon' | 'park';
  /** South-west corner of the first stall, or the start of the curb. */
  lon: number;
  lat: number;
  rows: number;
  stalls: number;
  limit: string;
  sensors: boolean;
  curb?: boolean;
}

export const PARKING_FACILITIES: readonly ParkingFacility[] = [
  {
    name: 'Civic Center Lot A',
    area: 'civic-center',
    lon: -117.9936,
    lat: 33.7561,
    rows: 4,
    stalls: 25,
    limit: '3 hours',
    sensors: true,
  },
  {
    name: 'Civic Center Lot B',
    area: 'civic-center',
    lon: -117.9911,
    lat: 33.7566,
    rows: 3,
    stalls: 20,
    limit: '3 hours',
    sensors: false,
  },
  {
    name: 'Little Saigon Municipal Lot',
    area: 'little-saigon',
    lon: -117.9668,
    lat: 33.7468,
    rows: 4,
    stalls: 22,
    limit: '2 hours',
    sensors: true,
  },
  {
    name: 'Sigler Park Lot',
    area: 'park',
    lon: -118.0044,
    lat: 33.754,
    rows: 2,
    stalls: 18,
    limit: 'Park hours',
    sensors: false,
  },
  {
    name: 'Goldenwest Sports Complex Lot',
    area: 'park',
    lon: -118.0053,
    lat: 33.733,
    rows: 4,
    stalls: 24,
    limit: 'Park hours',
    sensors: false,
  },
  {
    name: 'Olive St, Hazard Ave to Westminster Blvd',
    area: 'civic-center',
    lon: -117.9975,
    lat: 33.7528,
    rows: 2,
    stalls: 40,
    limit: '2 hours',
    sensors: true,
    curb: true,
  },
  // Last, so that the ids and random draws of the facilities above stay as they were.
  {
    name: 'Starlight Ave, Bolsa Ave to Wildflower Ln',
    area: 'little-saigon',
    lon: -117.96806,
    lat: 33.7457,
    rows: 2,
    stalls: 24,
    limit: '2 hours',
    sensors: true,
    curb: true,
  },
];

const STALL_WIDTH = 0.0000245;
const AISLE = 0.00009;

export interface ParkingSpace {
  spaceId: string;
  facility: ParkingFacility;
  row: string;
  /** Stall index along its row or curb side, from 0. */
  stall: number;
  type: string;
  timeLimit: string;
  /** The in-ground occupancy sensor, for spaces that have one. */
  sensorId: string | null;
  lon: number;
  lat: number;
}

/**
 * Every marked space, in id order, with its type drawn from `random` (the dataset's own stream): the CSV and
 * the sensor network both come from here, so their space and sensor ids agree.
 */
export function* parkingLayout(random: Random): Generator<ParkingSpace> {
  let n = 0;
  let sensors = 0;
  for (const facility of PARKING_FACILITIES) {
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
        yield {
          spaceId: `PS-${String(n).padStart(4, '0')}`,
          facility,
          row: facility.curb
            ? row === 0
              ? 'west curb'
              : 'east curb'
            : `Row ${String.fromCharCode(65 + row)}`,
          stall,
          type,
          timeLimit: type.startsWith('Loading') ? '30 minutes' : facility.limit,
          sensorId: facility.sensors ? `PKS-${String(++sensors).padStart(4, '0')}` : null,
          lon,
          lat,
        };
      }
    }
  }
}

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
  for (const space of parkingLayout(random)) {
    await out.row([
      space.spaceId,
      space.facility.name,
      space.row,
      space.type,
      space.timeLimit,
      space.sensorId,
      coord(space.lat),
      coord(space.lon),
      councilDistrict(space.lon, space.lat),
    ]);
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
        'Parking spaces in city-owned lots (the Civic Center, the Little Saigon municipal lot, park lots) and along the curbs of Olive Street near the Civic Center and Starlight Avenue in Little Saigon. **One row is one marked space**, with its row or curb side, its type (standard, compact, accessible, EV charging, loading), the time limit, and the id of the in-ground occupancy sensor when it has one.',
        'Spaces with a `sensor_id` report whether they are free or occupied in real time; see the dataset *Parking Occupancy (live)*, whose observations arrive through the sensor API. Public Works updates this list when lots are restriped.',
        'Caveats: private lots of shopping centers, including most of Little Saigon, are not city parking and are not listed. Points are approximate centers of the stalls.',
      ],
      method: 'stalls are laid out on grids in invented lots.',
    }),
  };
}
