/** Traffic tables: marked crosswalks at the grid's intersections, and reported traffic collisions. */
import {
  numberedEvents,
  DAY,
  allocateDays,
  formatDate,
  formatDateTime,
  localDate,
  yearOf,
} from '../calendar.js';
import { ARTERIALS, councilDistrict, inCity } from '../city.js';
import { coverage, datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { weighted } from '../random.js';
import { coord, intersections, randomSite } from '../sites.js';
import { LON_SCALE } from '../streets.js';
import { CsvWriter } from '../writers.js';

const ARTERIAL_NAMES = new Set(ARTERIALS.map((a) => a.name));
const arterialCount = (x: { ns: string; ew: string }) =>
  (ARTERIAL_NAMES.has(x.ns) ? 1 : 0) + (ARTERIAL_NAMES.has(x.ew) ? 1 : 0);

const LEGS = [
  ['north', 0, 1],
  ['south', 0, -1],
  ['east', 1, 0],
  ['west', -1, 0],
] as const;

export async function writeCrosswalks(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('crosswalks');
  const name = 'crosswalks.csv';
  const out = await CsvWriter.open(context.path(name), [
    'crosswalk_id',
    'crossing',
    'marking',
    'signalized',
    'school_zone',
    'installed_year',
    'last_painted',
    'latitude',
    'longitude',
    'council_district',
  ]);
  let n = 0;
  for (const x of intersections()) {
    const signalized = arterialCount(x) === 2 || random.chance(0.6);
    const school = random.chance(0.12);
    for (const [leg, dx, dy] of LEGS) {
      if (!signalized && random.chance(0.5)) continue;
      const lon = x.lon + (dx * 0.00016) / LON_SCALE;
      const lat = x.lat + dy * 0.00016;
      if (!inCity(lon, lat)) continue;
      n++;
      await out.row([
        `XW-${String(n).padStart(4, '0')}`,
        `${x.ns} & ${x.ew}, ${leg} leg`,
        school
          ? 'Ladder (yellow, school)'
          : random.pick(['Continental', 'Continental', 'Standard (two lines)']),
        signalized ? 'yes' : 'no',
        school ? 'yes' : 'no',
        random.int(1975, 2022),
        formatDate(context.today - random.int(20, 5 * 365) * DAY),
        coord(lat),
        coord(lon),
        councilDistrict(lon, lat),
      ]);
    }
  }
  const rows = await out.close();
  return {
    file: { name, format: 'csv', rows },
    meta: datasetMeta(context, {
      id: 'crosswalks',
      title: 'Marked Crosswalks',
      category: 'traffic',
      keywords: ['crosswalks', 'pedestrians', 'safe routes to school', 'traffic safety', 'street markings'],
      department: 'public-works',
      steward: STEWARDS.traffic,
      update_frequency: 'R/P1Y',
      temporal: null,
      paragraphs: [
        'Marked crosswalks at the intersections of arterial and collector streets. **One row is one crosswalk**, named (`crossing`) by its intersection and the leg it crosses, with its marking pattern, whether the crossing is signalized, whether it is in a school zone (yellow ladder markings), the year it was installed and when it was last repainted.',
        'Traffic Engineering keeps the inventory and updates it after the yearly striping program. Unmarked legal crosswalks (every corner of every intersection in California) are not listed.',
        'Caveats: the point is the middle of the crosswalk, placed from the intersection; installation years before 1990 are estimates from old plans.',
      ],
      method: 'crosswalks are placed on the legs of each grid intersection, with random markings and dates.',
    }),
  };
}

const SEVERITY = weighted([
  ['Property damage only', 55],
  ['Complaint of pain', 25],
  ['Visible injury', 13],
  ['Severe injury', 4.2],
  ['Fatal', 0.8],
] as const);

const TYPES = weighted([
  ['Rear end', 34],
  ['Broadside', 24],
  ['Sideswipe', 16],
  ['Hit object', 8],
  ['Head-on', 3],
  ['Pedestrian', 6],
  ['Bicycle', 5],
  ['Other', 4],
] as const);

/** Morning and evening commutes, a busy afternoon. */
const TRAFFIC_HOURS = [
  0.6, 0.4, 0.4, 0.3, 0.3, 0.6, 1.4, 2.8, 2.6, 1.8, 1.9, 2.3, 2.7, 2.6, 2.9, 3.5, 3.8, 3.9, 3, 2.1, 1.6, 1.3,
  1, 0.8,
] as const;

export async function writeCollisions(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('traffic-collisions');
  const name = 'traffic-collisions.csv';
  const start = localDate(2018, 1, 1);
  const last = context.today - 7 * DAY;
  const nodes = intersections();
  const pickNode = weighted(nodes.map((x) => [x, [0.5, 1.5, 4][arterialCount(x)] ?? 1] as const));
  const days = allocateDays(random, start, last, context.count(2_600), (day) =>
    yearOf(day) === 2020 ? 0.7 : 1,
  );
  const out = await CsvWriter.open(context.path(name), [
    'report_number',
    'collision_at',
    'primary_road',
    'secondary_road',
    'severity',
    'collision_type',
    'vehicles',
    'injured',
    'killed',
    'hit_and_run',
    'latitude',
    'longitude',
    'council_district',
  ]);
  for (const { time, year, sequence } of numberedEvents(days, random, TRAFFIC_HOURS)) {
    const severity = SEVERITY(random);
    const type = TYPES(random);
    let primary: string;
    let secondary: string | null;
    let lon: number;
    let lat: number;
    if (random.chance(0.62)) {
      const node = pickNode(random);
      [primary, secondary] = random.chance(0.5) ? [node.ns, node.ew] : [node.ew, node.ns];
      lon = node.lon + random.normal(0, 0.00008) / LON_SCALE;
      lat = node.lat + random.normal(0, 0.00008);
      if (!inCity(lon, lat)) [lon, lat] = [node.lon, node.lat];
    } else {
      const site = randomSite(random, { classes: { arterial: 8, collector: 2, local: 1 } });
      [primary, secondary, lon, lat] = [site.street, null, site.lon, site.lat];
    }
    const injured =
      severity === 'Property damage only' ? 0 : severity === 'Fatal' ? random.int(0, 2) : random.int(1, 3);
    const single = type === 'Hit object' || type === 'Pedestrian' || type === 'Bicycle';
    await out.row([
      `TC${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(5, '0')}`,
      formatDateTime(time),
      primary,
      secondary,
      severity,
      type,
      single ? 1 : random.int(2, random.chance(0.1) ? 4 : 2),
      injured,
      severity === 'Fatal' ? 1 : 0,
      random.chance(type === 'Pedestrian' ? 0.2 : 0.1) ? 'yes' : 'no',
      coord(lat),
      coord(lon),
      councilDistrict(lon, lat),
    ]);
  }
  const rows = await out.close();
  return {
    file: { name, format: 'csv', rows },
    meta: datasetMeta(context, {
      id: 'traffic-collisions',
      title: 'Traffic Collisions',
      category: 'traffic',
      keywords: ['traffic collisions', 'crashes', 'vision zero', 'traffic safety', 'pedestrians', 'bicycles'],
      department: 'police',
      steward: STEWARDS.policeRecords,
      update_frequency: 'R/P1W',
      temporal: coverage(start, last),
      paragraphs: [
        'Traffic collisions on city streets reported to the Westminster Police Department since 2018. **One row is one collision report**, with the local date and time, the roads involved (a second road when it happened at or near an intersection), the most severe injury, the type of collision, and the number of vehicles, injured and killed people.',
        'Officers file a report for every collision with an injury and for many with property damage only; reports are reviewed by the Traffic Bureau and published weekly with a delay of one week. The location is where the officer placed the collision, often the center of the intersection.',
        'Caveats: collisions on the I-405 and SR-22 freeways are handled by the California Highway Patrol and are not here. Minor collisions that were never reported to the police are missing. Names, vehicles and citations are never published.',
      ],
      method:
        'collisions are drawn per day with commute-shaped times of day, mostly at arterial intersections.',
      columns: [
        { field: 'collision_at', description: 'When the collision happened (local time, no offset).' },
      ],
    }),
  };
}
