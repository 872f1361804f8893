/** The kinds of building permit in the demo: how common each is by year, its cost, how long it takes. */
import { LITTLE_SAIGON } from '../city.js';
import type { Trade } from '../names.js';
import type { Random } from '../random.js';
import type { SiteOptions } from '../sites.js';

export interface PermitKind {
  type: string;
  trade: Trade;
  /** Relative frequency in a given year. */
  weight(year: number): number;
  /** Median valuation in dollars and the spread of its logarithm. */
  valuation: [number, number];
  /** Median days from application to issue (0: over the counter) and spread. */
  reviewDays: [number, number];
  /** Median days from issue to final inspection. */
  workDays: number;
  places: SiteOptions;
  describe(random: Random): string;
}

const HOMES: SiteOptions = { classes: { local: 8, collector: 1.5, arterial: 0.4 } };
const SHOPS: SiteOptions = { classes: { arterial: 10, collector: 1 } };
export const LITTLE_SAIGON_SHOPS: SiteOptions = {
  classes: { arterial: 6, local: 1 },
  within: LITTLE_SAIGON,
};

const steady = (value: number) => () => value;
const SHINGLES = ['Class A composition shingles', 'concrete tile', 'cool-roof composition shingles'];
const ROOMS = ['kitchen', 'hall bathroom', 'master bathroom', 'kitchen and two bathrooms', 'laundry room'];
const SIGN_NAMES = [
  'Pho Bolsa',
  'Golden Lotus Jewelry',
  'Cafe Saigon Nights',
  'Westside Dental',
  'Tan Phat Market',
];

