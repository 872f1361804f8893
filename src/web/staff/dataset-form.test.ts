import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../catalog/catalog.schema.js';
import { formErrors, keywordsOf, placeOf, readForm, toCreate, toUpdate, valuesOf } from './dataset-form.js';

const FILLED = {
  title: 'Street Trees',
  description: 'Every tree the city maintains, with species and size.',
  category: 'parks-recreation',
  department: 'parks',
  keywords: 'trees, canopy',
  steward_name: 'Urban Forestry',
  steward_email: 'trees@city.example',
  license: 'CC0-1.0',
  update_frequency: 'R/P1Y',
  access_level: 'public',
};

const DATASET: Dataset = {
  id: 'street-trees',
  slug: 'street-trees',
  title: 'Street Trees',
  description: 'Every tree the city maintains, with species and size.',
  category: { id: 'parks-recreation', title: 'Parks and recreation' },
  keywords: ['trees', 'canopy'],
  department: { id: 'parks', name: 'Parks' },
  steward: { name: 'Urban Forestry', email: 'trees@city.example', phone: null },
  license: {
    id: 'CC0-1.0',
    title: 'CC0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    attribution: '',
  },
  update_frequency: 'R/P1Y',
  kind: 'table',
  access_level: 'public',
  status: 'published',
  // From the data's extent, not stored on the dataset.
  spatial: [-118.5, 34.0, -118.2, 34.3],
  temporal: null,
  created_at: '2024-01-01T00:00:00Z',
  metadata_updated_at: '2024-01-01T00:00:00Z',
  data_updated_at: null,
  row_count: 10,
  geometry_type: 'Point',
  columns: [],
  distributions: [],
  landing_page: 'http://plaza.test/datasets/street-trees',
  source_notes: null,
};

describe('reading the metadata form', () => {
  it('reads every field as text, missing ones empty, with plain line ends', () => {
    const v = readForm({ title: 'A', description: 'one\r\ntwo', keywords: ['x', 'y'], extra: 'ignored' });
    expect(v.title).toBe('A');
    expect(v.description).toBe('one\ntwo');
    expect(v.keywords).toBe('x');
    expect(v.slug).toBe('');
    expect(Object.keys(v)).not.toContain('extra');
    expect(readForm(undefined).title).toBe('');
  });

  it('splits keywords on commas and lines, dropping blanks', () => {
    expect(keywordsOf(' trees, canopy ,,\nshade ')).toEqual(['trees', 'canopy', 'shade']);
  });

  it('makes a valid create input, with the id and slug from the title when left empty', () => {
    const { input, problems } = toCreate(readForm(FILLED));
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      id: 'street-trees',
      slug: 'street-trees',
      keywords: ['trees', 'canopy'],
      steward: { name: 'Urban Forestry', email: 'trees@city.example', phone: null },
      spatial: null,
      temporal: null,
    });
  });

  it('reports the catalog rules’ problems and its own, each at its place on the form', () => {
    const { problems } = toCreate(
      readForm({
        ...FILLED,
        id: 'Bad Id',
        steward_email: 'nope',
        access_level: 'secret',
        west: '1',
        temporal_start: '2024-05-01',
        temporal_end: '2024-01-01',
      }),
    );
    const errors = formErrors(problems);
    expect(errors.id).toMatch(/lowercase/);
    expect(errors.steward_email).toMatch(/not an email/);
    expect(errors.access_level).toMatch(/public, restricted or non-public/);
    expect(errors.spatial).toMatch(/all four/);
    expect(errors.temporal).toMatch(/start must not be after end/);
  });

  it('places unknown fields on the form as a whole', () => {
    expect(placeOf('steward.email')).toBe('steward_email');
    expect(placeOf('temporal.end')).toBe('temporal_end');
    expect(placeOf('landing_page')).toBe('form');
    expect(formErrors([{ field: 'landing_page', message: 'give a URL' }])).toEqual({
      form: 'landing_page: give a URL',
    });
  });
});

describe('an edit', () => {
  it('changes only what changed: an extent shown from the data is not pinned', () => {
    const before = valuesOf(DATASET);
    expect(before.west).toBe('-118.5');
    const { input, problems } = toUpdate({ ...before, title: 'Street Trees of Westminster' }, before);
    expect(problems).toEqual([]);
    expect(input).toEqual({ title: 'Street Trees of Westminster' });
  });

  it('treats the same keywords written differently as unchanged', () => {
    const before = valuesOf(DATASET);
    expect(toUpdate({ ...before, keywords: 'trees,canopy' }, before).input).toEqual({});
  });

  it('makes the slug from the title when it is emptied', () => {
    const before = valuesOf(DATASET);
    const { input } = toUpdate({ ...before, title: 'Trees', slug: '' }, before);
    expect(input).toEqual({ title: 'Trees', slug: 'trees' });
  });

  it('sends the steward as a whole when one of its parts changed, and checks it', () => {
    const before = valuesOf(DATASET);
    const { input, problems } = toUpdate({ ...before, steward_email: 'bad' }, before);
    expect(input.steward).toEqual({ name: 'Urban Forestry', email: 'bad', phone: null });
    expect(formErrors(problems).steward_email).toMatch(/not an email/);
  });

  it('clears the area covered when all four numbers are removed', () => {
    const before = valuesOf(DATASET);
    const { input } = toUpdate({ ...before, west: '', south: '', east: '', north: '' }, before);
    expect(input).toEqual({ spatial: null });
  });
});
