/** Building permits, 2015 to today: the largest table of the demo, one row per permit. */
import { DAY, allocateDays, formatDate, localDate, officeDayWeight, yearOf } from '../calendar.js';
import { coverage, datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { contractorPool } from '../names.js';
import { weighted, type Random } from '../random.js';
import { coord, parcelNumber, randomSite } from '../sites.js';
import { CsvWriter } from '../writers.js';
import { LITTLE_SAIGON_SHOPS, PERMIT_KINDS, type PermitKind } from './permit-kinds.js';

const FILE = 'bldg-permits.csv';
const START = localDate(2015, 1, 1);

const HEADER = [
  'permit_number',
  'permit_type',
  'work_description',
  'address',
  'zip',
  'parcel_number',
  'latitude',
  'longitude',
  'valuation',
  'applied_date',
  'issued_date',
  'finaled_date',
  'status',
  'contractor',
  'contractor_license',
  'council_district',
] as const;

function kindPicker(): (year: number) => (random: Random) => PermitKind {
  const byYear = new Map<number, (random: Random) => PermitKind>();
  return (year) => {
    let pick = byYear.get(year);
    if (!pick) {
      pick = weighted(PERMIT_KINDS.map((k) => [k, k.weight(year)] as const));
      byYear.set(year, pick);
    }
    return pick;
  };
}

function roundValuation(value: number): number {
  if (value >= 100_000) return Math.round(value / 1000) * 1000;
  if (value >= 10_000) return Math.round(value / 100) * 100;
  return Math.round(value / 10) * 10;
}

/** How far a permit applied for on `day` has come by `today`: issued, finaled, or still waiting. */
function progress(random: Random, kind: PermitKind, day: number, today: number) {
  const [median, spread] = kind.reviewDays;
  // Over-the-counter permits are mostly issued the day they are applied for.
  const review =
    median > 0 ? Math.round(random.logNormal(median, spread)) : random.chance(0.85) ? 0 : random.int(1, 3);
  const issued = day + review * DAY;
  if (random.chance(0.015)) return { issued: null, finaled: null, status: 'Withdrawn' };
  if (issued > today)
    return { issued: null, finaled: null, status: review > 5 ? 'In Plan Check' : 'Applied' };
  const done = issued + Math.round(random.logNormal(kind.workDays, 0.6)) * DAY;
  if (done <= today && random.chance(0.93)) return { issued, finaled: done, status: 'Finaled' };
  return { issued, finaled: null, status: issued + 365 * DAY < today ? 'Expired' : 'Issued' };
}

export async function writePermits(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('bldg-permits');
  const contractors = contractorPool(context.random('contractors'));
  const kindsOf = kindPicker();
  const days = allocateDays(random, START, context.today, context.count(24_000), (day) =>
    officeDayWeight(day),
  );
  const out = await CsvWriter.open(context.path(FILE), HEADER);
  let year = 0;
  let sequence = 0;

  for (const { day, count } of days) {
    if (yearOf(day) !== year) {
      year = yearOf(day);
      sequence = 0;
    }
    const pickKind = kindsOf(year);
    for (let i = 0; i < count; i++) {
      sequence++;
      const kind = pickKind(random);
      const littleSaigon =
        kind.type === 'Commercial TI' || kind.type === 'Sign' ? random.chance(0.35) : false;
      const site = randomSite(random, littleSaigon ? LITTLE_SAIGON_SHOPS : kind.places);
      const { issued, finaled, status } = progress(random, kind, day, context.today);
      const ownerBuilder = kind.trade === 'general' && kind.type !== 'Commercial TI' && random.chance(0.08);
      const firm = random.pick(contractors[kind.trade] ?? []);
      const valuation = random.chance(0.012)
        ? 'N/A'
        : roundValuation(random.logNormal(kind.valuation[0], kind.valuation[1]));
      await out.row([
        `B${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(5, '0')}`,
        kind.type,
        kind.describe(random),
        site.address,
        site.zip,
        parcelNumber(site),
        coord(site.lat),
        coord(site.lon),
        valuation,
        formatDate(day),
        issued === null ? null : formatDate(issued),
        finaled === null ? null : formatDate(finaled),
        status,
        ownerBuilder ? 'Owner-Builder' : firm.name,
        ownerBuilder ? null : firm.license,
        site.district,
      ]);
    }
  }
  const rows = await out.close();

  return {
    file: { name: FILE, format: 'csv', types: 'zip=text,parcel_number=text,contractor_license=text', rows },
    meta: datasetMeta(context, {
      id: 'bldg-permits',
      title: 'Building Permits',
      category: 'permits-licensing',
      keywords: ['building permits', 'construction', 'solar', 'remodel', 'inspections', 'housing'],
      department: 'community-development',
      steward: STEWARDS.building,
      update_frequency: 'R/P1D',
      temporal: coverage(START, context.today),
      paragraphs: [
        'Every building permit applied for in Westminster since January 2015: re-roofs, solar panels, remodels, pools, accessory dwelling units, new homes, commercial tenant improvements, signs and demolitions. **One row is one permit**, identified by its permit number (`B24-00123`: the year it was applied for and a sequence number).',
        'Applications come in at the Building & Safety counter in City Hall and through the online permit portal. Each row gives the address and parcel number (APN) of the work, the declared valuation, the dates the permit was applied for, issued and finaled (passed its last inspection), its status and the licensed contractor. The point is the address as geocoded by the city, not the exact spot of the work. The table is refreshed every night from the permit system.',
        'Caveats: *valuation* is what the applicant declares, used to set fees, not what the work cost; a few permits have `N/A` where none was recorded. Permits without an issue date are still in plan check, waiting for the applicant, or were withdrawn. Owner-builder permits have no contractor. Fire permits are issued by the Orange County Fire Authority and are not here.',
      ],
      method:
        'permits are drawn day by day with weekday and seasonal rhythms, kinds that change over the years (rooftop solar, ADUs, EV chargers), and addresses placed along the street network.',
      columns: [
        {
          field: 'permit_number',
          description: 'Permit number: B, the two-digit year of application, a sequence number.',
        },
        {
          field: 'parcel_number',
          description: 'Assessor parcel number (APN) of the property, with leading zeros.',
        },
        {
          field: 'valuation',
          description: 'Declared value of the work; N/A when none was recorded.',
          unit: 'USD',
        },
        { field: 'applied_date', description: 'Date the application was received.' },
        { field: 'issued_date', description: 'Date the permit was issued; empty while in review.' },
        { field: 'finaled_date', description: 'Date of the final inspection; empty while work is open.' },
        { field: 'council_district', description: 'City council district (1-4) of the address.' },
      ],
    }),
  };
}
