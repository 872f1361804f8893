/** Vote centers and ballot drop boxes for the next statewide general election, dated from today. */
import { DAY, formatDate, localDate, yearOf } from '../calendar.js';
import { councilDistrict, zipCode } from '../city.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { PARKS_AND_FACILITIES, placeAddress } from '../places.js';
import { coord, randomSite } from '../sites.js';
import { CsvWriter } from '../writers.js';

/** Election day of a November general election: the Tuesday after the first Monday. */
export function generalElectionDay(year: number): number {
  const first = localDate(year, 11, 1);
  const weekday = new Date(first).getUTCDay();
  const firstMonday = first + ((8 - weekday) % 7) * DAY;
  return firstMonday + DAY;
}

/** The next statewide general election on or after today (even years), or today's if it is today. */
function nextGeneralElection(today: number): number {
  let year = yearOf(today);
  if (year % 2 === 1) year++;
  let day = generalElectionDay(year);
  if (day < today) day = generalElectionDay(year + 2);
  return day;
}

const HOSTS = [
  'Westminster Civic Center',
  'Westminster Community Center',
  'Westminster Senior Center',
  'Sigler Park',
  'Hazard Recreation Center',
  'McFadden Family Resource Center',
  'Goldenwest Sports Complex',
  'Liberty Park',
  'Rose Center Theater',
];

const INVENTED_HOSTS = [
  'Magnolia Elementary School',
  'Newland Middle School',
  'First Community Church Hall',
  'Westminster Branch Library',
  'Vietnamese Community Hall',
  'Ward Street Fellowship Hall',
  'Springdale Elementary School',
  'Edinger Adult School',
  'Garden Grove Blvd Lions Hall',
];

export async function writePollingPlaces(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('polling-places');
  const name = 'polling-places.csv';
  const election = nextGeneralElection(context.today);
  const electionName = `${yearOf(election)} General Election`;
  const out = await CsvWriter.open(context.path(name), [
    'site_id',
    'name',
    'site_type',
    'address',
    'zip',
    'election',
    'open_from',
    'open_to',
    'hours',
    'accessible',
    'languages',
    'latitude',
    'longitude',
    'council_district',
  ]);
  let n = 0;
  const row = async (siteName: string, type: string, address: string, lon: number, lat: number) => {
    n++;
    const voteCenter = type === 'Vote Center';
    const opens = election - (voteCenter ? (random.chance(0.4) ? 10 : 3) : 28) * DAY;
    await out.row([
      `VS-${String(n).padStart(3, '0')}`,
      siteName,
      type,
      address,
      zipCode(lon, lat),
      electionName,
      formatDate(opens),
      formatDate(election),
      voteCenter ? '8 am-5 pm; election day 7 am-8 pm' : '24 hours; election day until 8 pm',
      'yes',
      'English, Vietnamese, Spanish, Korean, Chinese',
      coord(lat),
      coord(lon),
      councilDistrict(lon, lat),
    ]);
  };
  for (const host of HOSTS) {
    const place = PARKS_AND_FACILITIES.find((p) => p.name === host);
    if (!place) continue;
    await row(
      place.name,
      random.chance(0.75) ? 'Vote Center' : 'Ballot Drop Box',
      placeAddress(place),
      place.lon,
      place.lat,
    );
  }
  for (const host of INVENTED_HOSTS) {
    const site = randomSite(random, { classes: { arterial: 3, collector: 2, local: 1 } });
    await row(host, 'Vote Center', site.address, site.lon, site.lat);
  }
  for (let i = 0; i < 6; i++) {
    const site = randomSite(random, { classes: { arterial: 1 } });
    await row(`Ballot Drop Box, ${site.street}`, 'Ballot Drop Box', site.address, site.lon, site.lat);
  }
  const rows = await out.close();
  return {
    file: { name, format: 'csv', types: 'zip=text', rows },
    meta: datasetMeta(context, {
      id: 'polling-places',
      title: 'Vote Centers and Ballot Drop Boxes',
      category: 'government',
      keywords: ['elections', 'voting', 'vote centers', 'ballot drop boxes', 'polling places'],
      department: 'city-clerk',
      steward: STEWARDS.clerk,
      update_frequency: 'irregular',
      temporal: { start: formatDate(election - 28 * DAY), end: formatDate(election) },
      paragraphs: [
        `Where Westminster residents can vote in person or return a ballot for the ${electionName}. **One row is one site**: a vote center (vote in person, register, get a replacement ballot) or an official ballot drop box, with its address, opening dates, hours and the languages in which help is offered.`,
        'Orange County runs elections under the Voter’s Choice Act: every registered voter is mailed a ballot and may vote at any vote center in the county. The Registrar of Voters chooses the sites; the City Clerk publishes the ones inside the city and updates the list before each election.',
        'Caveats: sites and hours may change close to the election; the county Registrar of Voters is the authority. Accessible means an accessible voting unit and path of travel.',
      ],
      method:
        'sites are city facilities and invented hosts; dates count back from the next November general election after today.',
    }),
  };
}
