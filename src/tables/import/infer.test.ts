import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-errors.js';
import { TypeInference, converter, isNullToken, parseTypeOverrides } from './infer.js';
import type { ValueType } from './infer.js';
import { localTimeToUtc } from './temporal.js';

const LA = { timeZone: 'America/Los_Angeles' };

function infer(values: string[]): ValueType {
  const inference = new TypeInference();
  for (const v of values) inference.observe(v);
  return inference.type;
}

function convert(type: ValueType, raw: string, options = LA) {
  return converter(type, options)(raw);
}

function value(type: ValueType, raw: string, options = LA) {
  const result = convert(type, raw, options);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('isNullToken', () => {
  it('knows the usual spellings of "no value"', () => {
    for (const v of [
      '',
      '  ',
      'NA',
      'na',
      'N/A',
      'n/a',
      '#N/A',
      'null',
      'NULL',
      'None',
      '-',
      '--',
      ' N/A ',
    ]) {
      expect(isNullToken(v), v).toBe(true);
    }
    for (const v of ['0', 'n', 'nan', 'NaN', 'nil', 'Nancy', 'none of them', '---', 'x']) {
      expect(isNullToken(v), v).toBe(false);
    }
  });
});

describe('TypeInference', () => {
  it('infers numbers, including signs, fractions, exponents and thousands separators', () => {
    expect(infer(['1', '-2.5', '+3', '1e6', '6.02E-23', '1,234,567.5', '.5', '0', '0.25'])).toBe('number');
  });

  it('keeps a column with a leading-zero value as text (ZIP codes, parcel numbers)', () => {
    expect(infer(['90210', '02134'])).toBe('text');
    expect(infer(['007'])).toBe('text');
    expect(infer(['-01.5'])).toBe('text');
  });

  it('keeps integers of more than 15 digits as text, and NaN and Infinity', () => {
    expect(infer(['123456789012345'])).toBe('number');
    expect(infer(['1234567890123456'])).toBe('text');
    expect(infer(['1', 'NaN'])).toBe('text');
    expect(infer(['1', 'Infinity'])).toBe('text');
    expect(infer(['1e400'])).toBe('text');
  });

  it('rejects malformed thousands separators', () => {
    expect(infer(['1,23'])).toBe('text');
    expect(infer(['1234,567'])).toBe('text');
    expect(infer([',123'])).toBe('text');
  });

  it('counts null tokens as nulls in a number column', () => {
    const inference = new TypeInference();
    for (const v of ['1', 'N/A', '', '3.5', '-']) inference.observe(v);
    expect(inference.type).toBe('number');
    expect(inference.count).toBe(5);
    expect(inference.nullCount).toBe(3);
  });

  it('infers booleans from true and false in any case only', () => {
    expect(infer(['true', 'FALSE', 'True', ''])).toBe('boolean');
    expect(infer(['true', 'yes'])).toBe('text');
    expect(infer(['1', '0'])).toBe('number');
  });

  it('infers dates in ISO, slash and US forms, validating the calendar', () => {
    expect(infer(['2024-01-31', '2024/02/29', '3/1/2024', '12/31/2023'])).toBe('date');
    expect(infer(['2023-02-29'])).toBe('text');
    expect(infer(['2024-02-30'])).toBe('text');
    expect(infer(['13/1/2024'])).toBe('text');
    expect(infer(['2024-1-5'])).toBe('text');
  });

  it('infers timestamps, and a column mixing dates and timestamps is timestamp', () => {
    expect(infer(['2024-03-10T14:30:00Z', '2024-03-10 14:30', '3/10/2024 2:30 PM'])).toBe('timestamp');
    expect(infer(['2024-03-10', '2024-03-10T14:30:00-07:00'])).toBe('timestamp');
    expect(infer(['2024-03-10T25:00'])).toBe('text');
    expect(infer(['3/10/2024 13:30 PM'])).toBe('text');
  });

  it('falls back to text when any value does not fit', () => {
    expect(infer(['1', '2', 'three'])).toBe('text');
    expect(infer(['2024-01-01', 'soon'])).toBe('text');
  });

  it('makes an all-null column text', () => {
    expect(infer(['', 'N/A', 'null'])).toBe('text');
    expect(infer([])).toBe('text');
  });

  it('accepts surrounding spaces around numbers', () => {
    expect(infer([' 12 ', '3'])).toBe('number');
    expect(value('number', ' 12 ')).toBe(12);
  });
});

describe('converter', () => {
  it('converts numbers, thousands separators and null tokens', () => {
    expect(value('number', '1,234,567.5')).toBe(1234567.5);
    expect(value('number', '-2e3')).toBe(-2000);
    expect(value('number', 'N/A')).toBeNull();
    expect(value('number', '')).toBeNull();
  });

  it('rejects a bad value naming the value and the type', () => {
    expect(convert('number', 'abc')).toEqual({ ok: false, message: '"abc" is not a number' });
    expect(convert('boolean', 'yes')).toEqual({
      ok: false,
      message: '"yes" is not a boolean (true or false)',
    });
    expect(convert('date', '2024-02-30')).toEqual({
      ok: false,
      message: '"2024-02-30" is not a date (YYYY-MM-DD, YYYY/MM/DD or M/D/YYYY)',
    });
    const timestamp = convert('timestamp', 'noon');
    expect(timestamp.ok).toBe(false);
    expect(!timestamp.ok && timestamp.message).toMatch(/^"noon" is not a timestamp/);
  });

  it('is lenient with an overridden number that inference keeps as text', () => {
    expect(value('number', '007')).toBe(7);
  });

  it('keeps null tokens as text in a text column, but the empty string is null', () => {
    expect(value('text', 'N/A')).toBe('N/A');
    expect(value('text', '-')).toBe('-');
    expect(value('text', '')).toBeNull();
    expect(value('text', '02134')).toBe('02134');
  });

  it('converts booleans', () => {
    expect(value('boolean', 'TRUE')).toBe(true);
    expect(value('boolean', 'false')).toBe(false);
    expect(value('boolean', 'null')).toBeNull();
  });

  it('stores dates as YYYY-MM-DD', () => {
    expect(value('date', '2024-03-10')).toBe('2024-03-10');
    expect(value('date', '2024/03/10')).toBe('2024-03-10');
    expect(value('date', '3/9/2024')).toBe('2024-03-09');
    expect(value('date', '0099-01-01')).toBe('0099-01-01');
    expect(convert('date', '2024-03-10T10:00Z').ok).toBe(false);
  });

  it('stores timestamps with an offset as UTC, omitting a zero fraction', () => {
    expect(value('timestamp', '2024-03-10T14:30:00Z')).toBe('2024-03-10T14:30:00Z');
    expect(value('timestamp', '2024-03-10T14:30:00.000Z')).toBe('2024-03-10T14:30:00Z');
    expect(value('timestamp', '2024-03-10T14:30:00.5+02:00')).toBe('2024-03-10T12:30:00.500Z');
    expect(value('timestamp', '2024-03-10 14:30-0530')).toBe('2024-03-10T20:00:00Z');
    expect(value('timestamp', '2024-01-01T00:30:00+01')).toBe('2023-12-31T23:30:00Z');
    expect(value('timestamp', '2024-03-10T14:30:00.123456Z')).toBe('2024-03-10T14:30:00.123456Z');
  });

  it('reads local timestamps in the given zone', () => {
    expect(value('timestamp', '2024-01-15 08:00')).toBe('2024-01-15T16:00:00Z');
    expect(value('timestamp', '2024-07-15T08:00:00')).toBe('2024-07-15T15:00:00Z');
    expect(value('timestamp', '7/15/2024 8:05 PM')).toBe('2024-07-16T03:05:00Z');
    expect(value('timestamp', '7/15/2024 12:00 AM')).toBe('2024-07-15T07:00:00Z');
    expect(value('timestamp', '7/15/2024 12:00:30 pm')).toBe('2024-07-15T19:00:30Z');
    expect(value('timestamp', '2024-07-15 08:00', { timeZone: 'Europe/Paris' })).toBe('2024-07-15T06:00:00Z');
    expect(value('timestamp', '2024-07-15 08:00', { timeZone: 'UTC' })).toBe('2024-07-15T08:00:00Z');
  });

  it('reads a date in a timestamp column as local midnight', () => {
    expect(value('timestamp', '2024-07-15')).toBe('2024-07-15T07:00:00Z');
    expect(value('timestamp', '1/15/2024')).toBe('2024-01-15T08:00:00Z');
  });

  it('resolves a local time skipped by the spring-forward gap with the offset before it', () => {
    // 2024-03-10 02:30 does not exist in Los Angeles; it is read as 02:30 PST = 03:30 PDT.
    expect(value('timestamp', '2024-03-10 02:30')).toBe('2024-03-10T10:30:00Z');
    expect(value('timestamp', '2024-03-10 01:59')).toBe('2024-03-10T09:59:00Z');
    expect(value('timestamp', '2024-03-10 03:00')).toBe('2024-03-10T10:00:00Z');
  });

  it('resolves an ambiguous fall-back local time to its first (daylight) occurrence', () => {
    // 2024-11-03 01:30 happens twice in Los Angeles: at 08:30Z (PDT) and 09:30Z (PST).
    expect(value('timestamp', '2024-11-03 01:30')).toBe('2024-11-03T08:30:00Z');
    expect(value('timestamp', '2024-11-03 00:59')).toBe('2024-11-03T07:59:00Z');
    expect(value('timestamp', '2024-11-03 02:00')).toBe('2024-11-03T10:00:00Z');
  });

  it('handles DST in the southern hemisphere and half-hour zones', () => {
    expect(localTimeToUtc('Australia/Sydney', 2024, 1, 15, 12)).toBe('2024-01-15T01:00:00Z');
    expect(localTimeToUtc('Australia/Sydney', 2024, 7, 15, 12)).toBe('2024-07-15T02:00:00Z');
    expect(localTimeToUtc('Asia/Kolkata', 2024, 7, 15, 12)).toBe('2024-07-15T06:30:00Z');
    // Lord Howe moves by 30 minutes: 02:15 on 2024-10-06 does not exist there.
    expect(localTimeToUtc('Australia/Lord_Howe', 2024, 10, 6, 2, 15)).toBe('2024-10-05T15:45:00Z');
  });

  it('rejects an unknown time zone', () => {
    expect(() => converter('timestamp', { timeZone: 'Mars/Olympus' })).toThrow(ImportError);
  });

  it('rejects timestamps finer than microseconds, which would be truncated', () => {
    expect(convert('timestamp', '2024-03-10T14:30:00.1234567Z').ok).toBe(false);
    expect(value('timestamp', '2024-03-10T14:30:00.123000000Z')).toBe('2024-03-10T14:30:00.123Z');
  });

  it('converts any finite number written by JavaScript back to itself (property)', () => {
    const toNumber = converter('number', LA);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        // String(-0) is "0": compare with what the text says.
        expect(toNumber(String(n))).toEqual({ ok: true, value: Object.is(n, -0) ? 0 : n });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads numbers with thousands separators (property)', () => {
    const toNumber = converter('number', LA);
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (n, cents) => {
        const text = `${n.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
        const expected = Number(`${n}.${String(cents).padStart(2, '0')}`);
        expect(toNumber(text)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('infers as number exactly the integers that keep their digits (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (n) => {
        const text = n.toString();
        expect(infer([text])).toBe(text.length <= 15 ? 'number' : 'text');
      }),
    );
  });

  it('round-trips dates written as YYYY-MM-DD (property)', () => {
    const toDate = converter('date', LA);
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(toDate(iso)).toEqual({ ok: true, value: iso });
          const [y, m, day] = iso.split('-');
          expect(toDate(`${Number(m)}/${Number(day)}/${y}`)).toEqual({ ok: true, value: iso });
        },
      ),
    );
  });

  it('round-trips UTC instants (property)', () => {
    const toTimestamp = converter('timestamp', LA);
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString();
          const expected = iso.endsWith('.000Z') ? iso.slice(0, 19) + 'Z' : iso;
          expect(toTimestamp(iso)).toEqual({ ok: true, value: expected });
        },
      ),
    );
  });

  it('reads local times as the instant that shows that wall-clock time in the zone (property)', () => {
    const toTimestamp = converter('timestamp', LA);
    const show = new Intl.DateTimeFormat('sv-SE', {
      timeZone: LA.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          d.setUTCMilliseconds(0);
          const wall = show.format(d); // "YYYY-MM-DD HH:MM:SS" in the zone
          const result = toTimestamp(wall);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          // The instant shows the same wall time (ambiguous times may resolve to the other occurrence).
          expect(show.format(new Date(result.value as string))).toBe(wall);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseTypeOverrides', () => {
  it('parses column=type pairs', () => {
    expect(parseTypeOverrides('zip=text, amount = number,geom=GEOMETRY')).toEqual({
      zip: 'text',
      amount: 'number',
      geom: 'geometry',
    });
    expect(parseTypeOverrides('  ')).toEqual({});
  });

  it('rejects a bad spec with a message that shows the expected form', () => {
    for (const spec of ['zip', 'zip=', '=text', 'zip:text', 'zip=int', 'a=text,a=number', 'a=text,,b=text']) {
      let error: unknown;
      try {
        parseTypeOverrides(spec);
      } catch (e) {
        error = e;
      }
      expect(error, spec).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe('import.invalid_type_override');
    }
    expect(() => parseTypeOverrides('zip=int')).toThrow(
      'Unknown type "int" for column "zip"; use one of text, number, boolean, date, timestamp, geometry.',
    );
    expect(() => parseTypeOverrides('zip')).toThrow('Type override "zip" must look like column=type');
  });
});
