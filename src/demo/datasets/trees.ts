/** Street trees: the city's inventory of trees in parkways and medians, planted in runs along streets. */
import { DAY, formatDate, localDate } from '../calendar.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { hashString, weighted, type Random } from '../random.js';
import { coord, siteOn, type Site } from '../sites.js';
import { LON_SCALE, streetNetwork, type StreetLine } from '../streets.js';
import { CsvWriter } from '../writers.js';

const FILE = 'street-trees.csv';
/** The first full inventory: trees planted before it have no recorded planting date. */
const INVENTORY = localDate(2008, 6, 1);
const SPACING = 0.00035;

interface Species {
  common: string;
  botanical: string;
  /** DBH growth in inches per year, the largest DBH seen, mature height in feet. */
  growth: number;
  maxDbh: number;
  height: number;
  weight: number;
}

const sp = (
  common: string,
  botanical: string,
  growth: number,
  maxDbh: number,
  height: number,
  weight: number,
) => ({
  common,
  botanical,
  growth,
  maxDbh,
  height,
  weight,
});

// prettier-ignore
const SPECIES: readonly Species[] = [
  sp('Crape Myrtle', 'Lagerstroemia indica', 0.35, 12, 20, 14),
  sp('Jacaranda', 'Jacaranda mimosifolia', 0.6, 30, 40, 8),
  sp('Queen Palm', 'Syagrus romanzoffiana', 0.15, 12, 40, 9),
  sp('Mexican Fan Palm', 'Washingtonia robusta', 0.15, 16, 70, 6),
  sp('Brisbane Box', 'Lophostemon confertus', 0.5, 26, 45, 7),
  sp('Southern Magnolia', 'Magnolia grandiflora', 0.45, 28, 50, 6),
  sp('Camphor Tree', 'Cinnamomum camphora', 0.6, 40, 50, 5),
  sp('Chinese Flame Tree', 'Koelreuteria bipinnata', 0.5, 22, 35, 5),
  sp('Indian Laurel Fig', 'Ficus microcarpa', 0.7, 42, 45, 4),
  sp('Carrotwood', 'Cupaniopsis anacardioides', 0.45, 22, 30, 6),
  sp('London Plane', 'Platanus × acerifolia', 0.65, 36, 60, 4),
  sp('California Sycamore', 'Platanus racemosa', 0.6, 36, 60, 3),
  sp('Chinese Elm', 'Ulmus parvifolia', 0.5, 28, 45, 5),
  sp('Lemon Bottlebrush', 'Callistemon citrinus', 0.3, 10, 20, 5),
  sp('Purple Leaf Plum', 'Prunus cerasifera', 0.35, 14, 20, 4),
  sp('Tipu Tree', 'Tipuana tipu', 0.7, 30, 50, 3),
  sp('Coast Live Oak', 'Quercus agrifolia', 0.4, 36, 50, 2),
  sp('Evergreen Pear', 'Pyrus kawakamii', 0.35, 14, 25, 4),
  sp('Canary Island Pine', 'Pinus canariensis', 0.55, 30, 70, 2),
  sp('Red Ironbark', 'Eucalyptus sideroxylon', 0.6, 30, 60, 2),
  sp('Ginkgo', 'Ginkgo biloba', 0.3, 20, 50, 1),
];

const HEADER = [
  'tree_id',
  'species_common',
  'species_botanical',
  'dbh_in',
  'height_ft',
  'planted_date',
  'condition',
  'site_type',
  'last_pruned',
  'address',
  'latitude',
  'longitude',
  'council_district',
] as const;

