/** 311-style service requests: potholes, graffiti, dark street lights, dumped mattresses, and the rest. */
import {
  DAY,
  HOUR,
  OFFICE_HOURS,
  RESIDENT_HOURS,
  allocateDays,
  duringHours,
  formatDateTime,
  localDate,
  monthOf,
  officeDayWeight,
  timeOfDay,
  wallTime,
  yearOf,
} from '../calendar.js';
import { coverage, datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { weighted, type Random } from '../random.js';
import { coord, randomSite, type SiteOptions } from '../sites.js';
import { CsvWriter } from '../writers.js';
import { REQUEST_KINDS, type RequestKind } from './request-kinds.js';

const FILE = 'service-requests.csv';
const START = localDate(2019, 1, 1);

type Channel = 'phone' | 'web' | 'app';

/** The city app arrived in 2020 and has taken a growing share since. */
function channelPicker(year: number): (random: Random) => Channel {
  const app = year < 2020 ? 0.04 : Math.min(0.5, 0.12 + (year - 2020) * 0.07);
  const web = 0.28;
  return weighted<Channel>([
    ['phone', 1 - app - web],
    ['web', web],
    ['app', app],
  ]);
}

const HEADER = [
  'request_id',
  'request_type',
  'description',
  'status',
  'created_at',
  'closed_at',
  'channel',
  'assigned_to',
  'address',
  'zip',
  'latitude',
  'longitude',
  'council_district',
] as const;

const GRAFFITI_CORRIDORS: SiteOptions = {
  classes: { arterial: 1 },
  streets: ['Beach Blvd', 'Garden Grove Blvd', 'Edinger Ave'],
};

function requestStatus(random: Random, closed: boolean, age: number): string {
  if (closed) return random.chance(0.04) ? 'Closed - Duplicate' : 'Closed';
  return age < 2 * DAY ? 'Open' : 'In Progress';
}

export async function writeServiceRequests(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('service-requests');
  const elapsedToday = context.now - context.today;
  const days = allocateDays(random, START, context.today, context.count(26_000), (day) => {
    const base = officeDayWeight(day, 0.55) * (yearOf(day) >= 2020 ? 1.2 : 1);
    return day === context.today ? (base * elapsedToday) / DAY : base;
  });
  const kindsByMonth = Array.from({ length: 13 }, (_, month) =>
    weighted(REQUEST_KINDS.map((k) => [k, k.weight * (k.season?.(month) ?? 1)] as const)),
  );
  let pickChannel = channelPicker(2019);
  const out = await CsvWriter.open(context.path(FILE), HEADER);
  let year = 0;
  let sequence = 0;

  for (const { day, count } of days) {
    if (yearOf(day) !== year) {
      year = yearOf(day);
      sequence = 0;
      pickChannel = channelPicker(year);
    }
    const times: { time: number; channel: Channel }[] = [];
    for (let i = 0; i < count; i++) {
      const channel = pickChannel(random);
      const hours = channel === 'phone' ? OFFICE_HOURS : RESIDENT_HOURS;
      const before = day === context.today ? elapsedToday : DAY;
      times.push({ time: wallTime(day, timeOfDay(random, hours, before)), channel });
    }
    times.sort((a, b) => a.time - b.time);
    const pickKind = kindsByMonth[monthOf(day)] as (random: Random) => RequestKind;
    for (const { time, channel } of times) {
      sequence++;
      const kind = pickKind(random);
      // Sound walls and busy corridors draw more tagging.
      const graffitiHotspot = kind.type === 'Graffiti' && random.chance(0.25);
      const site = randomSite(random, graffitiHotspot ? GRAFFITI_CORRIDORS : kind.places);
      const hours = random.logNormal(kind.close[0], kind.close[1]);
      const closeAt = duringHours(random, 7, 17, time + Math.round(hours * HOUR));
      const closed = closeAt <= context.now;
      const status = requestStatus(random, closed, context.now - time);
      await out.row([
        `SR${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(6, '0')}`,
        kind.type,
        random.pick(kind.notes),
        status,
        formatDateTime(time),
        closed ? formatDateTime(closeAt) : null,
        channel,
        kind.division,
        site.address,
        site.zip,
        coord(site.lat),
        coord(site.lon),
        site.district,
      ]);
    }
  }
  const rows = await out.close();

  return {
    file: { name: FILE, format: 'csv', types: 'zip=text', rows },
    meta: datasetMeta(context, {
      id: 'service-requests',
      title: 'Service Requests (311)',
      category: 'city-services',
      keywords: ['311', 'service requests', 'potholes', 'graffiti', 'street lights', 'illegal dumping'],
      department: 'public-works',
      steward: STEWARDS.customerService,
      update_frequency: 'R/P1D',
      temporal: coverage(START, context.today),
      paragraphs: [
        'Requests for city services that residents report by phone, on the web and in the city app since 2019: potholes, graffiti, street lights out, illegal dumping, tree trimming, sidewalk repairs, abandoned vehicles and more. **One row is one request**, from the moment it was created to the moment the assigned crew closed it.',
        'Times are local time in Westminster (Pacific), without an offset, as the request system records them. `closed_at` is empty while a request is open or in progress. The location is the address the resident gave or the point they dropped on the map in the app, snapped to the nearest address.',
        'Caveats: one problem is often reported several times; the duplicates are closed as *Closed - Duplicate*. Phone requests are taken during office hours, so night-time requests come from the web and the app. A closed request means the crew finished its work order, not that the resident agreed. Requests about private property are referred to Code Enforcement and appear there instead.',
      ],
      method:
        'requests are drawn per day with weekday, seasonal and time-of-day rhythms, a growing share from the app, closing times from per-type distributions within crew hours, and locations along the street network.',
      columns: [
        { field: 'created_at', description: 'When the request was received (local time, no offset).' },
        { field: 'closed_at', description: 'When the crew closed it (local time); empty while open.' },
        { field: 'channel', description: 'How it was reported: phone, web or app.' },
        { field: 'assigned_to', description: 'The crew or division the request was routed to.' },
      ],
    }),
  };
}
