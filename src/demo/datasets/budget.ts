/** The operating budget by department, division, fund and expense category, fiscal year by fiscal year. */
import { fiscalYearLabel, fiscalYearOf, formatDate, localDate, monthOf } from '../calendar.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { CsvWriter } from '../writers.js';

/** Division, department, fund, and the adopted budget in the first year in thousands of dollars. */
// prettier-ignore
const DIVISIONS: readonly [string, string, string, number][] = [
  ['City Council and Mayor', 'City Manager', 'General Fund', 420],
  ['City Manager', 'City Manager', 'General Fund', 1_650],
  ['Elections', 'City Clerk', 'General Fund', 210],
  ['Records Management', 'City Clerk', 'General Fund', 640],
  ['City Attorney', 'City Attorney', 'General Fund', 1_100],
  ['Human Resources', 'Human Resources', 'General Fund', 1_350],
  ['Planning', 'Community Development', 'General Fund', 1_900],
  ['Building & Safety', 'Community Development', 'General Fund', 2_600],
  ['Code Enforcement', 'Community Development', 'General Fund', 1_450],
  ['Housing', 'Community Development', 'Housing Fund', 900],
  ['Engineering', 'Public Works', 'General Fund', 2_100],
  ['Traffic', 'Public Works', 'Measure M2 Fund', 1_300],
  ['Street Maintenance', 'Public Works', 'Gas Tax Fund', 3_400],
  ['Water Utility', 'Public Works', 'Water Enterprise Fund', 24_000],
  ['Fleet', 'Public Works', 'Fleet Internal Service Fund', 2_200],
  ['Recreation', 'Community Services (Parks & Recreation)', 'General Fund', 2_700],
  ['Park Maintenance', 'Community Services (Parks & Recreation)', 'General Fund', 2_300],
  ['Senior Services', 'Community Services (Parks & Recreation)', 'General Fund', 850],
  ['Accounting', 'Finance', 'General Fund', 1_500],
  ['Revenue & Business License', 'Finance', 'General Fund', 950],
  ['Purchasing', 'Finance', 'General Fund', 520],
  ['Patrol', 'Police', 'General Fund', 24_500],
  ['Investigations', 'Police', 'General Fund', 8_200],
  ['Traffic Bureau', 'Police', 'General Fund', 3_100],
  ['Records & Dispatch', 'Police', 'General Fund', 4_300],
  ['IT Operations', 'Information Technology', 'General Fund', 2_400],
  ['GIS & Open Data', 'Information Technology', 'General Fund', 650],
  ['Fire Services Contract', 'Fire (OCFA contract)', 'General Fund', 17_800],
];

/** Shares of personnel, operations and capital outlay by kind of division. */
const SPLITS: Record<string, [number, number, number]> = {
  'Water Utility': [0.22, 0.6, 0.18],
  'Fire Services Contract': [0, 1, 0],
  Fleet: [0.3, 0.45, 0.25],
  'Street Maintenance': [0.4, 0.4, 0.2],
};
const DEFAULT_SPLIT: [number, number, number] = [0.74, 0.23, 0.03];
const CATEGORIES = ['Personnel', 'Operations & Maintenance', 'Capital Outlay'] as const;
const FIRST_YEAR = 2019;

export async function writeBudget(context: DemoContext): Promise<DemoDataset> {
  const random = context.random('budget');
  const name = 'budget-by-department.csv';
  const current = fiscalYearOf(context.today);
  // The council adopts next year's budget in June, so from June on the next year is published too.
  const lastYear = monthOf(context.today) >= 6 ? current + 1 : current;
  const out = await CsvWriter.open(context.path(name), [
    'fiscal_year',
    'department',
    'division',
    'fund',
    'expense_category',
    'adopted_budget',
    'actual',
  ]);
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    for (const [division, department, fund, base] of DIVISIONS) {
      const split = SPLITS[division] ?? DEFAULT_SPLIT;
      const growth = Math.pow(1.034, year - FIRST_YEAR) * (year === 2021 ? 0.94 : 1);
      for (let c = 0; c < CATEGORIES.length; c++) {
        const share = split[c] ?? 0;
        if (share === 0) continue;
        const adopted = Math.round((base * 1000 * share * growth * random.range(0.93, 1.07)) / 100) * 100;
        // Actuals exist once a fiscal year has closed; capital spending lags most.
        const closed = year < current;
        const rate = c === 2 ? random.range(0.45, 1.05) : random.range(0.9, 1.02);
        await out.row([
          fiscalYearLabel(year),
          department,
          division,
          fund,
          CATEGORIES[c],
          adopted,
          closed ? Math.round(adopted * rate) : null,
        ]);
      }
    }
  }
  const rows = await out.close();
  return {
    file: { name, format: 'csv', rows },
    meta: datasetMeta(context, {
      id: 'budget-by-department',
      title: 'Operating Budget by Department',
      category: 'finance',
      keywords: ['budget', 'spending', 'finance', 'fiscal year', 'departments', 'funds'],
      department: 'finance',
      steward: STEWARDS.budget,
      update_frequency: 'R/P1Y',
      temporal: { start: `${FIRST_YEAR - 1}-07-01`, end: formatDate(localDate(lastYear, 6, 30)) },
      spatial: null,
      paragraphs: [
        'The adopted operating budget of the City of Westminster since fiscal year 2018-19, with actual spending for the years that have closed. **One row is one fiscal year, division, fund and expense category** (personnel, operations and maintenance, capital outlay), with amounts in US dollars.',
        'The fiscal year runs from July 1 to June 30. The City Council adopts the budget each June; actuals are added after the annual audit. Fire service is a contract with the Orange County Fire Authority, shown as one line.',
        'Caveats: the table shows the adopted budget, not mid-year amendments; transfers between funds and debt service are left out, so totals do not match the budget book. `actual` is empty for years that have not closed.',
      ],
      method:
        'division budgets grow about 3.4% a year from invented bases, with noise and a dip in 2020-21; actuals are a random share of the adopted amounts.',
      columns: [
        { field: 'fiscal_year', description: 'Fiscal year, July to June, like 2023-24.' },
        { field: 'adopted_budget', description: 'Budget adopted by the City Council.', unit: 'USD' },
        { field: 'actual', description: 'Audited spending; empty until the year closes.', unit: 'USD' },
      ],
    }),
  };
}
