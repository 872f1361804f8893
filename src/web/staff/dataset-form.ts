/**
 * The dataset metadata form: reading a posted form into the catalog's create and update inputs, and a dataset
 * back into form values. The catalog's own rules (metadata-rules.ts) judge the values; this only reads them,
 * and names where each problem belongs on the form.
 */
import type { Dataset, DatasetCreate, DatasetUpdate } from '../../catalog/catalog.schema.js';
import { checkMetadata, slugify, type Problem } from '../../catalog/metadata-rules.js';
import { ACCESS_LEVELS, type AccessLevel } from '../../catalog/vocabulary.js';

export const FORM_FIELDS = [
  'id',
  'title',
  'slug',
  'description',
  'category',
  'department',
  'keywords',
  'steward_name',
  'steward_email',
  'steward_phone',
  'license',
  'attribution',
  'update_frequency',
  'access_level',
  'temporal_start',
  'temporal_end',
  'west',
  'south',
  'east',
  'north',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;

/** Problems keyed by where they show: a form field, or the `temporal` and `spatial` groups. */
export type FormErrors = Partial<Record<FormField | 'temporal' | 'spatial' | 'form', string>>;

/** The catalog's field names (steward.email, temporal.start ...) as places on the form. */
export function placeOf(field: string): keyof FormErrors {
  switch (field) {
    case 'steward.name':
      return 'steward_name';
    case 'steward.email':
      return 'steward_email';
    case 'steward.phone':
      return 'steward_phone';
    case 'temporal.start':
      return 'temporal_start';
    case 'temporal.end':
      return 'temporal_end';
    default:
      return (FORM_FIELDS as readonly string[]).includes(field) || field === 'temporal' || field === 'spatial'
        ? (field as keyof FormErrors)
        : 'form';
  }
}

/** Problems as form errors; the first problem of a place is shown there. */
export function formErrors(problems: readonly Problem[]): FormErrors {
  const out: FormErrors = {};
  for (const p of problems) {
    const place = placeOf(p.field);
    out[place] ??= p.field === place || place !== 'form' ? p.message : `${p.field}: ${p.message}`;
  }
  return out;
}

/** The posted form's values as text (missing fields empty), with line endings made plain. */
export function readForm(body: unknown): FormValues {
  const source = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values = {} as FormValues;
  for (const field of FORM_FIELDS) {
    const raw = source[field];
    const text = Array.isArray(raw) ? raw[0] : raw;
    values[field] = typeof text === 'string' ? text.replace(/\r\n?/g, '\n') : '';
  }
  return values;
}

export const EMPTY_FORM: FormValues = readForm({ access_level: 'public', update_frequency: 'R/P1M' });

/** A dataset as form values. */
export function valuesOf(d: Dataset): FormValues {
  const [west, south, east, north] = d.spatial?.map(String) ?? ['', '', '', ''];
  return {
    id: d.id,
    title: d.title,
    slug: d.slug,
    description: d.description,
    category: d.category.id,
    department: d.department.id,
    keywords: d.keywords.join(', '),
    steward_name: d.steward.name,
    steward_email: d.steward.email,
    steward_phone: d.steward.phone ?? '',
    license: d.license.id,
    attribution: d.license.attribution,
    update_frequency: d.update_frequency,
    access_level: d.access_level,
    temporal_start: d.temporal?.start ?? '',
    temporal_end: d.temporal?.end ?? '',
    west: west ?? '',
    south: south ?? '',
    east: east ?? '',
    north: north ?? '',
  };
}

/** Keywords from a comma-separated list. */
export const keywordsOf = (text: string) =>
  text
    .split(/[,\n]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');

function spatialOf(v: FormValues): { spatial: [number, number, number, number] | null; problem?: Problem } {
  const parts = [v.west, v.south, v.east, v.north].map((s) => s.trim());
  if (parts.every((p) => p === '')) return { spatial: null };
  const numbers = parts.map((p) => (p === '' ? NaN : Number(p)));
  if (numbers.some((n) => !Number.isFinite(n))) {
    return {
      spatial: null,
      problem: {
        field: 'spatial',
        message: 'give all four of west, south, east and north as numbers, or none',
      },
    };
  }
  return { spatial: numbers as [number, number, number, number] };
}

function temporalOf(v: FormValues): { start: string | null; end: string | null } | null {
  const start = v.temporal_start.trim() || null;
  const end = v.temporal_end.trim() || null;
  return start || end ? { start, end } : null;
}

/** The fields of a create input read from the form, before the catalog's rules (shared with edits). */
function fieldsOf(v: FormValues): { fields: Omit<DatasetCreate, 'id'>; problems: Problem[] } {
  const problems: Problem[] = [];
  const spatial = spatialOf(v);
  if (spatial.problem) problems.push(spatial.problem);
  if (!(ACCESS_LEVELS as readonly string[]).includes(v.access_level))
    problems.push({ field: 'access_level', message: 'choose public, restricted or non-public' });
  if (v.department.trim() === '') problems.push({ field: 'department', message: 'choose a department' });
  if (v.license.trim() === '') problems.push({ field: 'license', message: 'choose a licence' });
  const title = v.title.trim();
  return {
    fields: {
      title,
      slug: v.slug.trim() || slugify(title),
      description: v.description,
      category: v.category.trim(),
      keywords: keywordsOf(v.keywords),
      department: v.department.trim(),
      steward: {
        name: v.steward_name.trim(),
        email: v.steward_email.trim(),
        phone: v.steward_phone.trim() || null,
      },
      license: v.license.trim(),
      attribution: v.attribution.trim(),
      update_frequency: v.update_frequency.trim(),
      access_level: v.access_level as AccessLevel,
      spatial: spatial.spatial,
      temporal: temporalOf(v),
    },
    problems,
  };
}

/** The id a new dataset gets: the one given, or one made from the title. */
export function idOf(v: FormValues): string {
  const given = v.id.trim();
  if (given) return given;
  return slugify(v.title).slice(0, 64).replace(/-+$/, '');
}

/** A create input from the form, and every problem the form and the catalog's rules find in it. */
export function toCreate(v: FormValues): { input: DatasetCreate; problems: Problem[] } {
  const { fields, problems } = fieldsOf(v);
  const input: DatasetCreate = { id: idOf(v), ...fields };
  return { input, problems: [...problems, ...checkMetadata(input)] };
}

/** The form fields behind each input field of the catalog. */
const SOURCES: Partial<Record<keyof DatasetUpdate, readonly FormField[]>> = {
  steward: ['steward_name', 'steward_email', 'steward_phone'],
  spatial: ['west', 'south', 'east', 'north'],
  temporal: ['temporal_start', 'temporal_end'],
};

/**
 * An update input with only the fields that changed from `before` (so that an untouched field, such as a
 * spatial coverage shown from the data, is not pinned), and every problem found in them.
 */
export function toUpdate(v: FormValues, before: FormValues): { input: DatasetUpdate; problems: Problem[] } {
  const { fields, problems } = fieldsOf(v);
  const same = (f: FormField) => v[f].trim() === before[f].trim();
  const changed = (key: keyof typeof fields): boolean => {
    switch (key) {
      case 'keywords':
        return keywordsOf(v.keywords).join('\n') !== keywordsOf(before.keywords).join('\n');
      case 'slug':
        // Left empty, the slug follows the title.
        return fields.slug !== before.slug;
      default:
        return !(SOURCES[key] ?? [key as FormField]).every(same);
    }
  };
  const input: DatasetUpdate = {};
  for (const key of Object.keys(fields) as (keyof typeof fields)[])
    if (changed(key)) Object.assign(input, { [key]: fields[key] });
  return { input, problems: [...problems.filter((p) => p.field in input), ...checkMetadata(input)] };
}
