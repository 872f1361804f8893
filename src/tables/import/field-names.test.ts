import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeField, safeFieldNames } from './field-names.js';

const fieldsOf = (headers: string[]) => safeFieldNames(headers).fields.map((f) => f.field);

describe('safeField', () => {
  it('lowercases, strips accents and joins words with underscores', () => {
    expect(safeField('Permit Number')).toBe('permit_number');
    expect(safeField('  Año de Construcción ')).toBe('ano_de_construccion');
    expect(safeField('Straße / Größe (m²)')).toBe('strasse_grosse_m2');
    expect(safeField('__Total--Cost ($)__')).toBe('total_cost');
    expect(safeField('camelCase')).toBe('camelcase');
  });

  it('prefixes names that would start with a digit', () => {
    expect(safeField('2020 total')).toBe('c_2020_total');
    expect(safeField('_1st')).toBe('c_1st');
  });

  it('never starts with an underscore and keeps at most 63 characters', () => {
    expect(safeField('_id')).toBe('id');
    const long = safeField('a'.repeat(62) + ' b');
    expect(long).toBe('a'.repeat(62));
    expect(safeField('x'.repeat(100))).toHaveLength(63);
  });

  it('returns empty for a header with nothing ascii in it', () => {
    expect(safeField('名前')).toBe('');
    expect(safeField('%')).toBe('');
  });

  it('always yields a safe identifier (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (header) => {
        const field = safeField(header);
        expect(field === '' || /^[a-z][a-z0-9_]{0,62}$/.test(field)).toBe(true);
        expect(field.endsWith('_')).toBe(false);
      }),
    );
  });
});

describe('safeFieldNames', () => {
  it('keeps the trimmed header as the display name', () => {
    expect(safeFieldNames([' Permit Number ', 'Año'])).toEqual({
      fields: [
        { field: 'permit_number', name: 'Permit Number' },
        { field: 'ano', name: 'Año' },
      ],
      problems: [],
    });
  });

  it('names blank headers column_N and tells the user to name them', () => {
    const { fields, problems } = safeFieldNames(['id', '', '  ']);
    expect(fields).toEqual([
      { field: 'id', name: 'id' },
      { field: 'column_2', name: 'column_2' },
      { field: 'column_3', name: 'column_3' },
    ]);
    expect(problems).toEqual([
      {
        line: 1,
        column: 'column_2',
        code: 'import.blank_column',
        message:
          'Column 2 has no name in the header, so it is stored as "column_2"; name the column in the file.',
      },
      expect.objectContaining({ column: 'column_3', code: 'import.blank_column' }),
    ]);
  });

  it('numbers duplicates name_2, name_3 and warns', () => {
    const { fields, problems } = safeFieldNames(['Name', 'name', 'NAME ', 'city']);
    expect(fields.map((f) => f.field)).toEqual(['name', 'name_2', 'name_3', 'city']);
    expect(fields.map((f) => f.name)).toEqual(['Name', 'name', 'NAME', 'city']);
    expect(problems.map((p) => [p.code, p.column])).toEqual([
      ['import.duplicate_column', 'name_2'],
      ['import.duplicate_column', 'name_3'],
    ]);
    expect(problems[0]?.message).toBe(
      'Column 2 ("name") has the same field name "name" as column 1 ("Name"), so it is stored as "name_2"; rename one of them in the file to choose.',
    );
  });

  it('does not take a name another header produces itself', () => {
    expect(fieldsOf(['a', 'a', 'a_2'])).toEqual(['a', 'a_3', 'a_2']);
    expect(fieldsOf(['column_2', ''])).toEqual(['column_2', 'column_2_2']);
  });

  it('gives headers without ascii letters a positional field and keeps their name', () => {
    const { fields, problems } = safeFieldNames(['名前', 'id']);
    expect(fields).toEqual([
      { field: 'column_1', name: '名前' },
      { field: 'id', name: 'id' },
    ]);
    expect(problems).toEqual([]);
  });

  it('uses the header line it is given', () => {
    expect(safeFieldNames(['a', 'a'], 3).problems[0]?.line).toBe(3);
  });

  it('always yields unique safe fields (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('', 'a', 'A', 'a_2', 'column_1', ' 1x'), fc.string())),
        (headers) => {
          const fields = fieldsOf(headers);
          expect(new Set(fields).size).toBe(headers.length);
          for (const field of fields) expect(field).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
        },
      ),
    );
  });
});
