/**
 * Where quality control gets its configuration (SensorThings PATCH of a Datastream or its ObservedProperty,
 * checked before it is stored), which datastreams are silent past their gap limit, and a restart that resumes
 * the tests where they were.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSensors } from '../../src/sensors/sensors.js';
import type { SensorFault } from '../../src/sensors/qc/qc.types.js';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { CONFIG, MINUTE, at, configure, iso, send, steady, stored } from '../fixtures/sensors-qc.js';
import { setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

describeDb('sensors: quality control configuration, silence and restarts', () => {
  let t: TestApp;
  let station: Awaited<ReturnType<typeof createStation>>;

  beforeAll(async () => {
    t = await setUpApp();
    await createSensorDataset(t, 'air-cfg');
    station = await createStation(t, 'air-cfg', 'Pier', ['PM2.5', 'PM2.5 b', 'PM2.5 c', 'PM2.5 d']);
  });
  afterAll(() => t?.close());

  it('applies a Datastream’s properties.qc from its next observation, and refuses one it cannot use', async () => {
    const [ds] = station.datastreamIds as [number];
    const qc = t.app.services.sensors.qc;
    // The demo's defaults for PM2.5: above 500 µg/m³ is suspect.
    expect((await qc.configOf(ds)).source).toBe('default');
    await send(t, ds, [[0, 600]]);
    expect((await stored(t, ds, 0)).quality?.qartod?.tests.gross_range).toBe(3);

    await configure(t, ds, { grossRange: { fail: [0, 2000] } });
    expect(await qc.configOf(ds)).toEqual({
      config: { grossRange: { fail: [0, 2000] } },
      source: 'datastream',
    });
    await send(t, ds, [[1, 600]]);
    expect(await stored(t, ds, 1)).toMatchObject({
      qcFlag: 1,
      quality: { qartod: { tests: { gross_range: 1 } } },
    });

    const res = await t.injectAsAdmin({
      method: 'PATCH',
      url: `/sta/v1.1/Datastreams(${ds})`,
      payload: { properties: { qc: { grossRange: { fail: [100, 0] } } } },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('qc.invalid_config');
    expect(res.json().error.message).toContain('properties.qc.grossRange.fail');
    // Nothing was stored: the configuration that was there still applies.
    expect((await qc.configOf(ds)).source).toBe('datastream');

    const shown = await t.inject(`/sta/v1.1/Datastreams(${ds})`);
    expect(shown.json().properties).toEqual({ qc: { grossRange: { fail: [0, 2000] } } });
  });

  it('applies an ObservedProperty’s properties.qc to its datastreams without their own', async () => {
    const [, ds] = station.datastreamIds as [number, number];
    const property = await t.inject(`/sta/v1.1/Datastreams(${ds})/ObservedProperty`);
    const propertyId = property.json<{ '@iot.id': number }>()['@iot.id'];
    const bad = await t.injectAsAdmin({
      method: 'PATCH',
      url: `/sta/v1.1/ObservedProperties(${propertyId})`,
      payload: { properties: { qc: { spike: { suspect: 'high' } } } },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.code).toBe('qc.invalid_config');

    const res = await t.injectAsAdmin({
      method: 'PATCH',
      url: `/sta/v1.1/ObservedProperties(${propertyId})`,
      payload: { properties: { qc: { grossRange: { fail: [0, 50] } } } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await t.app.services.sensors.qc.configOf(ds)).toEqual({
      config: { grossRange: { fail: [0, 50] } },
      source: 'observed_property',
    });
    await send(t, ds, [[0, 60]]);
    expect((await stored(t, ds, 0)).qcFlag).toBe(4);
  });

  it('PATCH is for the admin only', async () => {
    const [ds] = station.datastreamIds as [number];
    const res = await t.inject({
      method: 'PATCH',
      url: `/sta/v1.1/Datastreams(${ds})`,
      payload: { properties: {} },
    });
    expect(res.statusCode).toBe(401);
  });

  it('finds the datastreams silent past their gap limit at a given moment', async () => {
    const [, , quiet, busy] = station.datastreamIds as [number, number, number, number];
    await configure(t, quiet, CONFIG);
    await configure(t, busy, CONFIG);
    await send(t, quiet, [[0, 10]]);
    await send(t, busy, [[20, 10]]);
    const qc = t.app.services.sensors.qc;
    const silentAt = async (minute: number) =>
      (await qc.silentStreams(at(minute))).filter((s) => s.datastreamId === quiet || s.datastreamId === busy);
    expect(await silentAt(10)).toEqual([]);
    expect(await silentAt(30)).toEqual([
      {
        datastreamId: quiet,
        datasetId: 'air-cfg',
        name: 'Pier PM2.5 c',
        lastObservation: iso(at(0)),
        gapMs: 15 * MINUTE,
      },
    ]);
    expect((await silentAt(40)).map((s) => s.datastreamId).sort()).toEqual([quiet, busy].sort());
  });
});

describeDb('sensors: quality control after a restart', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await setUpApp();
    await createSensorDataset(t, 'air-restart');
  });
  afterAll(() => t?.close());

  /** The sensors module as a newly started process has it: nothing in memory, the same database. */
  const restarted = () => createSensors({ db: t.db, timeZone: t.config.timeZone, qc: true });

  it('resumes the flat-line and spike tests from the stored observations', async () => {
    const station = await createStation(t, 'air-restart', 'Mill', ['PM2.5', 'PM2.5 b']);
    const [flat, spiky] = station.datastreamIds as [number, number];
    await configure(t, flat, CONFIG);
    await configure(t, spiky, CONFIG);
    await send(t, flat, steady(0, 45, 7));
    await send(t, spiky, [
      [0, 10],
      [1, 11],
      [2, 80],
    ]);

    const next = restarted();
    const faults: SensorFault[] = [];
    next.qc.onFault((fault) => faults.push(fault));
    // The run began before the restart: an hour after its first value, it is a stuck sensor.
    await send(t, flat, steady(45, 16, 7), next.ingest);
    expect(faults.map((f) => [f.datastreamId, f.kind, f.state, f.since])).toEqual([
      [flat, 'flat_line', 'open', iso(at(0))],
    ]);
    await send(t, spiky, [[3, 12]], next.ingest);
    expect(await stored(t, spiky, 2)).toMatchObject({
      qcFlag: 4,
      quality: { qartod: { tests: { spike: 4 } } },
    });
  });

  it('clears, once good values come, a fault opened before the restart', async () => {
    const station = await createStation(t, 'air-restart', 'Quarry');
    const [ds] = station.datastreamIds as [number];
    await configure(t, ds, CONFIG);
    const before: SensorFault[] = [];
    const stop = t.app.services.sensors.qc.onFault((fault) => before.push(fault));
    await send(t, ds, steady(0, 65, 3));
    stop();
    expect(before.map((f) => [f.kind, f.state])).toEqual([['flat_line', 'open']]);

    const next = restarted();
    const faults: SensorFault[] = [];
    next.qc.onFault((fault) => faults.push(fault));
    await send(
      t,
      ds,
      [
        [65, 4],
        [66, 6],
        [67, 5],
      ],
      next.ingest,
    );
    expect(faults.filter((f) => f.state === 'cleared').map((f) => f.kind)).toContain('flat_line');
  });
});
