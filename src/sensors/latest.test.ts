import { describe, expect, it } from 'vitest';
import { latestReader, STATIC_TTL_MS } from './latest.js';
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
    latest: new Map<number, unknown[]>([[1, [1, Date.UTC(2026, 0, 1), null, 410.5, null, '{"qartod":1}']]]),
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
      const rows = state.streams.map((s) => state.latest.get(s.id) ?? [s.id, null, null, null, null, null]);
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
          resultQuality: { qartod: 1 },
        },
        expect.objectContaining({ id: 2, phenomenonTime: null, result: null, resultQuality: null }),
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
        resultQuality: { qartod: 1 },
      },
    });
  });

  it('writes again the entries whose values changed, and only those', async () => {
    const { state, repo } = fakeRepo();
    const reader = latestReader({ repo });
    const first = JSON.parse((await reader.json('air')).toString()) as { datastreams: unknown[] };
    state.latest.set(2, [2, Date.UTC(2026, 0, 2), null, 399, null, null]);
    const second = JSON.parse((await reader.json('air')).toString()) as { datastreams: unknown[] };
    expect(second.datastreams[0]).toEqual(first.datastreams[0]);
    expect(second.datastreams[1]).toMatchObject({ phenomenonTime: '2026-01-02T00:00:00.000Z', result: 399 });
    state.latest.set(2, [2, Date.UTC(2026, 0, 2), null, 398, null, '{"qartod":4}']);
    expect(JSON.parse((await reader.geojson('air')).toString())).toMatchObject({
      features: [{ id: 1 }, { id: 2, properties: { result: 398, resultQuality: { qartod: 4 } } }],
    });
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
