/**
 * Whether a dataset's metadata is complete: the DCAT-US 1.1 rules (the federal schema without bureauCode and
 * programCode, which are for federal agencies) and the city's own, configurable rules. Pure: the stewardship watch
 * runs it over every dataset and sends the steward what it finds.
 *
 * How Plaza's fields become DCAT-US (the mapping the catalog's data.json follows):
 *
 * | DCAT-US                 | Plaza                                                         |
 * | ----------------------- | ------------------------------------------------------------- |
 * | title, description      | title, description                                            |
 * | keyword                 | keywords                                                      |
 * | modified                | the later of metadata_updated_at and data_updated_at          |
 * | publisher               | the department                                                |
 * | contactPoint fn/hasEmail| steward.name / `mailto:` steward.email                        |
 * | identifier              | id                                                            |
 * | accessLevel             | access_level (`restricted` is `restricted public`)            |
 * | license                 | license.url                                                   |
 * | rights                  | the description's words about access (when not public)       |
 * | spatial                 | spatial (declared, or the extent of the data's geometries)    |
 * | temporal                | temporal start/end                                            |
 * | distribution            | distributions (downloadURL and mediaType)                     |
 * | accrualPeriodicity      | update_frequency (`continuous` is Plaza's own: a live feed)   |
 */
import type { Dataset } from './catalog.schema.js';
import { isFrequency } from './metadata-rules.js';

export interface Problem {
  field: string;
  message: string;
}

/** The city's own rules, on top of DCAT-US (city.json `stewardship.rules`). */
export interface CityMetadataRules {
  minDescriptionLength: number;
  minKeywords: number;
  requireStewardPhone: boolean;
  requireColumnDescriptions: boolean;
  requireSpatial: boolean;
  requireTemporal: boolean;
}

/** DCAT-US alone: what the federal schema asks (one keyword, a non-empty description). */
export const DCAT_US_ONLY: CityMetadataRules = {
  minDescriptionLength: 1,
  minKeywords: 1,
  requireStewardPhone: false,
  requireColumnDescriptions: false,
  requireSpatial: false,
  requireTemporal: false,
};

/** The fields of a dataset the rules read. */
export type Described = Pick<
  Dataset,
  | 'id'
  | 'title'
  | 'description'
  | 'keywords'
  | 'department'
  | 'steward'
  | 'license'
  | 'update_frequency'
  | 'kind'
  | 'access_level'
  | 'spatial'
  | 'temporal'
  | 'metadata_updated_at'
  | 'geometry_type'
  | 'columns'
  | 'distributions'
>;

const EMAIL = /^[\w_~!$&'()*+,;=:.-]+@[\w.-]+\.[\w.-]+$/;
const MEDIA_TYPE = /^[-\w]+\/[-\w]+(\.[-\w]+)*([+][-\w]+)?$/;
const ACCESS_LEVELS = ['public', 'restricted', 'non-public'];
/** A sentence about access: how DCAT-US `rights` reads out of a description (`restricted`, `confidential`...). */
const RIGHTS_WORDS = /\b(access|restricted|confidential|privacy|private|exempt)\b/i;
const DATED_COLUMN = new Set(['date', 'timestamp']);

const isUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

const isDate = (value: string | null | undefined): boolean =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));

/** Whether the dataset describes places: geometries in its rows, or sensors at locations. */
export function hasPlaces(dataset: Pick<Described, 'kind' | 'geometry_type'>): boolean {
  return dataset.kind === 'sensor' || dataset.geometry_type !== null;
}

