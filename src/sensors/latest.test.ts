import { describe, expect, it } from 'vitest';
import { latestReader, STATIC_TTL_MS } from './latest.js';
import type { Investigation } from './qc/qc.types.js';
import type { DatastreamRow, ReadingsRepo } from './readings.repo.js';

const stream = (id: number, name = `Stream ${id}`): DatastreamRow => ({
  id,
  name,
  observation_type: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
  unit_name: null,
  unit_symbol: 'ppm',
  unit_definition: null,
  thing_id: 1,
  thing_name: 'Station',
  dataset_id: 'air',
  property_id: 2,
  property_name: 'CO2',
  property_definition: '',
});

/** The three reads the reader makes, over data the test changes; counts the rebuilds of the kept part. */
function fakeRepo() {
  const state = {
    streams: [stream(1), stream(2)],
    latest: new Map<number, unknown[]>([
      // What the client sent is stored apart from the QC outcome (flag, tests packed): composed on read.
      [1, [1, Date.UTC(2026, 0, 1), null, 410.5, null, '{"calibrated":true}', 1, 100000]],
    ]),
    builds: 0,
    reversed: false,
  };
  const repo = {
    async datastreamsOfDataset() {
      state.builds++;
      return state.streams;
    },
    async placesOfDataset() {
      return new Map([[1, '{"type":"Point","coordinates":[-118,33.7]}']]);
    },
    async latestOfDataset() {
      const rows = state.streams.map(
        (s) => state.latest.get(s.id) ?? [s.id, null, null, null, null, null, null, null],
      );
      // Columns, in reverse when asked: the reader must not depend on the order states come in.
      if (state.reversed) rows.reverse();
      const column = (i: number) => rows.map((r) => r[i]);
      return {
        id: column(0),
        time: column(1),
        end: column(2),
        number: column(3),
        json: column(4),
        quality: column(5),
        flag: column(6),
        tests: column(7),
      };
    },
  } as unknown as ReadingsRepo;
  return { state, repo };
}