export async function writeTrees(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('street-trees');
  const total = context.count(6_200);
  const pickSpecies = weighted(SPECIES.map((s) => [s, s.weight] as const));
  // Streets are planted with one main species; the network (and so this choice) is fixed.
  const mainSpecies = (street: StreetLine) => SPECIES[hashString(street.id) % SPECIES.length] as Species;
  const streets = streetNetwork();
  const pickStreet = weighted(
    streets.map(
      (s) =>
        [s, (s.to - s.from) * (s.axis === 'ew' ? LON_SCALE : 1) * (s.cls === 'local' ? 1 : 0.35)] as const,
    ),
  );
  const used = new Set<string>();
  const out = await CsvWriter.open(context.path(FILE), HEADER);
  let n = 0;
  for (let attempts = 0; n < total && attempts < total * 20; attempts++) {
    const street = pickStreet(random);
    const spacing = street.axis === 'ew' ? SPACING / LON_SCALE : SPACING;
    const slots = Math.floor((street.to - street.from) / spacing);
    if (slots < 1) continue;
    const side: 1 | -1 = random.chance(0.5) ? 1 : -1;
    const first = random.int(0, slots - 1);
    const run = random.int(3, 14);
    const median = street.cls === 'arterial' && random.chance(0.3);
    const runPlanted = random.chance(0.35) ? null : context.today - random.int(120, 6_000) * DAY;
    for (let k = 0; k < run && n < total; k++) {
      const slot = first + k;
      const key = `${street.id}:${median ? 0 : side}:${slot}`;
      if (slot >= slots || used.has(key)) break;
      const along = street.from + (slot + 0.5) * spacing;
      const site = median ? siteOn({ ...street, cls: 'local' }, along, 1) : siteOn(street, along, side);
      if (!site) break;
      used.add(key);
      n++;
      const [lon, lat] = median
        ? street.axis === 'ew'
          ? [along, street.at]
          : [street.at, along]
        : [site.lon, site.lat];
      const species = random.chance(0.7) ? mainSpecies(street) : pickSpecies(random);
      await out.row(treeRow(random, context.today, { n, species, runPlanted, median, site, lon, lat }));
    }
  }
  const rows = await out.close();

  return {
    file: { name: FILE, format: 'csv', rows },
    meta: datasetMeta(context, {
      id: 'street-trees',
      title: 'Street Trees',
      category: 'parks-recreation',
      keywords: ['street trees', 'urban forest', 'tree canopy', 'species', 'parkways'],
      department: 'public-works',
      steward: STEWARDS.maintenance,
      update_frequency: 'R/P1M',
      temporal: { start: formatDate(INVENTORY), end: formatDate(context.today) },
      paragraphs: [
        "The city's inventory of street trees in parkways (the strip between sidewalk and curb), tree wells and medians. **One row is one tree site with a tree**, with its species (common and botanical names), trunk diameter at breast height (DBH, in inches), estimated height, planting date, condition, and the date it was last pruned.",
        'Public Works Maintenance keeps the inventory: arborists measure trees on the grid pruning cycle (about every five years) and crews add trees when they plant them. Streets tend to be planted with one main species, so trees come in runs of the same kind.',
        'Caveats: trees planted before the first full inventory in 2008 have no planting date. DBH and height are measured at the last inspection, not today. Trees on private property and in parks are not included.',
      ],
      method:
        'trees are planted in runs along the street network with per-street main species, growth by species and age, and condition by age.',
      columns: [
        { field: 'dbh_in', description: 'Trunk diameter at breast height (4.5 ft).', unit: 'in' },
        { field: 'height_ft', description: 'Estimated height at the last inspection.', unit: 'ft' },
        {
          field: 'planted_date',
          description: 'Planting date; empty for trees older than the 2008 inventory.',
        },
      ],
    }),
  };
}

interface Tree {
  n: number;
  species: Species;
  runPlanted: number | null;
  median: boolean;
  site: Site;
  lon: number;
  lat: number;
}

function treeRow(random: Random, today: number, { n, species, runPlanted, median, site, lon, lat }: Tree) {
  const jittered = runPlanted === null ? null : runPlanted + random.int(-30, 30) * DAY;
  const planted = jittered !== null && jittered >= INVENTORY && jittered <= today ? jittered : null;
  const age = planted === null ? random.range(16, 60) : (today - planted) / (365 * DAY);
  const dbh = Math.max(
    1,
    Math.min(species.maxDbh, Math.round(1 + species.growth * age * random.range(0.7, 1.3))),
  );
  const height = Math.max(
    6,
    Math.round(species.height * Math.min(1, 0.25 + dbh / species.maxDbh) * random.range(0.8, 1.1)),
  );
  const c = random.next();
  const condition = c < 0.015 ? 'Dead' : c < 0.09 + age * 0.002 ? 'Poor' : c < 0.35 ? 'Fair' : 'Good';
  const pruned = today - random.int(30, 5 * 365) * DAY;
  return [
    `T-${String(n).padStart(6, '0')}`,
    species.common,
    species.botanical,
    dbh,
    height,
    planted === null ? null : formatDate(planted),
    condition,
    median ? 'Median' : random.chance(0.85) ? 'Parkway' : 'Tree well',
    planted !== null && pruned < planted ? null : formatDate(pruned),
    site.address,
    coord(lat),
    coord(lon),
    site.district,
  ];
}