/** Whether the dataset's records are dated: a date or timestamp column, or sensor observations. */
export function isDated(dataset: Pick<Described, 'kind' | 'columns'>): boolean {
  return dataset.kind === 'sensor' || dataset.columns.some((c) => DATED_COLUMN.has(c.type));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The DCAT-US 1.1 required and required-when-applicable fields. */
function dcatUs(d: Described, add: (field: string, message: string) => void): void {
  if (d.title.trim() === '') add('title', 'give the dataset a title (DCAT-US title)');
  if (d.description.trim() === '')
    add(
      'description',
      'describe what the dataset holds, where it comes from and its caveats (DCAT-US description)',
    );
  const keywords = d.keywords.filter((k) => k.trim() !== '');
  if (keywords.length === 0)
    add('keywords', 'add at least one keyword people would search for (DCAT-US keyword)');
  if (!isDate(d.metadata_updated_at))
    add(
      'metadata_updated_at',
      'save the metadata again so that it has a last-modified date (DCAT-US modified)',
    );
  if (d.department.id.trim() === '' || d.department.name.trim() === '')
    add('department', 'choose the department that publishes the dataset (DCAT-US publisher)');
  if (d.steward.name.trim() === '')
    add('steward.name', 'name the steward, a person or a team (DCAT-US contactPoint fn)');
  if (!EMAIL.test(d.steward.email.trim()))
    add(
      'steward.email',
      'give the steward an email address people can write to (DCAT-US contactPoint hasEmail)',
    );
  if (d.id.trim() === '') add('id', 'give the dataset an identifier (DCAT-US identifier)');
  if (!ACCESS_LEVELS.includes(d.access_level))
    add('access_level', 'set the access level to public, restricted or non-public (DCAT-US accessLevel)');

  if (d.access_level !== 'non-public' && !isUrl(d.license.url))
    add(
      'license',
      'choose one of the licences in /api/v1/licenses, which have a licence URL (DCAT-US license)',
    );
  if (
    (d.access_level === 'restricted' || d.access_level === 'non-public') &&
    !RIGHTS_WORDS.test(d.description)
  )
    add(
      'description',
      'say in the description why access is restricted and how to ask for it (DCAT-US rights, required when not public)',
    );
  if (!isFrequency(d.update_frequency))
    add(
      'update_frequency',
      'declare how often the data is updated: R/P1D, R/PT1H, R/P1W, R/P1M..., irregular or continuous (DCAT-US accrualPeriodicity)',
    );
  if (d.access_level !== 'non-public') {
    if (d.distributions.length === 0)
      add('distributions', 'import the data so that the dataset has downloads (DCAT-US distribution)');
    for (const dist of d.distributions) {
      if (!isUrl(dist.url) || !MEDIA_TYPE.test(dist.mediaType))
        add(
          'distributions',
          `the download "${dist.title}" needs a URL and a media type such as text/csv (DCAT-US distribution mediaType)`,
        );
    }
  }
}

/** The city's rules (also the DCAT-US "when applicable" of spatial and temporal, as the city reads them). */
function cityRules(
  d: Described,
  rules: CityMetadataRules,
  add: (field: string, message: string) => void,
): void {
  const length = d.description.trim().length;
  if (length > 0 && length < rules.minDescriptionLength)
    add(
      'description',
      `write a description of at least ${rules.minDescriptionLength} characters (it has ${length}): what one record is, where the data comes from, its caveats`,
    );
  const keywords = d.keywords.filter((k) => k.trim() !== '').length;
  if (keywords > 0 && keywords < rules.minKeywords)
    add('keywords', `add keywords: at least ${plural(rules.minKeywords, 'keyword')} (it has ${keywords})`);
  if (rules.requireStewardPhone && !(d.steward.phone ?? '').trim())
    add('steward.phone', "give the steward's telephone number, so that people can call about the data");
  if (rules.requireSpatial && hasPlaces(d) && d.spatial === null)
    add(
      'spatial',
      'give the area the data covers as a bounding box [west, south, east, north] (DCAT-US spatial, for data with places)',
    );
  if (rules.requireTemporal && isDated(d) && (d.temporal === null || d.temporal.start === null))
    add(
      'temporal',
      'give the period the data covers, at least its start date (DCAT-US temporal, for dated records)',
    );
  if (rules.requireColumnDescriptions && d.kind === 'table') {
    const bare = d.columns.filter((c) => c.description.trim() === '').map((c) => c.field);
    if (bare.length > 0)
      add(
        'columns',
        `describe ${bare.length === 1 ? 'the column' : `these ${bare.length} columns`}: ${bare.slice(0, 12).join(', ')}${bare.length > 12 ? ', ...' : ''}`,
      );
  }
}

/**
 * Every gap in a dataset's metadata, DCAT-US first, then the city's rules, each with what to fix. An empty list
 * means the metadata is complete.
 */
export function completeness(dataset: Described, rules: CityMetadataRules = DCAT_US_ONLY): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field && p.message === message)) problems.push({ field, message });
  };
  dcatUs(dataset, add);
  cityRules(dataset, rules, add);
  return problems;
}

/** Whether two problem lists say the same (order aside). */
export function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  const key = (p: Problem) => `${p.field}\0${p.message}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}
