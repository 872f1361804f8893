import { describe, expect, it } from 'vitest';
import { geometryText } from './latest.js';
import { csvField, jsonField, observationLine, resultField } from './readings-csv.js';

describe('observation CSV', () => {
  it('quotes only what RFC 4180 needs', () => {
    expect(csvField('free')).toBe('free');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.1)).toBe('0.1');
  });

  it('prints results as their plain value', () => {
    expect(resultField(12.5, null)).toBe('12.5');
    expect(resultField(1, 'true')).toBe('true');
    expect(resultField(null, '"occupied, towed"')).toBe('"occupied, towed"');
    expect(resultField(null, '{"a":[1,2]}')).toBe('"{""a"":[1,2]}"');
    expect(resultField(null, null)).toBe('');
    expect(jsonField('"plain"')).toBe('plain');
  });

  it('writes one line per observation: id, time or interval, result time, result, quality, QC flag', () => {
    const t = Date.UTC(2026, 0, 1);
    // The quality is composed from what the client sent, the flag and the tests (packed): see qc-quality.ts.
    expect(observationLine([5, t, null, null, 3, null, null, 4, 400000])).toBe(
      '5,2026-01-01T00:00:00.000Z,,3,"{""qartod"":{""flag"":4,""tests"":{""gross_range"":4}}}",4\r\n',
    );
    expect(observationLine([6, t, t + 60_000, t + 61_000, null, '"x"', '{"note":1}', 1, 0])).toBe(
      '6,2026-01-01T00:00:00.000Z/2026-01-01T00:01:00.000Z,2026-01-01T00:01:01.000Z,x,"{""qartod"":{""flag"":1,""tests"":{}},""note"":1}",1\r\n',
    );
  });

  it('writes a row stored without a flag as not evaluated (2)', () => {
    const t = Date.UTC(2026, 0, 1);
    expect(observationLine([7, t, null, null, 3, null, null, null, null])).toBe(
      '7,2026-01-01T00:00:00.000Z,,3,,2\r\n',
    );
  });
});

describe('latest GeoJSON geometry', () => {
  it('takes a geometry as stored, the geometry of a Feature, and null for anything else', () => {
    expect(geometryText('{"type":"Point","coordinates":[1,2]}')).toBe('{"type":"Point","coordinates":[1,2]}');
    expect(geometryText('{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}')).toBe(
      '{"type":"Point","coordinates":[1,2]}',
    );
    expect(geometryText(undefined)).toBe('null');
    expect(geometryText('not json')).toBe('null');
    expect(geometryText('[1,2]')).toBe('null');
  });
});
