import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTests, encodeTests, qualityJson, qualityValue, type QcTests } from './qc-quality.js';
import { QC_TESTS, type QcFlag } from './qc.types.js';

const flag = fc.constantFrom<QcFlag>(1, 2, 3, 4, 9);
const tests: fc.Arbitrary<QcTests> = fc.record(
  Object.fromEntries(QC_TESTS.map((t) => [t, flag])) as Record<
    (typeof QC_TESTS)[number],
    fc.Arbitrary<QcFlag>
  >,
  { requiredKeys: [] },
);

/**
 * What ingest stored in `result_quality` before the outcome moved to columns (the shape served since): the
 * outcome, then the client's members spliced from its JSON text (their order kept), or its value as `reported`.
 */
function merged(client: unknown, outcome: { flag: number; tests: QcTests } | null): string | null {
  const text = client === undefined || client === null ? null : JSON.stringify(client);
  if (outcome === null) return text;
  const ordered: QcTests = {};
  for (const t of QC_TESTS) if (outcome.tests[t] !== undefined) ordered[t] = outcome.tests[t];
  const qartod = JSON.stringify({ flag: outcome.flag, tests: ordered });
  let part = '';
  if (text !== null && typeof client === 'object' && !Array.isArray(client)) {
    const value = client as Record<string, unknown>;
    if (Object.hasOwn(value, 'qartod')) {
      const rest = { ...value };
      delete rest.qartod;
      part = JSON.stringify(rest).slice(1, -1);
    } else part = text.slice(1, -1);
  } else if (text !== null) part = `"reported":${text}`;
  return part === '' ? `{"qartod":${qartod}}` : `{"qartod":${qartod},${part}}`;
}

describe('encodeTests / decodeTests', () => {
  it('packs one digit per test, gross_range first, 0 for a test not run', () => {
    expect(encodeTests({})).toBe(0);
    expect(encodeTests({ gross_range: 1 })).toBe(100000);
    expect(encodeTests({ gross_range: 1, spike: 3 })).toBe(103000);
    expect(encodeTests({ timing_gap: 9 })).toBe(9);
    expect(
      encodeTests({
        gross_range: 9,
        climatology: 9,
        spike: 9,
        rate_of_change: 9,
        flat_line: 9,
        timing_gap: 9,
      }),
    ).toBe(999999);
    expect(decodeTests(103000)).toEqual({ gross_range: 1, spike: 3 });
    expect(decodeTests(9)).toEqual({ timing_gap: 9 });
    expect(decodeTests(0)).toEqual({});
  });

  it('decodes what it encodes, tests in QC_TESTS order', () => {
    fc.assert(
      fc.property(tests, (t) => {
        const decoded = decodeTests(encodeTests(t));
        expect(decoded).toEqual(t);
        expect(Object.keys(decoded)).toEqual(QC_TESTS.filter((name) => t[name] !== undefined));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('qualityJson', () => {
  it('serves the client text unchanged without a flag', () => {
    expect(qualityJson(null, null, null)).toBeNull();
    expect(qualityJson('{"a":1}', null, null)).toBe('{"a":1}');
    expect(qualityJson('"good"', null, 100000)).toBe('"good"');
  });

  it('puts the outcome first, then the client members or its value under "reported"', () => {
    expect(qualityJson(null, 1, 100000)).toBe('{"qartod":{"flag":1,"tests":{"gross_range":1}}}');
    expect(qualityJson('{"a":1,"b":"x"}', 3, 103000)).toBe(
      '{"qartod":{"flag":3,"tests":{"gross_range":1,"spike":3}},"a":1,"b":"x"}',
    );
    expect(qualityJson('"good"', 2, 0)).toBe('{"qartod":{"flag":2,"tests":{}},"reported":"good"}');
    expect(qualityJson('[1,2]', 2, null)).toBe('{"qartod":{"flag":2,"tests":{}},"reported":[1,2]}');
    expect(qualityJson('{}', 1, 100000)).toBe('{"qartod":{"flag":1,"tests":{"gross_range":1}}}');
  });

  it("replaces a client's own qartod member", () => {
    expect(qualityJson('{"qartod":3,"a":1}', 1, 100000)).toBe(
      '{"qartod":{"flag":1,"tests":{"gross_range":1}},"a":1}',
    );
    expect(qualityJson('{"qartod":3}', 1, 100000)).toBe('{"qartod":{"flag":1,"tests":{"gross_range":1}}}');
    expect(qualityJson('{"note":"\\"qartod\\""}', 1, 0)).toBe(
      '{"qartod":{"flag":1,"tests":{}},"note":"\\"qartod\\""}',
    );
  });

  it('shares one text per outcome when the client sent nothing', () => {
    expect(qualityJson(null, 4, 400001)).toBe(qualityJson(null, 4, 400001));
    expect(qualityValue(null, 4, 400001)).toBe(qualityValue(null, 4, 400001));
    expect(Object.isFrozen(qualityValue(null, 4, 400001))).toBe(true);
    expect(qualityValue(null, 4, 400001)).toEqual({
      qartod: { flag: 4, tests: { gross_range: 4, timing_gap: 1 } },
    });
    expect(qualityValue('{"a":1}', 1, 0)).toEqual({ qartod: { flag: 1, tests: {} }, a: 1 });
    expect(qualityValue('{"a":1}', null, null)).toEqual({ a: 1 });
    expect(qualityValue(null, null, null)).toBeNull();
  });

  it('composes byte for byte what was stored merged before', () => {
    const client = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('qartod', 'a', 'flag', 'reported', 'x y'), fc.jsonValue()),
    );
    fc.assert(
      fc.property(client, fc.option(fc.record({ flag, tests })), (value, outcome) => {
        const text = value === undefined || value === null ? null : JSON.stringify(value);
        expect(qualityJson(text, outcome?.flag ?? null, outcome ? encodeTests(outcome.tests) : null)).toBe(
          merged(value, outcome),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
