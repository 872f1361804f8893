/**
 * The demo's sensor network in the database: seeded once (a second seed adds nothing), its history backfilled
 * through ingest with rollups and datastream states that agree with the raw rows, and a backfill that resumes
 * where it stopped.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBackfill, type Backfill } from '../../src/sensors/simulator/backfill.js';
import { nextChunk, parsePlan, progress } from '../../src/sensors/simulator/backfill-plan.js';
import { BACKFILL_STATE, networkIds, seedSensorNetwork } from '../../src/sensors/simulator/network-seed.js';
import type { Schema } from '../../src/db/schema.js';
import { countRows, createDemoSensorDatasets } from '../fixtures/sensors.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const quiet = { info: () => undefined, error: (details: Record<string, unknown>) => console.error(details) };

describeDb('sensors: the demo network and its backfill', () => {
  let t: TestApp;
  const count = (table: keyof Schema) => countRows(t, table);

  beforeAll(async () => {
    t = await createTestApp();
    await createDemoSensorDatasets(t);
  });
  afterAll(() => t.close());

  it('creates the network once: a second seed finds every Thing and adds nothing', async () => {
    const first = await seedSensorNetwork(t.app.services, { scale: 0.02, days: 26 / 24 });
    expect(first.existing).toBe(0);
    expect(first.created).toBe(first.network.things.length);
    const things = await count('sensor_things');
    const datastreams = await count('sensor_datastreams');
    expect(things).toBe(first.network.things.length);
    expect(datastreams).toBe(first.network.streams.length);
    // Stations of a kind share their Sensor and ObservedProperty.
    const properties = await t.db.kysely
      .selectFrom('sensor_observed_properties')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(properties.n)).toBe(12);
    const plan = await t.app.services.state.get(BACKFILL_STATE);

    const second = await seedSensorNetwork(t.app.services, { scale: 0.02, days: 26 / 24 });
    expect(second).toMatchObject({ created: 0, existing: first.network.things.length });
    expect(await count('sensor_things')).toBe(things);
    expect(await count('sensor_datastreams')).toBe(datastreams);
    expect(await t.app.services.state.get(BACKFILL_STATE)).toBe(plan);
  });

  it('backfills the history through ingest, last day first, and resumes after a stop', async () => {
    const { services } = t.app;
    const plan = parsePlan(await services.state.get(BACKFILL_STATE))!;
    expect(plan.segments.map((s) => s.backward)).toEqual([false, true]);
    const network = (await seedSensorNetwork(services, { scale: 0.02 })).network;
    const { datastreams } = await networkIds(t.db);
    expect(datastreams.size).toBe(network.streams.length);
    const options = {
      ingest: services.sensors.ingest,
      state: services.state,
      network,
      datastreams,
      log: quiet,
    };

    // Stopped after its first hours: it records the batch under way and leaves the rest for the next start.
    let records = 0;
    const interrupted: Backfill = startBackfill({
      ...options,
      recordEvery: 0,
      state: {
        get: (key) => services.state.get(key),
        set: async (key, value) => {
          await services.state.set(key, value);
          if (++records === 3) void interrupted.stop();
        },
      },
    });
    await interrupted.done;
    const partial = parsePlan(await services.state.get(BACKFILL_STATE))!;
    expect(progress(partial).done).toBeGreaterThanOrEqual(3);
    expect(progress(partial).done).toBeLessThan(progress(partial).total);
    expect(partial.written).toBe(await count('sensor_observations'));

    await startBackfill(options).done;
    const complete = parsePlan(await services.state.get(BACKFILL_STATE))!;
    expect(nextChunk(complete)).toBeUndefined();
    const stored = await count('sensor_observations');
    expect(complete.written).toBe(stored);
    // About 26 hours of a small network: a few hundred observations an hour.
    expect(stored).toBeGreaterThan(26 * 300);
    const span = await t.db.kysely
      .selectFrom('sensor_observations')
      .select((eb) => [eb.fn.min('phenomenon_time').as('first'), eb.fn.max('phenomenon_time').as('last')])
      .executeTakeFirstOrThrow();
    // Clock faults may stamp a reading hours off; the bulk lies in the planned window.
    expect(Number(span.last)).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    expect(Number(span.first)).toBeLessThan(plan.liveFrom - 25 * 3_600_000);

    // Nothing is left to do: a third run writes nothing.
    await startBackfill(options).done;
    expect(await count('sensor_observations')).toBe(stored);
  });

  it('keeps rollups and datastream states equal to the raw rows', async () => {
    const k = t.db.kysely;
    const raw = await k
      .selectFrom('sensor_observations')
      .select((eb) => [
        'datastream_id',
        eb.fn.countAll().as('all'),
        eb.fn.count('result_number').as('numbers'),
        eb.fn.sum('result_number').as('total'),
        eb.fn.min('result_number').as('min'),
        eb.fn.max('result_number').as('max'),
      ])
      .groupBy('datastream_id')
      .execute();
    const hourly = await k
      .selectFrom('sensor_rollups')
      .select((eb) => [
        'datastream_id',
        eb.fn.sum('n').as('n'),
        eb.fn.sum('total').as('total'),
        eb.fn.min('min').as('min'),
        eb.fn.max('max').as('max'),
      ])
      .where('resolution', '=', 3_600_000)
      .groupBy('datastream_id')
      .execute();
    const states = await k.selectFrom('sensor_datastream_state').selectAll().execute();
    const rollupOf = new Map(hourly.map((r) => [Number(r.datastream_id), r]));
    const stateOf = new Map(states.map((s) => [Number(s.datastream_id), s]));
    expect(raw.length).toBeGreaterThan(20);
    for (const row of raw) {
      const id = Number(row.datastream_id);
      expect(Number(stateOf.get(id)?.observations)).toBe(Number(row.all));
      if (Number(row.numbers) === 0) {
        expect(rollupOf.has(id)).toBe(false);
        continue;
      }
      const rollup = rollupOf.get(id)!;
      expect(Number(rollup.n)).toBe(Number(row.numbers));
      expect(Number(rollup.total)).toBeCloseTo(Number(row.total), 3);
      expect(Number(rollup.min)).toBe(Number(row.min));
      expect(Number(rollup.max)).toBe(Number(row.max));
    }
    // Parking stalls report categories: free, occupied, unknown, out of service.
    const categories = await k
      .selectFrom('sensor_observations')
      .select('result_json')
      .distinct()
      .where('result_json', 'is not', null)
      .execute();
    const seen = categories.map((c) => JSON.parse(c.result_json!) as string);
    expect(seen).toEqual(expect.arrayContaining(['free', 'occupied']));
  });
});