describe('latest values', () => {
  it('splices fresh values into the kept descriptions, as JSON and GeoJSON', async () => {
    const { repo } = fakeRepo();
    const reader = latestReader({ repo });
    expect(JSON.parse((await reader.json('air')).toString())).toEqual({
      dataset: 'air',
      datastreams: [
        {
          id: 1,
          name: 'Stream 1',
          thing: { id: 1, name: 'Station' },
          observedProperty: 'CO2',
          unit: 'ppm',
          phenomenonTime: '2026-01-01T00:00:00.000Z',
          result: 410.5,
          resultQuality: { qartod: { flag: 1, tests: { gross_range: 1 } }, calibrated: true },
          qcFlag: 1,
          investigation: null,
        },
        expect.objectContaining({
          id: 2,
          phenomenonTime: null,
          result: null,
          resultQuality: null,
          qcFlag: null,
          investigation: null,
        }),
      ],
    });
    const geo = JSON.parse((await reader.geojson('air')).toString()) as { features: unknown[] };
    expect(geo.features[0]).toEqual({
      type: 'Feature',
      id: 1,
      geometry: { type: 'Point', coordinates: [-118, 33.7] },
      properties: {
        datastream: 1,
        name: 'Stream 1',
        thing: 1,
        thingName: 'Station',
        observedProperty: 'CO2',
        unit: 'ppm',
        phenomenonTime: '2026-01-01T00:00:00.000Z',
        result: 410.5,
        resultQuality: { qartod: { flag: 1, tests: { gross_range: 1 } }, calibrated: true },
        qcFlag: 1,
        investigation: null,
      },
    });
  });

  it('writes again the entries whose values changed, and only those', async () => {
    const { state, repo } = fakeRepo();
    const reader = latestReader({ repo });
    const first = JSON.parse((await reader.json('air')).toString()) as { datastreams: unknown[] };
    state.latest.set(2, [2, Date.UTC(2026, 0, 2), null, 399, null, null, null, null]);
    const second = JSON.parse((await reader.json('air')).toString()) as { datastreams: unknown[] };
    expect(second.datastreams[0]).toEqual(first.datastreams[0]);
    // Stored without a flag: not evaluated.
    expect(second.datastreams[1]).toMatchObject({
      phenomenonTime: '2026-01-02T00:00:00.000Z',
      result: 399,
      qcFlag: 2,
    });
    state.latest.set(2, [2, Date.UTC(2026, 0, 2), null, 398, null, null, 4, 400000]);
    expect(JSON.parse((await reader.geojson('air')).toString())).toMatchObject({
      features: [
        { id: 1 },
        {
          id: 2,
          properties: {
            result: 398,
            resultQuality: { qartod: { flag: 4, tests: { gross_range: 4 } } },
            qcFlag: 4,
          },
        },
      ],
    });
  });

  it('writes a revised flag of the same observation (a spike decided by the next value)', async () => {
    const { state, repo } = fakeRepo();
    const reader = latestReader({ repo });
    await reader.json('air');
    state.latest.set(1, [1, Date.UTC(2026, 0, 1), null, 410.5, null, '{"calibrated":true}', 3, 103000]);
    const body = JSON.parse((await reader.json('air')).toString()) as {
      datastreams: { qcFlag: number; resultQuality: unknown }[];
    };
    expect(body.datastreams[0]!.qcFlag).toBe(3);
    expect(body.datastreams[0]!.resultQuality).toEqual({
      qartod: { flag: 3, tests: { gross_range: 1, spike: 3 } },
      calibrated: true,
    });
  });

  it('names the open investigation of each datastream, and drops it once closed', async () => {
    const { repo } = fakeRepo();
    const open = new Map<number, Investigation>([
      [2, { report: 'Q26-0007', url: '/reports/Q26-0007', since: '2026-01-02T00:00:00.000Z' }],
    ]);
    const asked: number[][] = [];
    const reader = latestReader({
      repo,
      investigations: async (ids) => {
        asked.push([...ids]);
        return new Map([...open].filter(([id]) => ids.includes(id)));
      },
    });
    const body = JSON.parse((await reader.json('air')).toString()) as {
      datastreams: { id: number; investigation: Investigation | null }[];
    };
    expect(asked).toEqual([[1, 2]]);
    expect(body.datastreams.map((d) => [d.id, d.investigation])).toEqual([
      [1, null],
      [2, { report: 'Q26-0007', url: '/reports/Q26-0007', since: '2026-01-02T00:00:00.000Z' }],
    ]);
    const geo = JSON.parse((await reader.geojson('air')).toString()) as {
      features: { properties: { investigation: Investigation | null } }[];
    };
    expect(geo.features[1]!.properties.investigation).toMatchObject({ report: 'Q26-0007' });
    open.clear();
    const closed = JSON.parse((await reader.json('air')).toString()) as {
      datastreams: { investigation: Investigation | null }[];
    };
    expect(closed.datastreams.map((d) => d.investigation)).toEqual([null, null]);
  });

  it('matches states to datastreams by id whatever order they come in', async () => {
    const { state, repo } = fakeRepo();
    const reader = latestReader({ repo });
    const inOrder = (await reader.json('air')).toString();
    state.reversed = true;
    expect((await reader.json('air')).toString()).toBe(inOrder);
    expect(state.builds).toBe(1);
  });

  it('rebuilds at once when datastreams come or go, and in the background when the kept part is old', async () => {
    const { state, repo } = fakeRepo();
    let clock = 0;
    const reader = latestReader({ repo, now: () => clock });
    (await reader.json('air')).toString();
    (await reader.json('air')).toString();
    expect(state.builds).toBe(1);
    state.streams = [stream(1), stream(3)];
    expect(
      (
        JSON.parse((await reader.json('air')).toString()) as { datastreams: { id: number }[] }
      ).datastreams.map((d) => d.id),
    ).toEqual([1, 3]);
    expect(state.builds).toBe(2);
    state.streams = [stream(1, 'Renamed'), stream(3)];
    clock += STATIC_TTL_MS + 1;
    // This call still answers from the kept part, and starts the rebuild.
    expect((await reader.json('air')).toString()).toContain('"Stream 1"');
    await new Promise((resolve) => setImmediate(resolve));
    expect((await reader.json('air')).toString()).toContain('"Renamed"');
    expect(state.builds).toBe(3);
  });
});
