/**
 * Reading sensor data: paging walks without loss or overlap, CSV downloads, the latest values as JSON and
 * GeoJSON, per-dataset downloads, datasets the public may not see, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARKING_STATE, createSensorDataset, createStation } from '../fixtures/sensors.js';
import { asItems, ingest, points, shuffled, type Point } from '../fixtures/sensor-readings.js';
import { createDataset, failure, parseRfc4180 } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

interface ObservationView {
  id: number;
  phenomenonTime: string;
  resultTime: string | null;
  result: unknown;
  resultQuality: unknown;
  parameters?: Record<string, unknown>;
}
interface Page {
  datastream: number;
  observations: ObservationView[];
  next: string | null;
}
interface LatestView {
  dataset: string;
  datastreams: {
    id: number;
    name: string;
    thing: { id: number; name: string };
    observedProperty: string;
    unit: string | null;
    phenomenonTime: string | null;
    result: unknown;
    resultQuality: unknown;
  }[];
}
interface FeatureCollection {
  type: string;
  features: { type: string; id: number; geometry: unknown; properties: Record<string, unknown> }[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const START = Date.UTC(2026, 9, 1);
const END = Date.UTC(2026, 9, 3);

describeDb('sensors: reading observations and latest values', () => {
  let t: TestApp;
  let bolsa: Awaited<ReturnType<typeof createStation>>;
  let civic: Awaited<ReturnType<typeof createStation>>;
  let pm: number;
  let space: number;
  let series: Point[];
  let ids: Map<number, number>;

  const inject = (url: string, admin = false) => (admin ? t.injectAsAdmin(url) : t.inject(url));
  /** Follows `next` links from `url` to the end; checks that the Link header agrees with `next`. */
  async function walk(url: string, admin = false): Promise<ObservationView[]> {
    const seen: ObservationView[] = [];
    let next: string | null = url;
    while (next) {
      const res = await inject(next, admin);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<Page>();
      seen.push(...page.observations);
      if (page.next) {
        expect(page.next.startsWith(`${t.config.publicUrl}/api/v1/datastreams/`)).toBe(true);
        expect(res.headers.link).toBe(`<${page.next}>; rel="next"`);
        next = page.next.slice(t.config.publicUrl.length);
      } else {
        expect(res.headers.link).toBeUndefined();
        next = null;
      }
    }
    return seen;
  }

  beforeAll(async () => {
    // Reading what was stored, with quality control on ingest off (PLAZA_QC=off): every flag reads as 2 (not
    // evaluated) and quality sent by a client is kept as sent. Flags set by quality control, and the qc
    // filters: sensors-read-qc*.test.ts.
    t = await createTestApp({ config: { qc: false } });
    const department = await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    expect(department.statusCode, department.body).toBe(204);
    const dataset = await createSensorDataset(t, 'air-read');
    bolsa = await createStation(t, dataset, 'Bolsa', ['PM2.5', 'PM10'], [-117.99, 33.75]);
    civic = await createStation(t, dataset, 'Civic', ['PM2.5'], [-117.98, 33.76]);
    pm = bolsa.datastreamIds[0]!;
    const parking = await t.app.services.sensors.model.createThing({
      name: 'Space 12',
      datasetId: dataset,
      locations: [{ name: 'Curb', location: { type: 'Point', coordinates: [-117.97, 33.74] } }],
      datastreams: [{ ...PARKING_STATE, name: 'Space 12 state' }],
    });
    space = parking.datastreamIds[0]!;
    series = points(START, END, 61_000, 21);
    const created = await ingest(t, shuffled(asItems(pm, series), 9), 500);
    const times = shuffled(series, 9).map((p) => p.time);
    ids = new Map(times.map((time, i) => [time, created[i]!]));
    await ingest(t, [
      {
        datastreamId: space,
        phenomenonTime: '2026-10-01T08:00:00Z',
        result: 'occupied, "towed"',
        resultQuality: { qartod: 3 },
      },
      {
        datastreamId: space,
        phenomenonTime: '2026-10-01T08:05:00Z/2026-10-01T08:10:00Z',
        resultTime: '2026-10-01T08:10:02Z',
        result: 'free',
        parameters: { battery: 0.8 },
      },
      { datastreamId: civic.datastreamIds[0]!, phenomenonTime: '2026-10-02T12:00:00Z', result: 7 },
    ]);
  });
  afterAll(() => t.close());

  describe('pages', () => {
    it('walks every observation in order without loss or overlap, both ways', async () => {
      const sorted = [...series].sort((a, b) => a.time - b.time);
      const asc = await walk(`/api/v1/datastreams/${pm}/observations?limit=997`);
      expect(asc.map((o) => o.phenomenonTime)).toEqual(sorted.map((p) => iso(p.time)));
      expect(asc.map((o) => o.result)).toEqual(sorted.map((p) => p.value));
      expect(asc.map((o) => o.id)).toEqual(sorted.map((p) => ids.get(p.time)));
      const desc = await walk(`/api/v1/datastreams/${pm}/observations?limit=1000&order=desc`);
      expect(desc.map((o) => o.id)).toEqual(asc.map((o) => o.id).reverse());
    });

    it('keeps to [start, end) and defaults to 1000 rows a page', async () => {
      const start = Date.UTC(2026, 9, 1, 6);
      const end = Date.UTC(2026, 9, 1, 9);
      const inRange = series.filter((p) => p.time >= start && p.time < end).sort((a, b) => a.time - b.time);
      const url = `/api/v1/datastreams/${pm}/observations?start=${iso(start)}&end=2026-10-01T02:00:00-07:00`;
      expect((await walk(url)).map((o) => o.phenomenonTime)).toEqual(inRange.map((p) => iso(p.time)));
      const first = (await t.inject(`/api/v1/datastreams/${pm}/observations`)).json<Page>();
      expect(first.observations).toHaveLength(1000);
      expect(first.next).toContain('cursor=');
    });

    it('loses nothing that arrives ahead of the cursor during a walk', async () => {
      const id = civic.datastreamIds[0]!;
      const first = (await t.inject(`/api/v1/datastreams/${id}/observations?limit=1`)).json<Page>();
      expect(first.observations.map((o) => o.result)).toEqual([7]);
      expect(first.next).toBeNull();
      await ingest(t, [{ datastreamId: id, phenomenonTime: '2026-10-02T11:00:00Z', result: 6 }]);
      await ingest(t, [{ datastreamId: id, phenomenonTime: '2026-10-02T13:00:00Z', result: 8 }]);
      const page = (await t.inject(`/api/v1/datastreams/${id}/observations?limit=2`)).json<Page>();
      const rest = await walk(page.next!.slice(t.config.publicUrl.length));
      expect([...page.observations, ...rest].map((o) => o.result)).toEqual([6, 7, 8]);
    });

    it('gives text, intervals, result times, quality and parameters as written', async () => {
      const page = (await t.inject(`/api/v1/datastreams/${space}/observations`)).json<Page>();
      expect(page.observations.map(({ id: _, ...o }) => o)).toEqual([
        {
          phenomenonTime: '2026-10-01T08:00:00.000Z',
          resultTime: null,
          result: 'occupied, "towed"',
          resultQuality: { qartod: 3 },
          qcFlag: 2,
        },
        {
          phenomenonTime: '2026-10-01T08:05:00.000Z/2026-10-01T08:10:00.000Z',
          resultTime: '2026-10-01T08:10:02.000Z',
          result: 'free',
          resultQuality: null,
          qcFlag: 2,
          parameters: { battery: 0.8 },
        },
      ]);
    });
  });

  describe('CSV', () => {
    it('streams every matching row with the documented columns', async () => {
      const res = await t.inject(
        `/api/v1/datastreams/${pm}/observations.csv?start=${iso(START)}&end=${iso(END)}`,
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
      const records = parseRfc4180(res.body.replace(/\r\n$/, ''));
      expect(records[0]).toEqual([
        'id',
        'phenomenon_time',
        'result_time',
        'result',
        'result_quality',
        'qc_flag',
      ]);
      const sorted = [...series].sort((a, b) => a.time - b.time);
      expect(records.slice(1)).toEqual(
        sorted.map((p) => [String(ids.get(p.time)), iso(p.time), '', String(p.value), '', '2']),
      );
      const same = await t.inject(
        `/api/v1/datastreams/${pm}/observations?format=csv&start=${iso(START)}&end=${iso(END)}`,
      );
      expect(same.body).toBe(res.body);
      const desc = await t.inject(`/api/v1/datastreams/${pm}/observations.csv?order=desc`);
      expect(
        parseRfc4180(desc.body.replace(/\r\n$/, ''))
          .slice(1)
          .map((r) => r[1]),
      ).toEqual(sorted.map((p) => iso(p.time)).reverse());
    });

    it('quotes text as RFC 4180 asks and writes intervals and quality', async () => {
      const res = await t.inject(`/api/v1/datastreams/${space}/observations.csv`);
      const records = parseRfc4180(res.body.replace(/\r\n$/, ''));
      expect(records.slice(1).map((r) => r.slice(1))).toEqual([
        ['2026-10-01T08:00:00.000Z', '', 'occupied, "towed"', '{"qartod":3}', '2'],
        ['2026-10-01T08:05:00.000Z/2026-10-01T08:10:00.000Z', '2026-10-01T08:10:02.000Z', 'free', '', '2'],
      ]);
    });

    it("downloads a dataset's observations over a period, by datastream then time", async () => {
      const res = await t.inject(
        `/api/v1/datasets/air-read/observations.csv?start=${iso(START)}&end=${iso(END)}`,
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const records = parseRfc4180(res.body.replace(/\r\n$/, ''));
      expect(records[0]).toEqual([
        'datastream_id',
        'datastream',
        'thing_id',
        'thing',
        'observed_property',
        'unit',
        'phenomenon_time',
        'result_time',
        'result',
        'result_quality',
        'qc_flag',
      ]);
      const rows = records.slice(1);
      expect(rows).toHaveLength(series.length + 3 + 2);
      expect(rows[0]).toEqual([
        String(pm),
        'Bolsa PM2.5',
        String(bolsa.id),
        'Bolsa',
        'PM2.5',
        'µg/m³',
        iso(Math.min(...series.map((p) => p.time))),
        '',
        String([...series].sort((a, b) => a.time - b.time)[0]!.value),
        '',
        '2',
      ]);
      const order = rows.map((r) => `${r[0]!.padStart(6, '0')} ${r[6]}`);
      expect(order).toEqual([...order].sort());
      expect(rows.at(-1)!.slice(0, 6)).toEqual([
        String(space),
        'Space 12 state',
        expect.any(String),
        'Space 12',
        'Parking space state',
        '',
      ]);
    });

    it('refuses a download period longer than 31 days', async () => {
      const err = failure(
        await t.inject(
          '/api/v1/datasets/air-read/observations.csv?start=2026-01-01T00:00:00Z&end=2026-03-01T00:00:00Z',
        ),
        400,
        'sensors.period_too_long',
      );
      expect(err.message).toMatch(/31 days/);
    });
  });

  describe('latest', () => {
    it('gives the latest observation of every datastream, null for one without any', async () => {
      const res = await t.inject('/api/v1/datasets/air-read/latest');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json<LatestView>();
      expect(body.dataset).toBe('air-read');
      const last = [...series].sort((a, b) => a.time - b.time).at(-1)!;
      expect(body.datastreams.map((d) => [d.id, d.name, d.thing.name, d.phenomenonTime, d.result])).toEqual([
        [pm, 'Bolsa PM2.5', 'Bolsa', iso(last.time), last.value],
        [bolsa.datastreamIds[1], 'Bolsa PM10', 'Bolsa', null, null],
        [civic.datastreamIds[0], 'Civic PM2.5', 'Civic', '2026-10-02T13:00:00.000Z', 8],
        [space, 'Space 12 state', 'Space 12', '2026-10-01T08:05:00.000Z/2026-10-01T08:10:00.000Z', 'free'],
      ]);
      expect(body.datastreams[0]).toMatchObject({
        observedProperty: 'PM2.5',
        unit: 'µg/m³',
        thing: { id: bolsa.id },
      });
    });

    it('serves GeoJSON for live maps: one Feature per datastream at its Thing', async () => {
      const res = await t.inject('/api/v1/datasets/air-read/latest.geojson');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
      const body = res.json<FeatureCollection>();
      expect(body.type).toBe('FeatureCollection');
      expect(body.features.map((f) => [f.id, f.geometry])).toEqual([
        [pm, { type: 'Point', coordinates: [-117.99, 33.75] }],
        [bolsa.datastreamIds[1], { type: 'Point', coordinates: [-117.99, 33.75] }],
        [civic.datastreamIds[0], { type: 'Point', coordinates: [-117.98, 33.76] }],
        [space, { type: 'Point', coordinates: [-117.97, 33.74] }],
      ]);
      expect(body.features[2]!.properties).toEqual({
        datastream: civic.datastreamIds[0],
        name: 'Civic PM2.5',
        thing: civic.id,
        thingName: 'Civic',
        observedProperty: 'PM2.5',
        unit: 'µg/m³',
        phenomenonTime: '2026-10-02T13:00:00.000Z',
        result: 8,
        resultQuality: null,
        qcFlag: 2,
        investigation: null,
      });
      const negotiated = await t.inject({
        url: '/api/v1/datasets/air-read/latest',
        headers: { accept: 'application/geo+json' },
      });
      expect(negotiated.body).toBe(res.body);
    });

    it('is listed among the distributions of the dataset, each link working', async () => {
      const dataset = (await t.inject('/api/v1/datasets/air-read')).json<{
        distributions: { format: string; url: string }[];
      }>();
      expect(dataset.distributions.map((d) => d.format)).toEqual(['JSON', 'GeoJSON', 'CSV']);
      for (const d of dataset.distributions) {
        expect((await t.inject(d.url.slice(t.config.publicUrl.length))).statusCode, d.url).toBe(200);
      }
    });

    it('shows new datastreams and new values at once', async () => {
      const added = await createStation(t, 'air-read', 'Westminster Mall', ['PM2.5']);
      await ingest(t, [{ datastreamId: pm, phenomenonTime: '2026-10-03T00:00:00Z', result: 99.5 }]);
      const body = (await t.inject('/api/v1/datasets/air-read/latest')).json<LatestView>();
      expect(body.datastreams.find((d) => d.id === pm)?.result).toBe(99.5);
      expect(body.datastreams.at(-1)).toMatchObject({ id: added.datastreamIds[0], result: null });
    });
  });

  describe('who may read', () => {
    const hiddenIds: Record<string, number> = {};
    beforeAll(async () => {
      await createSensorDataset(t, 'air-hidden', 'non-public');
      await createDataset(t, { id: 'air-draft', kind: 'sensor', category: 'environment', status: 'draft' });
      await createSensorDataset(t, 'air-restricted', 'restricted');
      for (const dataset of ['air-hidden', 'air-draft', 'air-restricted']) {
        const station = await createStation(t, dataset, `Station ${dataset}`);
        hiddenIds[dataset] = station.datastreamIds[0]!;
        await ingest(t, [{ datastreamId: station.datastreamIds[0]!, phenomenonTime: iso(START), result: 1 }]);
      }
    });

    const urls = (dataset: string) => [
      `/api/v1/datastreams/${hiddenIds[dataset]}/observations`,
      `/api/v1/datastreams/${hiddenIds[dataset]}/observations.csv`,
      `/api/v1/datastreams/${hiddenIds[dataset]}/series?interval=1h&start=${iso(START)}&end=${iso(END)}`,
      `/api/v1/datasets/${dataset}/latest`,
      `/api/v1/datasets/${dataset}/latest.geojson`,
      `/api/v1/datasets/${dataset}/observations.csv?start=${iso(START)}&end=${iso(END)}`,
    ];

    for (const dataset of ['air-hidden', 'air-draft']) {
      it(`hides the data of ${dataset} from the public as the catalog does, not from the admin`, async () => {
        expect((await t.inject(`/api/v1/datasets/${dataset}`)).statusCode).toBe(404);
        for (const url of urls(dataset)) {
          const res = await t.inject(url);
          const viaDatastream = url.includes('/datastreams/');
          failure(res, 404, viaDatastream ? 'datastream.not_found' : 'dataset.not_found');
          // Through a datastream, nothing tells which dataset it belongs to.
          if (viaDatastream) expect(res.body).not.toContain(dataset);
          expect((await t.injectAsAdmin(url)).statusCode, url).toBe(200);
        }
      });
    }

    it('answers 403 for a restricted dataset, whose metadata is public, and serves the admin', async () => {
      for (const url of urls('air-restricted')) {
        failure(await t.inject(url), 403, 'dataset.restricted');
        expect((await t.injectAsAdmin(url)).statusCode, url).toBe(200);
      }
    });
  });

  it('refuses bad input with codes that say what to fix', async () => {
    const base = `/api/v1/datastreams/${pm}/observations`;
    failure(await t.inject(`${base}?start=2026-10-01`), 400, 'sensors.bad_time');
    failure(await t.inject(`${base}?end=2026-10-01T00:00:00`), 400, 'sensors.bad_time');
    failure(await t.inject(`${base}?start=${iso(END)}&end=${iso(START)}`), 400, 'sensors.bad_range');
    failure(await t.inject(`${base}?limit=0`), 400, 'sensors.bad_limit');
    failure(await t.inject(`${base}?limit=10001`), 400, 'sensors.bad_limit');
    failure(await t.inject(`${base}?order=newest`), 400, 'sensors.bad_order');
    failure(await t.inject(`${base}?format=xml`), 400, 'sensors.bad_format');
    failure(await t.inject(`${base}?cursor=nonsense`), 400, 'sensors.bad_cursor');
    failure(await t.inject(`${base}?format=csv&limit=5`), 400, 'sensors.bad_parameter');
    failure(await t.inject(`${base}?page=2`), 400, 'request.unknown_parameter');
    const page = (await t.inject(`${base}?limit=1`)).json<Page>();
    const cursor = new URL(page.next!).searchParams.get('cursor')!;
    failure(
      await t.inject(`/api/v1/datastreams/${space}/observations?cursor=${cursor}`),
      400,
      'sensors.bad_cursor',
    );
    failure(await t.inject(`${base}?order=desc&cursor=${cursor}`), 400, 'sensors.bad_cursor');
    failure(await t.inject('/api/v1/datastreams/987654/observations'), 404, 'datastream.not_found');
    failure(await t.inject('/api/v1/datastreams/abc/observations'), 404, 'datastream.not_found');
    failure(await t.inject('/api/v1/datasets/nope/latest'), 404, 'dataset.not_found');
    failure(await t.inject('/api/v1/datasets/air-read/observations.csv?start=soon'), 400, 'sensors.bad_time');
  });
});
