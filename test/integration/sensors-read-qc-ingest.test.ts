/**
 * Quality control end to end on the read side: a value that fails its gross range at ingest is left out of the
 * series by default and kept with qc=all, and its flag reads in the observations and latest values; a datastream
 * named by an open quality report says so in its latest values and series.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PM25, createSensorDataset } from '../fixtures/sensors.js';
import { ingest } from '../fixtures/sensor-readings.js';
import { setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const MINUTE = 60_000;
/** 14:00 UTC on 3 June 2026, a whole hour. */
const H = Date.UTC(2026, 5, 3, 14);
const iso = (ms: number) => new Date(ms).toISOString();

interface SeriesBody {
  qc: string;
  excluded: number;
  investigation: { report: string; url: string | null; since: string } | null;
  buckets: { start: string[]; avg: number[]; max: number[]; count: number[] };
}

describeDb('sensors: quality control from ingest to reads', () => {
  let t: TestApp;
  let pm: number;
  let other: number;

  const series = async (id: number, query: Record<string, string> = {}) => {
    const search = new URLSearchParams({
      interval: '1h',
      agg: 'avg,max,count',
      start: iso(H),
      end: iso(H + 60 * MINUTE),
      ...query,
    });
    const res = await t.inject(`/api/v1/datastreams/${id}/series?${search.toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SeriesBody>();
  };

  beforeAll(async () => {
    t = await setUpApp();
    const dataset = await createSensorDataset(t, 'air-qc-ingest');
    const station = await t.app.services.sensors.model.createThing({
      name: 'Hoover',
      datasetId: dataset,
      datastreams: ['Hoover PM2.5', 'Hoover PM2.5 spare'].map((name) => ({
        ...PM25,
        name,
        // Only the gross range: these readings are history, received long after they were taken.
        properties: { qc: { grossRange: { fail: [0, 1000], suspect: [0, 500] } } },
      })),
    });
    [pm, other] = station.datastreamIds as [number, number];
    const values = [12, 14, 5000, 16];
    await ingest(
      t,
      values.map((result, i) => ({ datastreamId: pm, phenomenonTime: iso(H + i * MINUTE), result })),
    );
    await ingest(t, [{ datastreamId: other, phenomenonTime: iso(H), result: 9 }]);
  });
  afterAll(() => t.close());

  it('leaves a gross-range failure out of the series by default, keeps it with qc=all', async () => {
    const plain = await series(pm);
    expect(plain).toMatchObject({ qc: 'exclude_failed', excluded: 1 });
    expect(plain.buckets).toEqual({ start: [iso(H)], avg: [14], max: [16], count: [3] });
    const all = await series(pm, { qc: 'all' });
    expect(all).toMatchObject({ qc: 'all', excluded: 0 });
    expect(all.buckets).toEqual({
      start: [iso(H)],
      avg: [(12 + 14 + 5000 + 16) / 4],
      max: [5000],
      count: [4],
    });
  });

  it('gives each observation the flag ingest stored, and its outcome in resultQuality', async () => {
    const res = await t.inject(`/api/v1/datastreams/${pm}/observations`);
    const { observations } = res.json<{
      observations: { result: number; qcFlag: number; resultQuality: { qartod: { flag: number } } }[];
    }>();
    expect(observations.map((o) => [o.result, o.qcFlag])).toEqual([
      [12, 1],
      [14, 1],
      [5000, 4],
      [16, 1],
    ]);
    expect(observations.map((o) => o.resultQuality.qartod.flag)).toEqual([1, 1, 4, 1]);
    const failed = await t.inject(`/api/v1/datastreams/${pm}/observations?qc=failed`);
    expect(failed.json<{ observations: { result: number }[] }>().observations.map((o) => o.result)).toEqual([
      5000,
    ]);
  });

  it('names the open report of a datastream under investigation, in latest values and series', async () => {
    const { report } = await t.app.services.reports.file({
      datasetId: 'air-qc-ingest',
      datastreamId: pm,
      kind: 'wrong_values',
      description: 'The reading jumped to 5000 for a minute this afternoon.',
    });
    const latest = (await t.inject('/api/v1/datasets/air-qc-ingest/latest')).json<{
      datastreams: { id: number; qcFlag: number; investigation: SeriesBody['investigation'] }[];
    }>();
    const investigation = {
      report: report.number,
      url: `/reports/${report.number}`,
      since: report.createdAt,
    };
    expect(latest.datastreams.map((d) => [d.id, d.qcFlag, d.investigation])).toEqual([
      [pm, 1, investigation],
      [other, 1, null],
    ]);
    const geo = (await t.inject('/api/v1/datasets/air-qc-ingest/latest.geojson')).json<{
      features: { properties: { investigation: unknown } }[];
    }>();
    expect(geo.features.map((f) => f.properties.investigation)).toEqual([investigation, null]);
    expect((await series(pm)).investigation).toEqual(investigation);
    expect((await series(other)).investigation).toBeNull();
  });
});