export const PERMIT_KINDS: readonly PermitKind[] = [
  {
    type: 'Residential Alteration',
    trade: 'general',
    weight: steady(17),
    valuation: [26_000, 0.8],
    reviewDays: [9, 0.9],
    workDays: 75,
    places: HOMES,
    describe: (r) =>
      `Remodel ${r.pick(ROOMS)}: new cabinets, counters and fixtures, ${r.int(1, 4)} new circuits, no structural work`,
  },
  {
    type: 'Re-roof',
    trade: 'roofing',
    weight: steady(15),
    valuation: [14_500, 0.45],
    reviewDays: [0, 0],
    workDays: 21,
    places: HOMES,
    describe: (r) =>
      `Tear off and re-roof ${r.int(14, 38)} squares with ${r.pick(SHINGLES)}, ${r.chance(0.3) ? 'replace dry rot sheathing, ' : ''}no change to structure`,
  },
  {
    type: 'Solar PV',
    trade: 'solar',
    // Rooftop solar grew until net metering changed in 2023, then fell back.
    weight: (year) => (year <= 2022 ? 5 + (year - 2015) * 1.6 : year === 2023 ? 12 : 7),
    valuation: [21_000, 0.4],
    reviewDays: [2, 0.6],
    workDays: 35,
    places: HOMES,
    describe: (r) => {
      const kw = (r.int(22, 110) / 10).toFixed(1);
      const battery = r.chance(0.25) ? ` with ${r.pick(['13.5', '10', '16'])} kWh battery storage` : '';
      return `Install ${kw} kW roof-mounted PV system, ${r.int(8, 30)} modules, microinverters${battery}`;
    },
  },
  {
    type: 'Water Heater Replacement',
    trade: 'plumbing',
    weight: steady(9),
    valuation: [1_900, 0.35],
    reviewDays: [0, 0],
    workDays: 10,
    places: HOMES,
    describe: (r) =>
      `Replace ${r.pick(['40', '50', '50', '75'])} gallon ${r.pick(['gas', 'gas', 'heat pump'])} water heater, same location`,
  },
  {
    type: 'HVAC Change-out',
    trade: 'hvac',
    weight: steady(8),
    valuation: [9_500, 0.4],
    reviewDays: [0, 0],
    workDays: 20,
    places: HOMES,
    describe: (r) =>
      `Change out ${r.pick(['3', '3.5', '4', '5'])} ton ${r.pick(['split system', 'heat pump', 'package unit'])}, like for like`,
  },
  {
    type: 'Electrical Service Upgrade',
    trade: 'electrical',
    weight: (year) => 3 + (year - 2015) * 0.4,
    valuation: [4_800, 0.45],
    reviewDays: [1, 0.6],
    workDays: 25,
    places: HOMES,
    describe: (r) => `Upgrade main panel from ${r.pick(['100', '125'])}A to ${r.pick(['200', '225'])}A`,
  },
  {
    type: 'EV Charger',
    trade: 'electrical',
    weight: (year) => (year < 2017 ? 0.3 : (year - 2016) * 0.9),
    valuation: [2_400, 0.35],
    reviewDays: [0, 0],
    workDays: 14,
    places: HOMES,
    describe: (r) => `Install ${r.pick(['40', '48'])}A Level 2 EV charger in garage, new 240V circuit`,
  },
  {
    type: 'Window Replacement',
    trade: 'general',
    weight: steady(6),
    valuation: [9_000, 0.5],
    reviewDays: [0, 0],
    workDays: 20,
    places: HOMES,
    describe: (r) => `Replace ${r.int(4, 16)} windows, retrofit, same size, dual pane vinyl`,
  },
  {
    type: 'Patio Cover',
    trade: 'general',
    weight: steady(4),
    valuation: [8_500, 0.5],
    reviewDays: [6, 0.7],
    workDays: 30,
    places: HOMES,
    describe: (r) =>
      `New ${r.int(10, 14)}' x ${r.int(12, 30)}' ${r.pick(['aluminum', 'wood'])} patio cover, attached`,
  },
  {
    type: 'Pool',
    trade: 'pool',
    weight: steady(1.4),
    valuation: [62_000, 0.35],
    reviewDays: [18, 0.6],
    workDays: 110,
    places: HOMES,
    describe: (r) => `New in-ground gunite pool and spa, ${r.int(350, 650)} sq ft, with equipment pad`,
  },
  {
    type: 'Accessory Dwelling Unit',
    trade: 'general',
    // State law eased ADUs from 2017 and again from 2020.
    weight: (year) => (year < 2017 ? 0.2 : year < 2020 ? 1.2 : 3),
    valuation: [165_000, 0.45],
    reviewDays: [45, 0.5],
    workDays: 220,
    places: HOMES,
    describe: (r) =>
      r.chance(0.4)
        ? `Convert attached garage to ${r.int(350, 600)} sq ft ADU, 1 bedroom, 1 bath`
        : `New detached ADU, ${r.int(500, 1_000)} sq ft, ${r.int(1, 2)} bedrooms`,
  },
  {
    type: 'New SFR',
    trade: 'general',
    weight: steady(0.7),
    valuation: [460_000, 0.35],
    reviewDays: [60, 0.45],
    workDays: 330,
    places: HOMES,
    describe: (r) =>
      `New two-story single-family residence, ${r.int(1_900, 3_400)} sq ft, attached 2-car garage, ${r.int(3, 5)} bedrooms`,
  },
  {
    type: 'Demolition',
    trade: 'demolition',
    weight: steady(0.9),
    valuation: [12_000, 0.6],
    reviewDays: [8, 0.6],
    workDays: 30,
    places: { classes: { local: 5, arterial: 3 } },
    describe: (r) =>
      `Demolish ${r.pick(['single-family dwelling', 'detached garage', 'commercial building', 'pool'])}, cap utilities`,
  },
  {
    type: 'Commercial TI',
    trade: 'general',
    weight: steady(5),
    valuation: [90_000, 1],
    reviewDays: [28, 0.6],
    workDays: 120,
    places: SHOPS,
    describe: (r) =>
      `Tenant improvement for ${r.pick(['restaurant', 'nail salon', 'dental office', 'retail store', 'bakery', 'tea shop', 'medical office'])}, ${r.int(900, 4_800)} sq ft, new ${r.pick(['partitions, lighting', 'hood, grease interceptor', 'restrooms, ADA path'])}`,
  },
  {
    type: 'Sign',
    trade: 'sign',
    weight: steady(4),
    valuation: [3_800, 0.6],
    reviewDays: [7, 0.6],
    workDays: 20,
    places: SHOPS,
    describe: (r) =>
      `${r.pick(['Wall sign', 'Channel letters', 'Monument sign face change'])} "${r.pick(SIGN_NAMES)}", ${r.int(18, 80)} sq ft, illuminated`,
  },
  {
    type: 'Fence/Wall',
    trade: 'general',
    weight: steady(2),
    valuation: [6_500, 0.5],
    reviewDays: [4, 0.6],
    workDays: 25,
    places: HOMES,
    describe: (r) => `New ${r.int(5, 6)}' block wall, ${r.int(40, 160)} lineal ft, rear and side yards`,
  },
];
