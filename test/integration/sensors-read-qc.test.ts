/**
 * Series without failed values: by default a series leaves out the observations that failed quality control
 * (QARTOD flag 4) and says how many; `qc=all` keeps them. Held to buckets computed by hand for 1m, 15m, 1h and
 * the city's local days, with failures at the edges of buckets and buckets whose every value failed. A range
 * without failures is answered exactly as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSensorDataset } from '../fixtures/sensors.js';
import { ingest } from '../fixtures/sensor-readings.js';
import { failure, parseRfc4180, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** 10:00 UTC on 4 May 2026 (03:00 in the city, on daylight time: local days start at 07:00 UTC). */
const H = Date.UTC(2026, 4, 4, 10);
const DAY_A = Date.UTC(2026, 4, 4, 7);
const DAY_B = Date.UTC(2026, 4, 5, 7);
const DAY_C = Date.UTC(2026, 4, 7, 7);

/** [time, value, failed] */
const DATA: [number, number, boolean][] = [
  [H, 10, false],
  [H + 20_000, 5000, true],
  [H + 50_000, 14, false],
  [H + MINUTE, 9000, true], // the first instant of minute 1
  [H + 90_000, 20, false],
  [H + 14 * MINUTE + 59_000, 7777, true], // alone in minute 14; the last value of the first quarter hour
  [H + 15 * MINUTE, 30, false],
  [H + 30 * MINUTE, 6000, true], // alone in its minute and its quarter hour
  [H + 59 * MINUTE + 59_000, 8000, true], // the last instant of the hour
  [H + 60 * MINUTE, 40, false],
  [H + 60 * MINUTE + 30_000, 44, false],
  [H + 2 * HOUR + 5 * MINUTE, 9999, true], // alone in its hour
  [DAY_B - HOUR, 50, false],
  [DAY_B - 1000, 4444, true], // the last second of local day A
  [DAY_B, 5555, true], // local midnight: the first instant of day B
  [DAY_B + 30_000, 3, false],
  [DAY_B + 3 * HOUR, 1, false],
  [DAY_B + 3 * HOUR + MINUTE, 2, false],
  [DAY_C + 5 * HOUR, 7000, true], // alone in local day C
];
const FAILED = DATA.filter(([, , failed]) => failed).length;

type Aggregates = {
  avg: number;
  min: number;
  max: number;
  count: number;
  sum: number;
  first: number;
  last: number;
};
interface SeriesBody {
  datastream: number;
  interval: string;
  start: string;
  end: string;
  qc: string;
  excluded: number;
  investigation: unknown;
  buckets: { start: string[] } & Record<string, number[]>;
}

/** One expected bucket from its values in time order. */
function bucket(start: number, values: number[]): { start: string } & Aggregates {
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    start: iso(start),
    avg: sum / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
    count: values.length,
    sum,
    first: values[0]!,
    last: values.at(-1)!,
  };
}

const rows = (body: SeriesBody) =>
  body.buckets.start.map((start, i) => ({
    start,
    avg: body.buckets.avg![i],
    min: body.buckets.min![i],
    max: body.buckets.max![i],
    count: body.buckets.count![i],
    sum: body.buckets.sum![i],
    first: body.buckets.first![i],
    last: body.buckets.last![i],
  }));

