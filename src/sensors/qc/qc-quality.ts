/**
 * How a judged observation's quality is stored and served. Stored compactly: the combined flag (`qc_flag`), each
 * test's flag packed into one integer (`qc_tests`, see `encodeTests`) and, apart, only what the client sent
 * (`result_quality`, null when nothing). Served as one `resultQuality` JSON, composed on read:
 * `{"qartod":{"flag":1,"tests":{...}}}` followed by what the client sent (an object's own members; any other
 * value under `"reported"`; a client's own `qartod` member is replaced by ours). Nearly every observation has one
 * of a handful of outcomes and no quality of its own, so the composed text is cached per outcome.
 */
import { QC_TESTS, type QcFlag, type QcTestName } from './qc.types.js';

export type QcTests = Partial<Record<QcTestName, QcFlag>>;

const DIGITS = QC_TESTS.length;

/**
 * Each test's flag as one decimal digit, in `QC_TESTS` order from the most significant digit (gross_range) to
 * the least (timing_gap); 0 for a test not run. `{gross_range: 1, spike: 3}` is 103000.
 */
export function encodeTests(tests: QcTests): number {
  let code = 0;
  for (let i = 0; i < DIGITS; i++) code = code * 10 + (tests[QC_TESTS[i]!] ?? 0);
  return code;
}

/** The tests of a code from `encodeTests`, in `QC_TESTS` order (the tests not run left out). */
export function decodeTests(code: number): QcTests {
  const tests: QcTests = {};
  let scale = 10 ** (DIGITS - 1);
  for (let i = 0; i < DIGITS; i++) {
    const digit = Math.floor(code / scale) % 10;
    if (digit !== 0) tests[QC_TESTS[i]!] = digit as QcFlag;
    scale /= 10;
  }
  return tests;
}

/** The SQL of one test's flag from the `qc_tests` column (NULL when it was not run), for filters. */
export function testFlagSql(column: string, test: QcTestName): string | undefined {
  const i = QC_TESTS.indexOf(test);
  if (i < 0) return undefined;
  return `nullif((${column} / ${10 ** (DIGITS - 1 - i)}) % 10, 0)`;
}

/** `{"flag":1,"tests":{"gross_range":1}}` by flag and code. */
const FRAGMENTS = new Map<number, string>();
/** `{"qartod":...}` alone (no client quality) by flag and code. */
const ALONE = new Map<number, string>();
/** The same, parsed and frozen, for live events. */
const OBJECTS = new Map<number, Readonly<Record<string, unknown>>>();

const keyOf = (flag: number, code: number | null) => flag * 10 ** DIGITS + (code ?? 0);

function fragmentOf(flag: number, code: number | null, key: number): string {
  let text = FRAGMENTS.get(key);
  if (text === undefined) {
    text = JSON.stringify({ flag, tests: decodeTests(code ?? 0) });
    FRAGMENTS.set(key, text);
  }
  return text;
}

/**
 * The served `resultQuality` JSON text from what is stored: the client's JSON text (or null), the combined flag
 * and the tests' code (null: none run). Without a flag (stored with QC off, or before QC), the client's text
 * unchanged.
 */
export function qualityJson(client: string | null, flag: number | null, code: number | null): string | null {
  if (flag === null) return client;
  const key = keyOf(flag, code);
  if (client === null) {
    let text = ALONE.get(key);
    if (text === undefined) ALONE.set(key, (text = `{"qartod":${fragmentOf(flag, code, key)}}`));
    return text;
  }
  const fragment = fragmentOf(flag, code, key);
  // Stored as JSON.stringify wrote it: an object starts with '{', and its own members follow ours.
  if (client.charCodeAt(0) !== 0x7b) return `{"qartod":${fragment},"reported":${client}}`;
  let members = client.slice(1, -1);
  if (client.includes('"qartod"')) {
    const value = JSON.parse(client) as Record<string, unknown>;
    if (Object.hasOwn(value, 'qartod')) {
      delete value.qartod;
      members = JSON.stringify(value).slice(1, -1);
    }
  }
  return members === '' ? `{"qartod":${fragment}}` : `{"qartod":${fragment},${members}}`;
}

/** The same as a value (for live events): one shared frozen object per outcome when the client sent nothing. */
export function qualityValue(client: string | null, flag: number | null, code: number | null): unknown {
  if (flag === null || client !== null) {
    const text = qualityJson(client, flag, code);
    return text === null ? null : (JSON.parse(text) as unknown);
  }
  const key = keyOf(flag, code);
  let value = OBJECTS.get(key);
  if (value === undefined) {
    const qartod = JSON.parse(fragmentOf(flag, code, key)) as { tests: object };
    Object.freeze(qartod.tests);
    value = Object.freeze({ qartod: Object.freeze(qartod) });
    OBJECTS.set(key, value);
  }
  return value;
}
