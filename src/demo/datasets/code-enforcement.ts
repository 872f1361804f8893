/**
 * Code enforcement cases (public) and the people named on some of them (restricted): the demo's example of a
 * dataset that only approved users may see.
 */
import {
  numberedEvents,
  DAY,
  OFFICE_HOURS,
  allocateDays,
  duringHours,
  formatDateTime,
  localDate,
  officeDayWeight,
} from '../calendar.js';
import { coverage, datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { personName } from '../names.js';
import { weighted } from '../random.js';
import { coord, parcelNumber, randomSite, type SiteOptions } from '../sites.js';
import { CsvWriter } from '../writers.js';

const FILE = 'code-cases.csv';
const CONTACTS_FILE = 'code-case-contacts.csv';
const START = localDate(2018, 1, 1);
const HOMES: SiteOptions = { classes: { local: 9, collector: 2, arterial: 1 } };
const SHOPS: SiteOptions = { classes: { arterial: 8, collector: 1 } };

const VIOLATIONS = weighted<[string, number, SiteOptions]>([
  [['Property maintenance', 45, HOMES], 20],
  [['Overgrown vegetation', 30, HOMES], 12],
  [['Inoperable vehicle on property', 35, HOMES], 11],
  [['Trash cans visible from street', 14, HOMES], 10],
  [['Unpermitted construction', 90, HOMES], 9],
  [['Illegal garage conversion', 120, HOMES], 4],
  [['Illegal sign or banner', 20, SHOPS], 8],
  [['Outdoor storage', 40, HOMES], 7],
  [['Business without a license', 45, SHOPS], 4],
  [['Short-term rental', 60, HOMES], 3],
  [['Substandard housing', 75, HOMES], 3],
  [['Yard sale without permit', 7, HOMES], 3],
  [['Shopping carts on premises', 15, SHOPS], 2],
]);

const OPEN_NOTICE = 'Open - Notice of Violation sent';
const OPEN_INVESTIGATION = 'Open - Under investigation';
const OUTCOMES = weighted([
  ['Closed - Compliance achieved', 62],
  ['Closed - No violation found', 22],
  ['Closed - Citation issued', 11],
  ['Closed - Referred to City Attorney', 5],
] as const);

const HEADER = [
  'case_number',
  'violation_type',
  'source',
  'opened_at',
  'closed_at',
  'status',
  'priority',
  'inspector',
  'address',
  'zip',
  'parcel_number',
  'latitude',
  'longitude',
  'council_district',
] as const;

export async function writeCodeEnforcement(context: DemoContext): Promise<DemoDataset[]> {
  const random = context.random('code-cases');
  const inspectors = ['Inspector 1', 'Inspector 2', 'Inspector 3', 'Inspector 4', 'Inspector 5'];
  const days = allocateDays(random, START, context.today - DAY, context.count(3_600), (d) =>
    officeDayWeight(d, 0),
  );
  const out = await CsvWriter.open(context.path(FILE), HEADER);
  let contactCount = 0;
  let lastCase: { caseNumber: string; address: string; zip: string } | null = null;
  const contacts = await CsvWriter.open(context.path(CONTACTS_FILE), [
    'case_number',
    'role',
    'name',
    'phone',
    'mailing_address',
  ]);
  for (const { time: opened, year, sequence } of numberedEvents(days, random, OFFICE_HOURS)) {
    const [violation, medianDays, places] = VIOLATIONS(random);
    const site = randomSite(random, places);
    const source = random.pick([
      'Complaint',
      'Complaint',
      'Complaint',
      'Proactive patrol',
      'Referral from Police',
      'Referral from Building',
    ]);
    const duration = Math.round(random.logNormal(medianDays, 0.9) * DAY);
    const closedAt = duringHours(random, 8, 17, opened + duration);
    const closed = closedAt <= context.now;
    const status = closed ? OUTCOMES(random) : random.chance(0.3) ? OPEN_NOTICE : OPEN_INVESTIGATION;
    const caseNumber = `CE${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(4, '0')}`;
    await out.row([
      caseNumber,
      violation,
      source,
      formatDateTime(opened),
      closed ? formatDateTime(closedAt) : null,
      status,
      violation === 'Substandard housing' ? 'High' : random.chance(0.15) ? 'High' : 'Normal',
      random.pick(inspectors),
      site.address,
      site.zip,
      parcelNumber(site),
      coord(site.lat),
      coord(site.lon),
      site.district,
    ]);
    // Only a few recent cases, in the demo, carry contacts.
    lastCase = { caseNumber, address: site.address, zip: site.zip };
    if (opened >= context.today - 730 * DAY && random.chance(0.06)) {
      contactCount++;
      await contacts.row([
        caseNumber,
        'Property owner',
        personName(random),
        `(714) 555-${String(random.int(100, 199)).padStart(4, '0')}`,
        `${site.address}, Westminster, CA ${site.zip}`,
      ]);
      if (source === 'Complaint') {
        await contacts.row([
          caseNumber,
          'Complainant',
          personName(random),
          `(657) 555-${String(random.int(100, 199)).padStart(4, '0')}`,
          null,
        ]);
      }
    }
  }
  // A small demo (tests) still gets one contact, so that the restricted dataset is never empty.
  if (contactCount === 0 && lastCase) {
    await contacts.row([
      lastCase.caseNumber,
      'Property owner',
      personName(random),
      '(714) 555-0100',
      `${lastCase.address}, Westminster, CA ${lastCase.zip}`,
    ]);
  }
  const rows = await out.close();
  const contactRows = await contacts.close();

  return [
    {
      file: { name: FILE, format: 'csv', types: 'zip=text,parcel_number=text', rows },
      meta: datasetMeta(context, {
        id: 'code-cases',
        title: 'Code Enforcement Cases',
        category: 'public-safety',
        keywords: ['code enforcement', 'property maintenance', 'violations', 'neighborhoods', 'inspections'],
        department: 'community-development',
        steward: STEWARDS.codeEnforcement,
        update_frequency: 'R/P1D',
        temporal: coverage(START, context.today - DAY),
        paragraphs: [
          'Cases opened by Code Enforcement since 2018: overgrown yards, inoperable vehicles, unpermitted construction, illegal garage conversions, signs, short-term rentals and other violations of the Westminster Municipal Code. **One row is one case**, from the day it was opened to the day it was closed.',
          'Most cases start with a complaint from a resident; others come from inspectors on patrol or from referrals by the Police and Building divisions. An inspector visits, sends a notice of violation when needed, and closes the case when the property complies, when no violation is found, or after a citation or a referral to the City Attorney. Times are local time without an offset; `closed_at` is empty for open cases.',
          'Caveats: the location is the address of the property, not of the person who complained. Names of owners and complainants are never published here; see the restricted dataset *Code Enforcement Case Contacts*. The table is extracted nightly and shows cases up to the day before.',
        ],
        method:
          'cases are drawn per working day with per-violation durations and outcomes, at addresses along the street network.',
        columns: [
          { field: 'case_number', description: 'Case number: CE, the two-digit year, a sequence number.' },
          { field: 'source', description: 'How the case started: complaint, proactive patrol or referral.' },
          { field: 'opened_at', description: 'When the case was opened (local time).' },
          { field: 'closed_at', description: 'When it was closed (local time); empty while open.' },
        ],
      }),
    },
    {
      file: { name: CONTACTS_FILE, format: 'csv', types: 'phone=text', rows: contactRows },
      meta: datasetMeta(context, {
        id: 'code-case-contacts',
        title: 'Code Enforcement Case Contacts',
        category: 'public-safety',
        keywords: ['code enforcement', 'contacts', 'restricted'],
        department: 'community-development',
        steward: STEWARDS.codeEnforcement,
        update_frequency: 'R/P1W',
        access_level: 'restricted',
        temporal: coverage(context.today - 730 * DAY, context.today - DAY),
        paragraphs: [
          'Property owners and complainants named on a sample of recent code enforcement cases, with a phone number and a mailing address. **One row is one person on one case**; join it to *Code Enforcement Cases* by `case_number`.',
          '**Access is restricted.** The table names private individuals and complainants, whose identity the city keeps confidential to protect their privacy and to protect complainants from retaliation. Staff and partners with an approved access request may see it, for example to audit response times; it is not public and is never released in full under the Public Records Act.',
          'Caveats: contacts are recorded only when an inspector needs them, so most cases have none.',
        ],
        method: 'names and 555 phone numbers are invented and attached to a few generated cases.',
        spatial: null,
      }),
    },
  ];
}
