/** Business licenses: the businesses licensed to operate in the city, with Little Saigon at their heart. */
import { DAY, addYears, formatDate, localDate } from '../calendar.js';
import { LITTLE_SAIGON } from '../city.js';
import { coverage, datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { weighted, type Random } from '../random.js';
import { coord, randomSite, type Site } from '../sites.js';
import { CsvWriter } from '../writers.js';
import { SECTORS, businessName, type Sector } from './business-names.js';

const FILE = 'business-licenses.csv';
const FIRST_LICENSE = localDate(1994, 1, 1);

type Place = 'little-saigon' | 'commercial' | 'home';

const pickers: Record<Place, (random: Random) => Sector> = {
  'little-saigon': weighted(SECTORS.map((s) => [s, s.weights[0]] as const)),
  commercial: weighted(SECTORS.map((s) => [s, s.weights[1]] as const)),
  home: weighted(SECTORS.map((s) => [s, s.weights[2]] as const)),
};

const PLACES = weighted<Place>([
  ['little-saigon', 34],
  ['commercial', 44],
  ['home', 22],
]);

function siteFor(random: Random, place: Place): Site {
  switch (place) {
    case 'little-saigon':
      return randomSite(random, { classes: { arterial: 8, local: 1 }, within: LITTLE_SAIGON });
    case 'commercial':
      return randomSite(random, { classes: { arterial: 10, collector: 1 } });
    case 'home':
      return randomSite(random, { classes: { local: 10, collector: 1 } });
  }
}

const HEADER = [
  'license_number',
  'business_name',
  'license_type',
  'naics_code',
  'naics_description',
  'home_based',
  'address',
  'zip',
  'latitude',
  'longitude',
  'original_issue_date',
  'expiration_date',
  'status',
  'council_district',
] as const;

export async function writeBusinessLicenses(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('business-licenses');
  const total = context.count(3_200);
  const span = context.today - FIRST_LICENSE;
  // Licences issued in order, so license numbers grow with the original issue date.
  const issued = Array.from({ length: total }, () => {
    // Younger businesses are more numerous: most that opened long ago have closed.
    const age = Math.pow(random.next(), 1.8) * span;
    return Math.floor((context.today - age) / DAY) * DAY;
  }).sort((a, b) => a - b);

  const out = await CsvWriter.open(context.path(FILE), HEADER);
  for (let i = 0; i < issued.length; i++) {
    const first = issued[i] as number;
    const place = PLACES(random);
    const sector = pickers[place](random);
    const vietnamese = place === 'little-saigon' ? random.chance(0.85) : random.chance(0.15);
    const site = siteFor(random, place);
    // Licenses renew yearly on the anniversary of the first issue.
    let expires = addYears(first, 1);
    while (expires < context.today) expires = addYears(expires, 1);
    const lapsed = random.chance(0.16);
    if (lapsed) expires = addYears(expires, -random.int(1, 2));
    if (expires <= first) expires = addYears(first, 1);
    const status =
      expires >= context.today
        ? 'Active'
        : context.today - expires <= 45 * DAY
          ? 'Pending Renewal'
          : 'Expired';
    await out.row([
      `BL-${String(i + 1).padStart(6, '0')}`,
      businessName(random, sector, vietnamese),
      sector.licenseType,
      sector.naics,
      sector.naicsTitle,
      place === 'home' ? 'yes' : 'no',
      site.address,
      site.zip,
      coord(site.lat),
      coord(site.lon),
      formatDate(first),
      formatDate(expires),
      status,
      site.district,
    ]);
  }
  const rows = await out.close();

  return {
    file: { name: FILE, format: 'csv', types: 'zip=text,naics_code=text', rows },
    meta: datasetMeta(context, {
      id: 'business-licenses',
      title: 'Business Licenses',
      category: 'permits-licensing',
      keywords: ['business licenses', 'businesses', 'NAICS', 'Little Saigon', 'economic development'],
      department: 'finance',
      steward: STEWARDS.licensing,
      update_frequency: 'R/P1W',
      temporal: coverage(FIRST_LICENSE, context.today),
      paragraphs: [
        'Businesses holding a Westminster business license, current and recently lapsed: restaurants, bakeries, jewelers, nail and hair salons, dentists, lawyers, markets, auto shops, contractors and home-based businesses. **One row is one license** at one business location. Many of the businesses along Bolsa Avenue between Magnolia and Brookhurst Streets, in Little Saigon, go by Vietnamese names; they are given here as registered, with their diacritics (UTF-8).',
        'Every business operating in the city, including a home occupation, renews its license each year on the anniversary of its first issue. The industry is the six-digit NAICS code the owner declared (kept as text). Home-based businesses are shown at the address of the home.',
        'Caveats: a license says a business may operate, not that it is open today; *Pending Renewal* licenses are within 45 days of lapsing. Businesses licensed by the State only (for example some contractors) may be missing.',
      ],
      method:
        'businesses are drawn with sector mixes for Little Saigon, commercial corridors and homes, invented names (Vietnamese and English), and yearly renewals.',
      columns: [
        { field: 'naics_code', description: 'Six-digit NAICS industry code, as text.' },
        { field: 'home_based', description: 'yes for a home occupation at a residence.' },
        { field: 'original_issue_date', description: 'Date the business was first licensed.' },
        { field: 'expiration_date', description: 'Date the current license expires or expired.' },
      ],
    }),
  };
}
