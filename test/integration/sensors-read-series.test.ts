/**
 * Series from rollups, held to aggregates computed here from the raw points written: every interval and every
 * aggregate, with late and out-of-order arrival, and local days across both daylight-saving changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARKING_STATE, createSensorDataset, createStation } from '../fixtures/sensors.js';
import {
  asItems,
  ingest,
  localMidnight,
  points,
  reference,
  shuffled,
  type Point,
  type Reference,
} from '../fixtures/sensor-readings.js';
import { failure, parseRfc4180, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

/** The answer's columns: `start` and one array per aggregate asked for. */
interface Columns {
  start: string[];
  avg?: number[];
  min?: number[];
  max?: number[];
  count?: number[];
  sum?: number[];
  first?: number[];
  last?: number[];
}
type Bucket = { start: string } & Partial<Record<Exclude<keyof Columns, 'start'>, number>>;

/** Columns as one object per bucket, to compare bucket by bucket. */
const rowsOf = (columns: Columns): Bucket[] =>
  columns.start.map((start, i) => {
    const bucket: Bucket = { start };
    for (const [name, values] of Object.entries(columns)) {
      if (name !== 'start') bucket[name as Exclude<keyof Columns, 'start'>] = (values as number[])[i];
    }
    return bucket;
  });

