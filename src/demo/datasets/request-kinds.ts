/** The kinds of service request residents make: how often, in which season, where, how fast closed. */
import type { SiteOptions } from '../sites.js';

export interface RequestKind {
  type: string;
  weight: number;
  /** Extra weight by month (1-12), for seasons. */
  season?: (month: number) => number;
  division: string;
  places: SiteOptions;
  /** Median hours to close and the spread of its logarithm. */
  close: [number, number];
  notes: readonly string[];
}

const ANYWHERE: SiteOptions = { classes: { local: 5, collector: 2, arterial: 4 } };
const HOMES: SiteOptions = { classes: { local: 8, collector: 2, arterial: 1 } };
const MAIN_STREETS: SiteOptions = { classes: { arterial: 8, collector: 2, local: 1 } };
const rainy = (month: number) => (month <= 3 || month === 12 ? 1.8 : 0.8);

export const REQUEST_KINDS: readonly RequestKind[] = [
  {
    type: 'Pothole',
    weight: 14,
    season: rainy,
    division: 'Street Maintenance',
    places: { classes: { arterial: 6, collector: 3, local: 4 } },
    close: [60, 0.9],
    notes: [
      'Pothole in the number 2 lane',
      'Deep pothole near the crosswalk',
      'Several potholes after the rain',
      'Pothole by the storm drain',
    ],
  },
  {
    type: 'Graffiti',
    weight: 16,
    division: 'Graffiti Removal',
    places: { classes: { arterial: 6, collector: 2, local: 2 } },
    close: [22, 0.8],
    notes: [
      'Graffiti on block wall',
      'Tagging on utility box',
      'Graffiti on bus bench',
      'Spray paint on fence, alley side',
    ],
  },
  {
    type: 'Streetlight Out',
    weight: 9,
    season: (m) => (m >= 10 || m <= 2 ? 1.4 : 0.8),
    division: 'Street Lighting',
    places: ANYWHERE,
    close: [120, 0.8],
    notes: ['Street light out', 'Light cycling on and off', 'Pole light out, whole block dark'],
  },
  {
    type: 'Illegal Dumping',
    weight: 15,
    division: 'Street Maintenance',
    places: HOMES,
    close: [40, 0.8],
    notes: [
      'Mattress and couch on parkway',
      'Bags of trash in alley',
      'Construction debris dumped',
      'TV and furniture on sidewalk, "free" sign',
    ],
  },
  {
    type: 'Tree Trimming',
    weight: 7,
    season: rainy,
    division: 'Urban Forestry',
    places: HOMES,
    close: [480, 1],
    notes: [
      'Tree branches blocking street light',
      'Low branches over sidewalk',
      'Broken limb hanging after wind',
      'Tree roots lifting sidewalk, please inspect',
    ],
  },
  {
    type: 'Sidewalk Repair',
    weight: 5,
    division: 'Concrete Maintenance',
    places: HOMES,
    close: [900, 0.9],
    notes: ['Raised sidewalk panel, trip hazard', 'Cracked curb and gutter', 'Missing section of sidewalk'],
  },
  {
    type: 'Abandoned Vehicle',
    weight: 8,
    division: 'Police Parking Enforcement',
    places: HOMES,
    close: [96, 0.7],
    notes: ['Car not moved for weeks, flat tires', 'RV parked over 72 hours', 'Vehicle with expired tags'],
  },
  {
    type: 'Traffic Signal',
    weight: 3,
    division: 'Traffic Operations',
    places: MAIN_STREETS,
    close: [8, 1],
    notes: ['Signal stuck on red', 'Left turn arrow not working', 'Pedestrian button broken'],
  },
  {
    type: 'Storm Drain',
    weight: 3,
    season: rainy,
    division: 'Storm Drain Maintenance',
    places: HOMES,
    close: [48, 0.9],
    notes: ['Catch basin clogged, street flooding', 'Trash in storm drain inlet', 'Water ponding at corner'],
  },
  {
    type: 'Shopping Cart',
    weight: 4,
    division: 'Street Maintenance',
    places: MAIN_STREETS,
    close: [30, 0.7],
    notes: ['Abandoned shopping carts', 'Cart in bike lane'],
  },
  {
    type: 'Street Sweeping',
    weight: 3,
    division: 'Street Maintenance',
    places: HOMES,
    close: [120, 0.7],
    notes: ['Street was missed by sweeper', 'Leaves piled in gutter'],
  },
  {
    type: 'Sign Damaged',
    weight: 3,
    division: 'Traffic Operations',
    places: ANYWHERE,
    close: [72, 0.9],
    notes: ['Stop sign knocked down', 'Faded street name sign', 'No parking sign bent'],
  },
];
