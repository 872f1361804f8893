import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completeness,
  DCAT_US_ONLY,
  hasPlaces,
  isDated,
  sameProblems,
  type CityMetadataRules,
  type Described,
} from './completeness.js';

const CITY: CityMetadataRules = {
  minDescriptionLength: 100,
  minKeywords: 3,
  requireStewardPhone: true,
  requireColumnDescriptions: true,
  requireSpatial: true,
  requireTemporal: true,
};

const column = (field: string, type = 'text', description = `What ${field} holds.`) => ({
  field,
  name: field,
  type,
  description,
  unit: null,
});

/** A dataset that passes every rule, DCAT-US and the city's. */
function complete(): Described {
  return {
    id: 'bldg-permits',
    title: 'Building Permits',
    description:
      'Building permits issued by the city since 2015: one row is one permit, with its type, address, valuation and status. Updated every night from the permit system.',
    keywords: ['permits', 'construction', 'housing'],
    department: { id: 'community-development', name: 'Community Development' },
    steward: { name: 'Building & Safety', email: 'building@city.example', phone: '(714) 555-0100' },
    license: {
      id: 'PDDL-1.0',
      title: 'PDDL',
      url: 'https://opendatacommons.org/licenses/pddl/1-0/',
      attribution: '',
    },
    update_frequency: 'R/P1D',
    kind: 'table',
    access_level: 'public',
    spatial: [-118, 33.7, -117.9, 33.8],
    temporal: { start: '2015-01-01', end: null },
    metadata_updated_at: '2026-03-01T10:00:00.000Z',
    geometry_type: 'Point',
    columns: [column('permit_number'), column('issued_on', 'date'), column('location', 'geometry')],
    distributions: [
      {
        format: 'CSV',
        mediaType: 'text/csv',
        title: 'Full download as CSV',
        url: 'http://plaza.test/rows.csv',
      },
    ],
  };
}