interface SeriesBody {
  datastream: number;
  interval: string;
  timeZone: string;
  unit: { symbol: string | null };
  start: string;
  end: string;
  buckets: Columns;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const ALL = 'avg,min,max,count,sum,first,last';
const iso = (ms: number) => new Date(ms).toISOString();

/** The answer's buckets equal the reference's buckets that start in [start, end), aggregate by aggregate. */
function expectBuckets(buckets: Bucket[], ref: Map<number, Reference>, start: number, end: number): void {
  const keys = [...ref.keys()].filter((k) => k >= start && k < end).sort((a, b) => a - b);
  const expected = keys.map((k) => ref.get(k)!);
  // Counts, extremes, first and last are exact; sums and means may differ in the last bits (addition order).
  expect(
    buckets.map(({ start: s, count, min, max, first, last }) => ({ s, count, min, max, first, last })),
  ).toEqual(
    expected.map((r, i) => ({
      s: iso(keys[i]!),
      count: r.n,
      min: r.min,
      max: r.max,
      first: r.first,
      last: r.last,
    })),
  );
  const worst = Math.max(
    0,
    ...buckets.map(
      (b, i) => Math.abs(b.sum! - expected[i]!.sum) + Math.abs(b.avg! - expected[i]!.sum / expected[i]!.n),
    ),
  );
  expect(worst).toBeLessThan(1e-6);
}

describeDb('sensors: series from rollups', () => {
  let t: TestApp;
  let pm: number;
  let recent: number;
  let category: number;
  // Around the autumn change (2026-11-01, a 25-hour day) every ~41 s, and the spring change (2026-03-08, 23 hours).
  const fall = points(Date.UTC(2026, 9, 30), Date.UTC(2026, 10, 3), 41_000, 11);
  const spring = points(Date.UTC(2026, 2, 6), Date.UTC(2026, 2, 11), 7 * MINUTE, 12);
  let fresh: Point[];

  // Every value, failed ones included (qc=all): these random points are held to aggregates of all of them,
  // while quality control on ingest fails some (negative values, jumps, history received late). Leaving failed
  // values out is the subject of sensors-read-qc.test.ts.
  const get = (id: number, query: Record<string, string>, path = 'series') =>
    t.inject(`/api/v1/datastreams/${id}/${path}?${new URLSearchParams({ qc: 'all', ...query }).toString()}`);
  const series = async (id: number, query: Record<string, string>) => {
    const res = await get(id, query);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<SeriesBody>();
    for (const values of Object.values(body.buckets)) expect(values).toHaveLength(body.buckets.start.length);
    return { ...body, rows: rowsOf(body.buckets) };
  };

  beforeAll(async () => {
    t = await setUpApp();
    const dataset = await createSensorDataset(t, 'air-series');
    const station = await createStation(t, dataset, 'Bolsa', ['PM2.5', 'PM10']);
    [pm, recent] = station.datastreamIds as [number, number];
    const parking = await t.app.services.sensors.model.createThing({
      name: 'Space 12',
      datasetId: dataset,
      datastreams: [{ ...PARKING_STATE, name: 'Space 12 state' }],
    });
    category = parking.datastreamIds[0]!;
    // Most points arrive shuffled; the last 30% arrive later still, into buckets that already hold data.
    const items = shuffled(asItems(pm, [...fall, ...spring]), 5);
    const cut = Math.floor(items.length * 0.7);
    await ingest(t, items.slice(0, cut), 1500);
    await ingest(t, items.slice(cut), 700);
    const now = Date.now();
    fresh = points(now - 3 * HOUR, now - MINUTE, 30_000, 13).filter((p) => p.time < now);
    await ingest(t, shuffled(asItems(recent, fresh), 3));
  });
  afterAll(() => t.close());

  const fallStart = Date.UTC(2026, 9, 30);
  const fallEnd = Date.UTC(2026, 10, 3);
  for (const [interval, width] of [
    ['1m', MINUTE],
    ['5m', 5 * MINUTE],
    ['15m', 15 * MINUTE],
    ['1h', HOUR],
  ] as const) {
    it(`answers ${interval} buckets equal to the raw rows, every aggregate`, async () => {
      const body = await series(pm, { interval, agg: ALL, start: iso(fallStart), end: iso(fallEnd) });
      expect(body).toMatchObject({ datastream: pm, interval, timeZone: 'UTC', unit: { symbol: 'µg/m³' } });
      expectBuckets(
        body.rows,
        reference(fall, (ms) => Math.floor(ms / width) * width),
        fallStart,
        fallEnd,
      );
    });
  }

  it('answers buckets that start in the range, each whole, for a range off the bucket grid', async () => {
    const start = Date.UTC(2026, 9, 31, 10, 2);
    const end = Date.UTC(2026, 9, 31, 13, 7);
    for (const width of [5 * MINUTE, 15 * MINUTE]) {
      const body = await series(pm, {
        interval: `${width / MINUTE}m`,
        agg: ALL,
        start: iso(start),
        end: iso(end),
      });
      expectBuckets(
        body.rows,
        reference(fall, (ms) => Math.floor(ms / width) * width),
        start,
        end,
      );
      expect(body.rows[0]!.start).toBe(iso(Math.ceil(start / width) * width));
    }
  });

  describe('local days', () => {
    const tz = () => t.config.timeZone;

    it('starts each bucket at local midnight; the spring day lasts 23 hours', async () => {
      const start = Date.UTC(2026, 2, 1);
      const end = Date.UTC(2026, 2, 15);
      const body = await series(pm, { interval: '1d', agg: ALL, start: iso(start), end: iso(end) });
      expect(body.timeZone).toBe(tz());
      expectBuckets(
        body.rows,
        reference(spring, (ms) => localMidnight(ms, tz())),
        start,
        end,
      );
      const starts = body.buckets.start.map((b) => Date.parse(b));
      expect(body.buckets.start).toContain('2026-03-08T08:00:00.000Z');
      expect(starts[starts.indexOf(Date.UTC(2026, 2, 8, 8)) + 1]! - Date.UTC(2026, 2, 8, 8)).toBe(23 * HOUR);
    });

    it('covers the autumn day of 25 hours', async () => {
      const start = Date.UTC(2026, 9, 25);
      const end = Date.UTC(2026, 10, 10);
      const body = await series(pm, { interval: '1d', agg: ALL, start: iso(start), end: iso(end) });
      expectBuckets(
        body.rows,
        reference(fall, (ms) => localMidnight(ms, tz())),
        start,
        end,
      );
      const starts = body.buckets.start.map((b) => Date.parse(b));
      const day = starts.indexOf(Date.UTC(2026, 10, 1, 7));
      expect(day).toBeGreaterThanOrEqual(0);
      expect(starts[day + 1]! - starts[day]!).toBe(25 * HOUR);
    });
  });

  it('answers the same buckets as CSV, in the order of agg', async () => {
    const query = { interval: '1h', agg: 'max,avg,count', start: iso(fallStart), end: iso(fallEnd) };
    const json = await series(pm, query);
    const csv = await get(pm, query, 'series.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const records = parseRfc4180(csv.body.replace(/\r\n$/, ''));
    expect(records[0]).toEqual(['start', 'max', 'avg', 'count']);
    expect(records.slice(1)).toEqual(
      json.rows.map((b) => [b.start, String(b.max), String(b.avg), String(b.count)]),
    );
    expect(Object.keys(json.buckets).sort()).toEqual(['avg', 'count', 'max', 'start']);
    expect((await get(pm, { ...query, format: 'csv' })).body).toBe(csv.body);
  });

  it('defaults to the last 24 hours for minutes, avg,min,max,count', async () => {
    const body = await series(recent, { interval: '5m' });
    const end = Date.parse(body.end);
    const start = Date.parse(body.start);
    expect(Math.abs(end - Date.now())).toBeLessThan(60_000);
    expect(start).toBe(Math.floor((end - 24 * HOUR) / (5 * MINUTE)) * 5 * MINUTE);
    const ref = reference(fresh, (ms) => Math.floor(ms / (5 * MINUTE)) * 5 * MINUTE);
    expect(body.buckets.start).toEqual([...ref.keys()].sort((a, b) => a - b).map(iso));
    expect(Object.keys(body.buckets).sort()).toEqual(['avg', 'count', 'max', 'min', 'start']);
    const hourly = await series(recent, { interval: '1h' });
    expect(Date.parse(hourly.end) - Date.parse(hourly.start)).toBeGreaterThanOrEqual(30 * 24 * HOUR);
    expect(hourly.buckets.count!.reduce((n, c) => n + c, 0)).toBe(fresh.length);
  });

  it('counts true as 1 and false as 0 for a truth datastream', async () => {
    const door = await t.app.services.sensors.model.createThing({
      name: 'Gate',
      datasetId: 'air-series',
      datastreams: [
        {
          name: 'Gate open',
          observationType: 'OM_TruthObservation',
          unitOfMeasurement: { name: null, symbol: null, definition: null },
          sensor: { name: 'Contact switch' },
          observedProperty: { name: 'Open' },
        },
      ],
    });
    const id = door.datastreamIds[0]!;
    const at = Date.UTC(2026, 9, 5, 10);
    await ingest(
      t,
      [true, false, true, true].map((result, i) => ({
        datastreamId: id,
        phenomenonTime: iso(at + i * MINUTE),
        result,
      })),
    );
    const body = await series(id, {
      interval: '1h',
      agg: 'avg,sum,count,last',
      start: iso(at),
      end: iso(at + HOUR),
    });
    expect(body.buckets).toEqual({ start: [iso(at)], avg: [0.75], sum: [3], count: [4], last: [1] });
  });

  it('refuses what it cannot answer, with codes that say what to fix', async () => {
    failure(await get(pm, { interval: '2m' }), 400, 'sensors.bad_interval');
    failure(await get(pm, {}), 400, 'request.invalid');
    failure(await get(pm, { interval: '1h', agg: 'avg,median' }), 400, 'sensors.bad_agg');
    failure(await get(pm, { interval: '1h', start: 'yesterday' }), 400, 'sensors.bad_time');
    failure(
      await get(pm, { interval: '1h', start: '2026-11-02T00:00:00Z', end: '2026-11-01T00:00:00Z' }),
      400,
      'sensors.bad_range',
    );
    const tooMany = failure(
      await get(pm, { interval: '1m', start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' }),
      400,
      'sensors.too_many_buckets',
    );
    expect(tooMany.message).toMatch(/at most 100000/);
    failure(await get(category, { interval: '1h' }), 400, 'sensors.not_numeric');
    failure(await get(987654, { interval: '1h' }), 404, 'datastream.not_found');
    failure(await get(pm, { interval: '1h', bucket: 'x' }), 400, 'request.unknown_parameter');
  });
});