describeDb('sensors: series leave failed values out', () => {
  let t: TestApp;
  let pm: number;
  let clean: number;

  const get = (id: number, query: Record<string, string>, path = 'series') =>
    t.inject(`/api/v1/datastreams/${id}/${path}?${new URLSearchParams(query).toString()}`);
  const series = async (id: number, query: Record<string, string>) => {
    const res = await get(id, { agg: 'avg,min,max,count,sum,first,last', ...query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SeriesBody>();
  };

  beforeAll(async () => {
    t = await setUpApp();
    // The series are computed in the city's zone: the local days above are those of Pacific time.
    expect(t.config.timeZone).toBe('America/Los_Angeles');
    const dataset = await createSensorDataset(t, 'air-qc-series');
    const thing = await t.app.services.sensors.model.createThing({
      name: 'Test rig',
      datasetId: dataset,
      // An observed property without QC defaults: the flags are the test's own.
      datastreams: ['Rig reading', 'Rig clean reading'].map((name) => ({
        name,
        observationType: 'OM_Measurement',
        unitOfMeasurement: { name: 'unit', symbol: 'u', definition: null },
        sensor: { name: 'Test sensor' },
        observedProperty: { name: 'Test reading', definition: 'urn:example:test-reading' },
      })),
    });
    [pm, clean] = thing.datastreamIds as [number, number];
    const items = (id: number) =>
      DATA.map(([time, value]) => ({ datastreamId: id, phenomenonTime: iso(time), result: value }));
    const ids = await ingest(t, items(pm));
    await ingest(t, items(clean));
    const db = t.app.services.db.kysely;
    await db
      .updateTable('sensor_observations')
      .set({ qc_flag: null })
      .where('datastream_id', 'in', [pm, clean])
      .execute();
    const failed = ids.filter((_, i) => DATA[i]![2]);
    await db.updateTable('sensor_observations').set({ qc_flag: 4 }).where('id', 'in', failed).execute();
    // The running state keeps its latest observation's flag (as ingest would have stored it).
    await db
      .updateTable('sensor_datastream_state as s')
      .set((eb) => ({
        latest_qc_flag: eb
          .selectFrom('sensor_observations as o')
          .select('o.qc_flag')
          .whereRef('o.id', '=', 's.latest_id'),
      }))
      .where('s.datastream_id', 'in', [pm, clean])
      .execute();
  });
  afterAll(() => t.close());

  const range = { start: iso(H), end: iso(H + 3 * HOUR) };

  it('1m: recomputes the minutes that held a failed value, drops those left empty', async () => {
    const body = await series(pm, { interval: '1m', ...range });
    expect(body).toMatchObject({ qc: 'exclude_failed', excluded: 6, investigation: null });
    expect(rows(body)).toEqual([
      bucket(H, [10, 14]),
      bucket(H + MINUTE, [20]),
      bucket(H + 15 * MINUTE, [30]),
      bucket(H + 60 * MINUTE, [40, 44]),
    ]);
  });

  it('1m with qc=all: every value, as stored', async () => {
    const body = await series(pm, { interval: '1m', ...range, qc: 'all' });
    expect(body).toMatchObject({ qc: 'all', excluded: 0 });
    expect(rows(body)).toEqual([
      bucket(H, [10, 5000, 14]),
      bucket(H + MINUTE, [9000, 20]),
      bucket(H + 14 * MINUTE, [7777]),
      bucket(H + 15 * MINUTE, [30]),
      bucket(H + 30 * MINUTE, [6000]),
      bucket(H + 59 * MINUTE, [8000]),
      bucket(H + 60 * MINUTE, [40, 44]),
      bucket(H + 125 * MINUTE, [9999]),
    ]);
  });

  it('15m: a failure on the last instant of a quarter hour, and quarter hours that only failed', async () => {
    const body = await series(pm, { interval: '15m', ...range });
    expect(body.excluded).toBe(6);
    expect(rows(body)).toEqual([
      bucket(H, [10, 14, 20]),
      bucket(H + 15 * MINUTE, [30]),
      bucket(H + 60 * MINUTE, [40, 44]),
    ]);
    const all = await series(pm, { interval: '15m', ...range, qc: 'all' });
    expect(rows(all)[0]).toEqual(bucket(H, [10, 5000, 14, 9000, 20, 7777]));
    expect(all.buckets.start).toHaveLength(6);
  });

  it('1h: the last value of the hour failed, the third hour only failed', async () => {
    const body = await series(pm, { interval: '1h', ...range });
    expect(body.excluded).toBe(6);
    expect(rows(body)).toEqual([bucket(H, [10, 14, 20, 30]), bucket(H + HOUR, [40, 44])]);
    const all = await series(pm, { interval: '1h', ...range, qc: 'all' });
    expect(rows(all)).toEqual([
      bucket(H, [10, 5000, 14, 9000, 20, 7777, 30, 6000, 8000]),
      bucket(H + HOUR, [40, 44]),
      bucket(H + 2 * HOUR, [9999]),
    ]);
  });

  it('counts only the failures of the buckets answered', async () => {
    // Buckets that start in [10:30, 13:00): the hours of 11:00 and 12:00; the failures of 10:00 are not in it.
    const body = await series(pm, { interval: '1h', start: iso(H + 30 * MINUTE), end: range.end });
    expect(body.excluded).toBe(1);
    expect(rows(body)).toEqual([bucket(H + HOUR, [40, 44])]);
  });

  it('1d: local days, failures on the last and first instants of a day, a day that only failed', async () => {
    const days = { interval: '1d', start: iso(DAY_A), end: iso(DAY_C + 24 * HOUR) };
    const body = await series(pm, days);
    expect(body.excluded).toBe(FAILED);
    expect(rows(body)).toEqual([bucket(DAY_A, [10, 14, 20, 30, 40, 44, 50]), bucket(DAY_B, [3, 1, 2])]);
    const all = await series(pm, { ...days, qc: 'all' });
    expect(all.excluded).toBe(0);
    expect(rows(all)).toEqual([
      bucket(DAY_A, [10, 5000, 14, 9000, 20, 7777, 30, 6000, 8000, 40, 44, 9999, 50, 4444]),
      bucket(DAY_B, [5555, 3, 1, 2]),
      bucket(DAY_C, [7000]),
    ]);
  });

  it('answers a range without failures exactly as before', async () => {
    for (const interval of ['1m', '15m', '1h', '1d']) {
      const query = { interval, start: iso(DAY_A), end: iso(DAY_C + 24 * HOUR) };
      const kept = await get(clean, { ...query, qc: 'all' });
      const plain = await get(clean, query);
      expect(plain.statusCode, plain.body).toBe(200);
      // Byte for byte, but for what the answer says of its QC.
      expect(plain.body.replace('"qc":"exclude_failed"', '"qc":"all"')).toBe(kept.body);
      expect(plain.json<SeriesBody>().excluded).toBe(0);
    }
    // The failing datastream, over a range whose buckets hold no failure.
    const after = { interval: '1h', start: iso(DAY_B + HOUR), end: iso(DAY_B + 6 * HOUR) };
    const plain = await series(pm, after);
    expect(plain.excluded).toBe(0);
    expect(rows(plain)).toEqual([bucket(DAY_B + 3 * HOUR, [1, 2])]);
  });

  it('answers the same as CSV, saying in a header how many values were left out', async () => {
    const query = { interval: '15m', agg: 'count,max,last', ...range };
    const csv = await get(pm, query, 'series.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['x-qc-excluded']).toBe('6');
    expect(parseRfc4180(csv.body.replace(/\r\n$/, ''))).toEqual([
      ['start', 'count', 'max', 'last'],
      [iso(H), '3', '20', '20'],
      [iso(H + 15 * MINUTE), '1', '30', '30'],
      [iso(H + 60 * MINUTE), '2', '44', '44'],
    ]);
    const all = await get(pm, { ...query, qc: 'all', format: 'csv' });
    expect(all.headers['x-qc-excluded']).toBe('0');
    expect(parseRfc4180(all.body.replace(/\r\n$/, ''))).toHaveLength(7);
  });

  it('refuses another qc, naming the values it takes', async () => {
    const error = failure(await get(pm, { interval: '1h', qc: 'pass' }), 400, 'sensors.bad_qc');
    expect(error.message).toMatch(/exclude_failed, all/);
    failure(await get(pm, { interval: '1h', qc: 'ALL' }, 'series.csv'), 400, 'sensors.bad_qc');
  });

  describe('raw observations', () => {
    it('carry their flag; every one by default, filtered by qc when asked', async () => {
      type Page = { observations: { result: number; qcFlag: number }[] };
      const read = async (qc?: string) => {
        const query = new URLSearchParams({ limit: '100', ...(qc && { qc }) });
        const res = await t.inject(`/api/v1/datastreams/${pm}/observations?${query.toString()}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json<Page>().observations;
      };
      const all = await read();
      expect(all.map((o) => [o.result, o.qcFlag])).toEqual(DATA.map(([, v, f]) => [v, f ? 4 : 2]));
      expect((await read('failed')).map((o) => o.result)).toEqual(DATA.filter((d) => d[2]).map((d) => d[1]));
      expect((await read('exclude_failed')).map((o) => o.result)).toEqual(
        DATA.filter((d) => !d[2]).map((d) => d[1]),
      );
      expect(await read('pass')).toEqual([]);
      failure(await t.inject(`/api/v1/datastreams/${pm}/observations?qc=good`), 400, 'sensors.bad_qc');
    });

    it('carry it in CSV, of a datastream and of a dataset', async () => {
      const res = await t.inject(`/api/v1/datastreams/${pm}/observations.csv?qc=failed`);
      const records = parseRfc4180(res.body.replace(/\r\n$/, ''));
      expect(records[0]!.at(-1)).toBe('qc_flag');
      expect(records.slice(1).map((r) => [r[3], r[5]])).toEqual(
        DATA.filter((d) => d[2]).map(([, v]) => [String(v), '4']),
      );
      const dataset = await t.inject(
        `/api/v1/datasets/air-qc-series/observations.csv?start=${iso(DAY_A)}&end=${iso(DAY_B)}&qc=exclude_failed`,
      );
      expect(dataset.statusCode, dataset.body).toBe(200);
      const lines = parseRfc4180(dataset.body.replace(/\r\n$/, '')).slice(1);
      // Both datastreams: the failing one without its failures, the clean one whole (flags: not evaluated).
      const inDayA = DATA.filter(([time]) => time < DAY_B);
      expect(lines.filter((r) => r[0] === String(pm)).map((r) => r.at(-1))).toEqual(
        inDayA.filter((d) => !d[2]).map(() => '2'),
      );
      expect(lines.filter((r) => r[0] === String(clean))).toHaveLength(inDayA.length);
    });
  });

  it('gives the flag of the latest observation in the latest values', async () => {
    const res = await t.inject('/api/v1/datasets/air-qc-series/latest');
    const body = res.json<{ datastreams: { id: number; qcFlag: number; investigation: unknown }[] }>();
    expect(body.datastreams.map((d) => [d.id, d.qcFlag, d.investigation])).toEqual([
      [pm, 4, null],
      [clean, 2, null],
    ]);
    const geo = (await t.inject('/api/v1/datasets/air-qc-series/latest.geojson')).json<{
      features: { properties: { qcFlag: number } }[];
    }>();
    expect(geo.features.map((f) => f.properties.qcFlag)).toEqual([4, 2]);
  });
});