const fields = (d: Described, rules: CityMetadataRules = CITY) => completeness(d, rules).map((p) => p.field);
const only = (d: Described, rules: CityMetadataRules = CITY) => {
  const problems = completeness(d, rules);
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe('metadata completeness: DCAT-US 1.1 required fields', () => {
  it('finds nothing to fix in a complete dataset, with the city rules or DCAT-US alone', () => {
    expect(completeness(complete(), CITY)).toEqual([]);
    expect(completeness(complete())).toEqual([]);
  });

  it('asks for a title', () => {
    expect(only({ ...complete(), title: '  ' })).toEqual({
      field: 'title',
      message: 'give the dataset a title (DCAT-US title)',
    });
  });

  it('asks for a description, once, not also for a longer one', () => {
    const problem = only({ ...complete(), description: ' ' });
    expect(problem.field).toBe('description');
    expect(problem.message).toContain('DCAT-US description');
  });

  it('asks for a keyword when there is none or only blank ones', () => {
    expect(only({ ...complete(), keywords: [] }).message).toContain('at least one keyword');
    expect(only({ ...complete(), keywords: ['', ' '] }).field).toBe('keywords');
  });

  it('asks for a last-modified date (modified)', () => {
    expect(only({ ...complete(), metadata_updated_at: 'yesterday' }).field).toBe('metadata_updated_at');
  });

  it('asks for the publisher (the department)', () => {
    expect(only({ ...complete(), department: { id: 'x', name: '' } }).message).toContain('DCAT-US publisher');
  });

  it('asks for the contact point: a name and an email address', () => {
    const noName = only({ ...complete(), steward: { ...complete().steward, name: '' } });
    expect(noName).toMatchObject({ field: 'steward.name' });
    expect(noName.message).toContain('contactPoint fn');
    for (const email of ['', 'nobody', 'a@b', 'two words@city.example']) {
      const problem = only({ ...complete(), steward: { ...complete().steward, email } });
      expect(problem.field, email).toBe('steward.email');
      expect(problem.message).toContain('hasEmail');
    }
  });

  it('asks for an identifier and a valid access level', () => {
    expect(fields({ ...complete(), id: '' })).toEqual(['id']);
    expect(only({ ...complete(), access_level: 'secret' }).message).toContain(
      'public, restricted or non-public',
    );
  });
});

describe('metadata completeness: DCAT-US required when applicable', () => {
  it('asks for a licence URL unless the dataset is non-public', () => {
    const unlicensed = { ...complete(), license: { ...complete().license, url: '' } };
    expect(only(unlicensed).field).toBe('license');
    expect(
      fields({
        ...unlicensed,
        access_level: 'restricted',
        description: `${complete().description} Access is restricted.`,
      }),
    ).toEqual(['license']);
    expect(
      completeness(
        {
          ...unlicensed,
          access_level: 'non-public',
          description: `${complete().description} Access is restricted.`,
        },
        CITY,
      ),
    ).toEqual([]);
  });

  it('asks a dataset that is not public to say why in its description (rights)', () => {
    for (const level of ['restricted', 'non-public']) {
      const problem = only({ ...complete(), access_level: level });
      expect(problem.field).toBe('description');
      expect(problem.message).toContain('DCAT-US rights');
      expect(
        completeness(
          {
            ...complete(),
            access_level: level,
            description: `${complete().description} The names are confidential.`,
          },
          CITY,
        ),
      ).toEqual([]);
    }
    // A public dataset needs no such sentence.
    expect(completeness(complete(), CITY)).toEqual([]);
  });

  it("asks for an update frequency DCAT-US can read (or Plaza's continuous)", () => {
    for (const ok of ['R/P1D', 'R/PT1H', 'R/P1W', 'R/P1M', 'irregular', 'continuous'])
      expect(completeness({ ...complete(), update_frequency: ok }, CITY), ok).toEqual([]);
    for (const bad of ['daily', 'P1D', 'R/P', ''])
      expect(only({ ...complete(), update_frequency: bad }).field, bad).toBe('update_frequency');
  });

  it('asks for data (a distribution) unless the dataset is non-public, and a media type for each download', () => {
    expect(only({ ...complete(), distributions: [] }).message).toContain('import the data');
    const badType = {
      ...complete(),
      distributions: [{ format: 'CSV', mediaType: 'csv', title: 'CSV file', url: 'http://plaza.test/x.csv' }],
    };
    expect(only(badType).message).toContain('"CSV file" needs a URL and a media type');
    const noUrl = { ...complete(), distributions: [{ ...complete().distributions[0]!, url: 'rows.csv' }] };
    expect(only(noUrl).field).toBe('distributions');
    expect(
      fields({
        ...complete(),
        distributions: [],
        access_level: 'non-public',
        description: `${complete().description} Access: staff only.`,
      }),
    ).toEqual([]);
  });
});

describe("metadata completeness: the city's own rules", () => {
  it('asks for a longer description, saying how long it is', () => {
    const problem = only({ ...complete(), description: 'Permits issued by the city.' });
    expect(problem).toEqual({
      field: 'description',
      message:
        'write a description of at least 100 characters (it has 27): what one record is, where the data comes from, its caveats',
    });
    expect(completeness({ ...complete(), description: 'Permits issued by the city.' })).toEqual([]);
  });

  it('asks for more keywords, saying how many there are', () => {
    expect(only({ ...complete(), keywords: ['permits'] }).message).toBe(
      'add keywords: at least 3 keywords (it has 1)',
    );
    expect(only({ ...complete(), keywords: ['a', 'b'] }, { ...CITY, minKeywords: 2 + 1 }).message).toContain(
      'it has 2',
    );
    expect(fields({ ...complete(), keywords: ['a'] }, { ...CITY, minKeywords: 1 })).toEqual([]);
  });

  it("asks for the steward's telephone number when the city requires one", () => {
    for (const phone of [null, '', '  ']) {
      const d = { ...complete(), steward: { ...complete().steward, phone } };
      expect(only(d).field).toBe('steward.phone');
      expect(fields(d, { ...CITY, requireStewardPhone: false })).toEqual([]);
    }
  });

  it('asks for a bounding box for data with places: geometries or sensors', () => {
    const table = { ...complete(), spatial: null };
    expect(only(table).field).toBe('spatial');
    expect(fields({ ...table, geometry_type: null })).toEqual([]);
    const sensor = { ...table, geometry_type: null, kind: 'sensor', columns: [] };
    expect(only(sensor).message).toContain('bounding box');
    expect(fields(sensor, { ...CITY, requireSpatial: false })).toEqual([]);
  });

  it('asks for a time period for dated records: date columns or sensors', () => {
    const table = { ...complete(), temporal: null };
    expect(only(table).field).toBe('temporal');
    expect(only({ ...complete(), temporal: { start: null, end: '2026-01-01' } }).field).toBe('temporal');
    expect(fields({ ...table, columns: [column('permit_number')] })).toEqual([]);
    expect(fields({ ...table, kind: 'sensor', columns: [] })).toEqual(['temporal']);
    expect(fields(table, { ...CITY, requireTemporal: false })).toEqual([]);
  });

  it('names the columns of a table that have no description', () => {
    const d = { ...complete(), columns: [column('a', 'text', ''), column('b'), column('c', 'text', ' ')] };
    expect(only(d)).toEqual({ field: 'columns', message: 'describe these 2 columns: a, c' });
    expect(only({ ...complete(), columns: [column('a', 'text', '')] }).message).toBe(
      'describe the column: a',
    );
    const many = {
      ...complete(),
      columns: Array.from({ length: 14 }, (_, i) => column(`c${i}`, 'text', '')),
    };
    expect(only(many).message).toMatch(/^describe these 14 columns: c0, .*c11, \.\.\.$/);
    expect(fields(d, { ...CITY, requireColumnDescriptions: false })).toEqual([]);
  });
});

describe('metadata completeness: helpers', () => {
  it('knows which datasets have places and dated records', () => {
    expect(hasPlaces({ kind: 'sensor', geometry_type: null })).toBe(true);
    expect(hasPlaces({ kind: 'table', geometry_type: 'Polygon' })).toBe(true);
    expect(hasPlaces({ kind: 'table', geometry_type: null })).toBe(false);
    expect(isDated({ kind: 'table', columns: [column('at', 'timestamp')] })).toBe(true);
    expect(isDated({ kind: 'table', columns: [column('n', 'number')] })).toBe(false);
  });

  it('compares problem lists regardless of order', () => {
    const a = { field: 'a', message: 'x' };
    const b = { field: 'b', message: 'y' };
    expect(sameProblems([a, b], [b, a])).toBe(true);
    expect(sameProblems([a], [a, b])).toBe(false);
    expect(sameProblems([a], [{ ...a, message: 'z' }])).toBe(false);
  });

  it('lists each problem once, with a field and a message that says what to do, whatever the input', () => {
    const text = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(
        fc.record({
          title: text,
          description: fc.string({ maxLength: 150 }),
          keywords: fc.array(text, { maxLength: 4 }),
          email: text,
          phone: fc.option(text),
          access: fc.constantFrom('public', 'restricted', 'non-public', 'other'),
          frequency: fc.constantFrom('R/P1D', 'daily', 'irregular', ''),
          spatial: fc.boolean(),
        }),
        (input) => {
          const d: Described = {
            ...complete(),
            title: input.title,
            description: input.description,
            keywords: input.keywords,
            steward: { name: 'Team', email: input.email, phone: input.phone },
            access_level: input.access,
            update_frequency: input.frequency,
            spatial: input.spatial ? complete().spatial : null,
          };
          const problems = completeness(d, CITY);
          const keys = problems.map((p) => `${p.field}\0${p.message}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const p of problems) {
            expect(p.field).not.toBe('');
            expect(p.message.length).toBeGreaterThan(10);
          }
          // DCAT-US alone never asks more than the city's rules do.
          const dcat = completeness(d, DCAT_US_ONLY).map((p) => `${p.field}\0${p.message}`);
          for (const key of dcat) expect(keys).toContain(key);
        },
      ),
    );
  });
});
