/**
 * Quality control on ingest: every observation stored with its QARTOD flag, served in SensorThings'
 * resultQuality and in live events; spikes revised when the next value comes; stuck sensors reported as faults
 * and cleared when they move again; nothing judged when quality control is off.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ObservationEvent } from '../../src/sensors/ingest.service.js';
import type { SensorFault } from '../../src/sensors/qc/qc.types.js';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { CONFIG, at, configure, iso, send, steady, stored } from '../fixtures/sensors-qc.js';
import { setUpApp } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

describeDb('sensors: quality control on ingest', () => {
  let t: TestApp;
  let station: Awaited<ReturnType<typeof createStation>>;
  const faults: SensorFault[] = [];
  const events: ObservationEvent[] = [];

  beforeAll(async () => {
    t = await setUpApp();
    await createSensorDataset(t, 'air-qc');
    station = await createStation(t, 'air-qc', 'Beach Blvd', ['PM2.5', 'PM2.5 b', 'PM2.5 c', 'PM2.5 d']);
    for (const id of station.datastreamIds) await configure(t, id, CONFIG);
    t.app.services.sensors.qc.onFault((fault) => faults.push(fault));
    t.app.services.sensors.ingest.onCommitted((batch) => events.push(...batch));
  });
  afterAll(() => t?.close());

  it('stores each flag, and serves it in SensorThings resultQuality and live events beside the client’s own', async () => {
    const [ds] = station.datastreamIds as [number];
    events.length = 0;
    const results = await send(t, ds, [
      [0, 10],
      [1, 11],
      [2, 12, { calibrated: true }],
      [3, 2000],
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created', 'created']);

    const good = await stored(t, ds, 2);
    expect(good.qcFlag).toBe(1);
    expect(good.quality).toEqual({
      qartod: { flag: 1, tests: expect.objectContaining({ gross_range: 1, timing_gap: 1, flat_line: 1 }) },
      calibrated: true,
    });
    // Out of the instrument's range: fail.
    const bad = await stored(t, ds, 3);
    expect(bad.qcFlag).toBe(4);
    expect(bad.quality?.qartod?.tests.gross_range).toBe(4);

    const id = (results[2] as { id: number }).id;
    const res = await t.inject(`/sta/v1.1/Observations(${id})`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ resultQuality: unknown }>().resultQuality).toEqual(good.quality);
    const event = events.find((e) => e.id === id);
    expect(event?.resultQuality).toEqual(good.quality);
  });

  it('revises a spike when the next value arrives, in a later batch or the same one', async () => {
    const [, ds] = station.datastreamIds as [number, number];
    await send(t, ds, [
      [0, 10],
      [1, 11],
      [2, 80, { note: 'as sent' }],
    ]);
    const before = await stored(t, ds, 2);
    expect(before.quality?.qartod?.tests.spike).toBeUndefined();
    await send(t, ds, [[3, 12]]);
    const after = await stored(t, ds, 2);
    expect(after.qcFlag).toBe(4);
    expect(after.quality).toEqual({
      qartod: { flag: 4, tests: { ...before.quality!.qartod!.tests, spike: 4 } },
      note: 'as sent',
    });
    expect((await stored(t, ds, 3)).qcFlag).toBe(1);

    // Within one batch: the spike's row is stored already judged.
    await send(t, ds, [
      [4, 13],
      [5, 45],
      [6, 14],
    ]);
    expect((await stored(t, ds, 5)).quality?.qartod).toMatchObject({ flag: 3, tests: { spike: 3 } });

    // The batch sent again: duplicates, and nothing stored or judged changes.
    const again = await send(t, ds, [
      [2, 80],
      [3, 12],
    ]);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await stored(t, ds, 2)).toEqual(after);
    await send(t, ds, [[7, 15]]);
    expect((await stored(t, ds, 7)).qcFlag).toBe(1);
  });

  it('reports a stuck sensor as a flat-line fault, and clears it when the values move again', async () => {
    const [, , ds] = station.datastreamIds as [number, number, number];
    faults.length = 0;
    await send(t, ds, steady(0, 30, 12.4));
    expect(faults).toEqual([]);
    await send(t, ds, steady(30, 40, 12.4));
    const opened = faults.filter((f) => f.datastreamId === ds);
    expect(opened).toEqual([
      {
        datastreamId: ds,
        datasetId: 'air-qc',
        kind: 'flat_line',
        state: 'open',
        since: iso(at(0)),
        at: iso(at(60) + 2000),
        detail: expect.stringMatching(/^Beach Blvd PM2\.5 c unchanged at 12\.4 µg\/m³ for 1 h/),
      },
    ]);
    expect((await stored(t, ds, 60)).quality?.qartod?.tests.flat_line).toBe(4);

    await send(t, ds, [
      [70, 13],
      [71, 15],
      [72, 14],
    ]);
    expect(faults.filter((f) => f.datastreamId === ds).map((f) => [f.kind, f.state])).toEqual([
      ['flat_line', 'open'],
      ['flat_line', 'cleared'],
    ]);
  });

  it('judges observations that come over HTTP too', async () => {
    const [, , , ds] = station.datastreamIds as [number, number, number, number];
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const res = await t.injectAsAdmin({
      method: 'POST',
      url: '/api/v1/observations',
      payload: [
        {
          Datastream: { '@iot.id': ds },
          components: ['phenomenonTime', 'result'],
          dataArray: [
            [iso(now - 2 * 60_000), 9],
            [iso(now - 60_000), -5],
          ],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db.kysely
      .selectFrom('sensor_observations')
      .select(['qc_flag'])
      .where('datastream_id', '=', ds)
      .orderBy('phenomenon_time')
      .execute();
    expect(rows.map((r) => Number(r.qc_flag))).toEqual([1, 4]);
  });
});

describeDb('sensors: quality control turned off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { PLAZA_QC: 'off' } });
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    await createSensorDataset(t, 'air-off');
  });
  afterAll(() => t?.close());

  it('stores observations unflagged, with the quality the client sent', async () => {
    expect(t.app.services.sensors.qc.enabled).toBe(false);
    const station = await createStation(t, 'air-off', 'Harbor');
    const [ds] = station.datastreamIds as [number];
    await send(t, ds, [
      [0, 10, { flag: 'ok' }],
      [1, 5000],
    ]);
    expect(await stored(t, ds, 0)).toEqual({ qcFlag: null, quality: { flag: 'ok' } });
    expect(await stored(t, ds, 1)).toEqual({ qcFlag: null, quality: null });
  });
});

describeDb('sensors: quality control on the server clock', () => {
  let t: TestApp;
  let clock = at(0);

  beforeAll(async () => {
    t = await createTestApp({ now: () => new Date(clock) });
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    await createSensorDataset(t, 'air-clock');
  });
  afterAll(() => t?.close());

  it('judges the timing of an HTTP observation by when it reached the server', async () => {
    const station = await createStation(t, 'air-clock', 'Depot');
    const [ds] = station.datastreamIds as [number];
    await configure(t, ds, CONFIG);
    const post = (minute: number, value: number) =>
      t.injectAsAdmin({
        method: 'POST',
        url: '/api/v1/observations',
        payload: [
          {
            Datastream: { '@iot.id': ds },
            components: ['phenomenonTime', 'result'],
            dataArray: [[iso(at(minute)), value]],
          },
        ],
      });
    clock = at(1);
    expect((await post(0, 10)).statusCode).toBe(200);
    // Received an hour after it was measured: later than the 10 minutes this datastream allows.
    clock = at(61);
    expect((await post(1, 11)).statusCode).toBe(200);
    expect((await stored(t, ds, 0)).quality?.qartod?.tests.timing_gap).toBe(1);
    expect((await stored(t, ds, 1)).quality?.qartod).toMatchObject({ flag: 3, tests: { timing_gap: 3 } });
  });
});
