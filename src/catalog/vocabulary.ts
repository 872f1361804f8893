/** The fixed vocabularies of the catalog: categories, access levels, statuses, licences Plaza knows. */

export const CATEGORIES = [
  {
    id: 'geospatial',
    title: 'Geospatial layers',
    description: 'Boundaries, zoning, streets and other map layers.',
  },
  {
    id: 'environment',
    title: 'Environmental sensors',
    description: 'Air quality, noise and weather measured live.',
  },
  { id: 'parking', title: 'Parking', description: 'Parking spaces, occupancy and rules.' },
  { id: 'traffic', title: 'Traffic', description: 'Traffic counts, speeds and collisions.' },
  {
    id: 'permits-licensing',
    title: 'Permits and licensing',
    description: 'Building permits and business licences.',
  },
  {
    id: 'public-safety',
    title: 'Public safety',
    description: 'Code enforcement, police and fire service data.',
  },
  {
    id: 'city-services',
    title: 'City services',
    description: 'Service requests and the work of city departments.',
  },
  {
    id: 'parks-recreation',
    title: 'Parks and recreation',
    description: 'Parks, facilities, programs and trees.',
  },
  { id: 'finance', title: 'Finance', description: 'Budgets, spending and revenue.' },
  { id: 'government', title: 'Government', description: 'Council, elections, records and administration.' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];

export const ACCESS_LEVELS = ['public', 'restricted', 'non-public'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const STATUSES = ['draft', 'published', 'unpublished'] as const;
export type DatasetStatus = (typeof STATUSES)[number];

export const KINDS = ['table', 'sensor'] as const;
export type DatasetKind = (typeof KINDS)[number];

/** Licences cities use for open data (see the city notes); the URL is what DCAT-US expects. */
export const LICENSES = [
  {
    id: 'PDDL-1.0',
    title: 'Open Data Commons Public Domain Dedication and License 1.0',
    url: 'https://opendatacommons.org/licenses/pddl/1-0/',
    attributionRequired: false,
  },
  {
    id: 'CC0-1.0',
    title: 'Creative Commons Zero 1.0 Universal',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    attributionRequired: false,
  },
  {
    id: 'ODC-By-1.0',
    title: 'Open Data Commons Attribution License 1.0',
    url: 'https://opendatacommons.org/licenses/by/1-0/',
    attributionRequired: true,
  },
  {
    id: 'CC-BY-4.0',
    title: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attributionRequired: true,
  },
  {
    id: 'ODbL-1.0',
    title: 'Open Data Commons Open Database License 1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    attributionRequired: true,
  },
] as const;
