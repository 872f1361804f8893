/** Writing observations over HTTP: per-item answers, duplicates, rejections, devices, and rollups that stay true. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storedMinutes } from '../../src/sensors/minute-pack.js';
import { createSensorDataset, createStation, deviceToken } from '../fixtures/sensors.js';
import { setUpApp } from '../fixtures/tables.js';
import { ADMIN_TOKEN, adminHeaders, describeDb, type TestApp } from '../support/index.js';

interface Answer {
  created: number;
  duplicates: number;
  rejected: number;
  ids: (number | null)[];
  problems: { group: number; row: number; status: string; code?: string; reason?: string }[];
}

const group = (datastream: number, rows: unknown[][], components = ['phenomenonTime', 'result']) => ({
  Datastream: { '@iot.id': datastream },
  components,
  'dataArray@iot.count': rows.length,
  dataArray: rows,
});

describeDb('sensors: HTTP ingest', () => {
  let t: TestApp;
  let station: Awaited<ReturnType<typeof createStation>>;
  let other: Awaited<ReturnType<typeof createStation>>;
  let token: string;
  const post = (body: unknown, auth: string | undefined = token) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/observations',
      headers: auth ? { authorization: `Bearer ${auth}` } : {},
      payload: body as object,
    });
  const answer = async (body: unknown, auth?: string) => {
    const res = await post(body, auth);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Answer>();
  };
  /** Stored rollups as rows of one resolution; minutes are unpacked from their datastream-hours. */
  const rollups = async (datastream: number, resolution: number) => {
    if (resolution === 60_000) {
      const hours = await t.db.kysely
        .selectFrom('sensor_minute_rollups')
        .selectAll()
        .where('datastream_id', '=', datastream)
        .orderBy('hour')
        .execute();
      return hours
        .flatMap((h) => storedMinutes(datastream, Number(h.hour), h.minutes))
        .map((r) => ({
          bucket: r.bucket,
          n: r.n,
          total: r.total,
          min: r.min,
          max: r.max,
          first_value: r.firstValue,
          last_value: r.lastValue,
        }));
    }
    return t.db.kysely
      .selectFrom('sensor_rollups')
      .selectAll()
      .where('datastream_id', '=', datastream)
      .where('resolution', '=', resolution)
      .orderBy('bucket')
      .execute();
  };
  const raw = (datastream: number) =>
    t.db.kysely
      .selectFrom('sensor_observations')
      .select(['phenomenon_time', 'result_number'])
      .where('datastream_id', '=', datastream)
      .orderBy('phenomenon_time')
      .execute();

  beforeAll(async () => {
    t = await setUpApp();
    const dataset = await createSensorDataset(t, 'air-test');
    station = await createStation(t, dataset, 'Bolsa', ['PM2.5', 'PM10']);
    other = await createStation(t, dataset, 'Civic');
    token = await deviceToken(t, station.id);
  });
  afterAll(() => t.close());

  it('stores a batch of several datastreams and answers per item', async () => {
    const [pm25, pm10] = station.datastreamIds as [number, number];
    const body = await answer([
      group(pm25, [
        ['2026-01-05T10:00:00Z', 12.5],
        ['2026-01-05T10:00:30Z', 13.5],
        ['2026-01-05T10:01:00Z', 'high'],
      ]),
      group(pm10, [['2026-01-05T10:00:00Z', 20]]),
    ]);
    expect(body).toMatchObject({ created: 3, duplicates: 0, rejected: 1 });
    expect(body.problems).toEqual([
      expect.objectContaining({ group: 0, row: 2, status: 'rejected', code: 'observation.invalid_result' }),
    ]);
    expect(body.ids.map((id) => typeof id)).toEqual(['number', 'number', 'object', 'number']);
    expect(body.ids[2]).toBeNull();
  });

  it('reports a resend as a duplicate and stores it once', async () => {
    const [pm25] = station.datastreamIds as [number];
    const body = await answer([
      group(pm25, [
        ['2026-01-05T10:00:00Z', 99],
        ['2026-01-05T10:00:00Z', 98],
      ]),
    ]);
    expect(body).toMatchObject({ created: 0, duplicates: 2, ids: [null, null] });
    expect(body.problems.map((p) => p.status)).toEqual(['duplicate', 'duplicate']);
    const rows = await raw(pm25);
    expect(rows.filter((r) => Number(r.phenomenon_time) === Date.UTC(2026, 0, 5, 10))).toHaveLength(1);
    expect(rows.find((r) => Number(r.phenomenon_time) === Date.UTC(2026, 0, 5, 10))?.result_number).toBe(
      12.5,
    );
  });

  it('refuses future times, unknown datastreams and bad times, and keeps the rest of the batch', async () => {
    const [pm25] = station.datastreamIds as [number];
    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    const body = await answer([
      group(pm25, [
        [future, 1],
        ['2026-01-05 10:02', 1],
        ['2026-01-05T10:03:00Z', 14],
      ]),
      group(987654, [['2026-01-05T10:03:00Z', 1]]),
    ]);
    expect(body.problems.map((r) => [r.group, r.row, r.code])).toEqual([
      [0, 0, 'observation.future_time'],
      [0, 1, 'observation.invalid_time'],
      [1, 0, 'observation.unknown_datastream'],
    ]);
    expect(body.ids[2]).toBeTypeOf('number');
    expect(body.problems[0]!.reason).toMatch(/5 minutes ahead/);
  });

  it('refuses a FeatureOfInterest that does not exist, and takes one that does', async () => {
    const [pm25] = station.datastreamIds as [number];
    const components = ['phenomenonTime', 'result', 'FeatureOfInterest/id'];
    const feature = await t.db.kysely.selectFrom('sensor_features').select('id').executeTakeFirstOrThrow();
    const body = await answer([
      group(
        pm25,
        [
          ['2026-01-05T11:00:00Z', 1, 987654],
          ['2026-01-05T11:01:00Z', 1, Number(feature.id)],
        ],
        components,
      ),
    ]);
    expect(body.problems).toEqual([expect.objectContaining({ row: 0, code: 'observation.unknown_feature' })]);
    expect(body.created).toBe(1);
  });

  it('lets a device write only to its own Thing', async () => {
    const body = await answer([group(other.datastreamIds[0]!, [['2026-01-05T10:00:00Z', 5]])]);
    expect(body.problems[0]).toMatchObject({ status: 'rejected', code: 'observation.forbidden_datastream' });
    expect(await raw(other.datastreamIds[0]!)).toHaveLength(0);
    // The admin may write anywhere.
    const admin = await answer([group(other.datastreamIds[0]!, [['2026-01-05T10:00:00Z', 5]])], ADMIN_TOKEN);
    expect(admin.created).toBe(1);
  });

  it('refuses requests without valid credentials, and malformed batches, changing nothing', async () => {
    const [pm25] = station.datastreamIds as [number];
    const before = (await raw(pm25)).length;
    const rows = [['2026-01-06T10:00:00Z', 1]];
    expect((await post([group(pm25, rows)], '')).statusCode).toBe(401);
    const wrong = await post([group(pm25, rows)], `plaza_dev_000000000000_${'x'.repeat(43)}`);
    expect(wrong.json()).toMatchObject({ error: { code: 'auth.device_token_invalid' } });
    const malformed = await t.inject({
      method: 'POST',
      url: '/api/v1/observations',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '[{"Datastream": {"@iot.id": 1}, "components": ["result"',
    });
    expect(malformed.statusCode).toBe(400);
    const unknownComponent = await post([group(pm25, [[1, 2]], ['result', 'colour'])]);
    expect(unknownComponent.json()).toMatchObject({ error: { code: 'observation.bad_batch' } });
    const ragged = await post([group(pm25, [['2026-01-06T10:00:00Z', 1], ['2026-01-06T10:01:00Z']])]);
    expect(ragged.statusCode).toBe(400);
    expect(await raw(pm25)).toHaveLength(before);
  });

  it('keeps minute, hour and local-day rollups equal to the raw rows through late and out-of-order data', async () => {
    const ds = station.datastreamIds[1]!;
    const start = Date.UTC(2026, 0, 10, 7, 30);
    const rows: [string, number][] = [];
    for (let i = 0; i < 300; i++) rows.push([new Date(start + i * 17_000).toISOString(), (i * 37) % 101]);
    // Out of order, in three batches, the middle one arriving last.
    const shuffled = [...rows].sort((a, b) => ((a[1] * 7) % 13) - ((b[1] * 7) % 13));
    await answer([group(ds, shuffled.slice(0, 100))]);
    await answer([group(ds, shuffled.slice(200))]);
    await answer([group(ds, shuffled.slice(100, 200))]);
    const stored = await raw(ds);
    for (const [resolution, bucketOf] of [
      [60_000, (ms: number) => Math.floor(ms / 60_000) * 60_000],
      [3_600_000, (ms: number) => Math.floor(ms / 3_600_000) * 3_600_000],
      // 2026-01-10 is in standard time: local midnight is 08:00 UTC.
      [
        86_400_000,
        (ms: number) => Math.floor((ms - 8 * 3_600_000) / 86_400_000) * 86_400_000 + 8 * 3_600_000,
      ],
    ] as const) {
      const expected = new Map<
        number,
        { n: number; total: number; min: number; max: number; first: number; last: number }
      >();
      for (const r of stored) {
        if (Number(r.phenomenon_time) < start) continue;
        const time = Number(r.phenomenon_time);
        const value = r.result_number!;
        const b = bucketOf(time);
        const e = expected.get(b);
        if (!e) expected.set(b, { n: 1, total: value, min: value, max: value, first: value, last: value });
        else {
          e.n++;
          e.total += value;
          e.min = Math.min(e.min, value);
          e.max = Math.max(e.max, value);
          e.last = value;
        }
      }
      const actual = (await rollups(ds, resolution)).filter((r) => Number(r.bucket) >= bucketOf(start));
      expect(actual.map((r) => Number(r.bucket))).toEqual([...expected.keys()]);
      for (const r of actual) {
        const e = expected.get(Number(r.bucket))!;
        expect([Number(r.n), r.total, r.min, r.max, r.first_value, r.last_value]).toEqual([
          e.n,
          e.total,
          e.min,
          e.max,
          e.first,
          e.last,
        ]);
      }
    }
    const state = await t.db.kysely
      .selectFrom('sensor_datastream_state')
      .selectAll()
      .where('datastream_id', '=', ds)
      .executeTakeFirstOrThrow();
    expect(Number(state.latest_time)).toBe(start + 299 * 17_000);
    expect(state.latest_number).toBe((299 * 37) % 101);
    expect(Number(state.observations)).toBe(stored.length);
  });

  it('announces committed observations to live listeners, and keeps bulk history out of the feeds', async () => {
    const { ingest } = t.app.services.sensors;
    const heard: number[] = [];
    const stop = ingest.onCommitted((events) => heard.push(...events.map((e) => e.id)));
    try {
      const [pm25] = station.datastreamIds as [number];
      const [live] = await ingest.ingest(
        [{ datastreamId: pm25, phenomenonTime: '2026-01-08T10:00:00Z', result: 3 }],
        {
          kind: 'admin',
        },
      );
      const [history] = await ingest.ingest(
        [{ datastreamId: pm25, phenomenonTime: '2025-12-08T10:00:00Z', result: 4 }],
        { kind: 'admin' },
        { live: false },
      );
      expect(live).toMatchObject({ status: 'created' });
      expect(history).toMatchObject({ status: 'created' });
      expect(heard).toEqual([(live as { id: number }).id]);
    } finally {
      stop();
    }
  });

  it('rotates and revokes device tokens', async () => {
    const list = await t.inject({ url: `/api/v1/things/${station.id}/device-tokens`, headers: adminHeaders });
    const [first] = list.json<{ tokens: { id: string; prefix: string }[] }>().tokens;
    expect(token).toContain(first!.prefix);
    expect(list.body).not.toContain(token);
    const rotated = await t.inject({
      method: 'POST',
      url: `/api/v1/device-tokens/${first!.id}/rotate`,
      headers: adminHeaders,
    });
    expect(rotated.statusCode).toBe(201);
    const fresh = rotated.json<{ token: string; device: { id: string } }>();
    const [pm25] = station.datastreamIds as [number];
    const old = await post([group(pm25, [['2026-01-07T10:00:00Z', 1]])]);
    expect(old.json()).toMatchObject({ error: { code: 'auth.device_token_revoked' } });
    expect((await answer([group(pm25, [['2026-01-07T10:00:00Z', 1]])], fresh.token)).created).toBe(1);
    const revoke = await t.inject({
      method: 'DELETE',
      url: `/api/v1/device-tokens/${fresh.device.id}`,
      headers: adminHeaders,
    });
    expect(revoke.json()).toMatchObject({ revokedAt: expect.any(String) });
    expect((await post([group(pm25, [['2026-01-07T10:01:00Z', 1]])], fresh.token)).statusCode).toBe(401);
  });

  it('moves the dataset data_updated_at with its newest observation', async () => {
    const res = await t.inject('/api/v1/datasets/air-test');
    const updated = res.json<{ data_updated_at: string | null }>().data_updated_at;
    expect(updated).not.toBeNull();
    expect(Date.now() - Date.parse(updated!)).toBeLessThan(60_000);
  });
});
