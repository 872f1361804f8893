/** The SensorThings API write side: Observations one at a time and in the dataArray shape, on both databases. */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceToken } from '../fixtures/sensors.js';
import { failure } from '../fixtures/tables.js';
import { ADMIN_TOKEN, adminHeaders, describeDb } from '../support/index.js';
import { listenLive } from '../support/live.js';
import { sensorNetwork, START, type SensorNetwork } from '../support/sensor-fixtures.js';

type Entity = Record<string, unknown> & { '@iot.id': number; '@iot.selfLink': string };

const BASE = 'http://plaza.test/sta/v1.1';
const REQ = 'http://www.opengis.net/spec/iot_sensing/1.1/req';
/** New observations go after the fixture's, well in the past. */
const T = Date.parse('2025-03-01T00:00:00Z');
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString();

const group = (datastream: number, rows: unknown[][], components = ['phenomenonTime', 'result']) => ({
  Datastream: { '@iot.id': datastream },
  components,
  'dataArray@iot.count': rows.length,
  dataArray: rows,
});

describeDb('SensorThings API 1.1 (write)', () => {
  let n: SensorNetwork;
  let tokenA: string;
  let tokenB: string;
  beforeAll(async () => {
    n = await sensorNetwork();
    tokenA = await deviceToken(n.t, n.stationA.thing);
    tokenB = await deviceToken(n.t, n.stationB.thing);
  });
  afterAll(() => n.t.close());

  /** POSTs with a bearer token: the admin's unless told otherwise; null sends no credentials. */
  const post = (path: string, body: unknown, token: string | null = ADMIN_TOKEN) =>
    n.t.inject({
      method: 'POST',
      url: `/sta/v1.1${path}`,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
      payload: body as object,
    });
  /** GETs an absolute link of this server, as the public or as the admin. */
  const follow = async (link: string, admin = false) => {
    expect(link.startsWith(BASE), link).toBe(true);
    const url = `/sta/v1.1${link.slice(BASE.length)}`;
    return admin ? n.t.injectAsAdmin(url) : n.t.inject(url);
  };
  const created = async (path: string, body: unknown, token?: string) => {
    const res = await post(path, body, token);
    expect(res.statusCode, res.body).toBe(201);
    const entity = res.json<Entity>();
    expect(res.headers.location).toBe(entity['@iot.selfLink']);
    return entity;
  };
  const count = async (datastream: number) => {
    const res = await n.t.inject(`/sta/v1.1/Datastreams(${datastream})/Observations?$count=true&$top=1`);
    return res.json<{ '@iot.count': number }>()['@iot.count'];
  };

  describe('POST Observations', () => {
    it('creates an Observation: 201, its address in Location, the entity as GET shows it', async () => {
      const before = await count(n.stationA.temperature);
      const entity = await created('/Observations', {
        Datastream: { '@iot.id': n.stationA.temperature },
        phenomenonTime: at(0),
        resultTime: at(1),
        result: 21.5,
        resultQuality: { flag: 'ok' },
        parameters: { sampling: '1 min' },
      });
      const id = entity['@iot.id'];
      expect(entity).toEqual({
        '@iot.id': id,
        '@iot.selfLink': `${BASE}/Observations(${id})`,
        phenomenonTime: '2025-03-01T00:00:00.000Z',
        resultTime: '2025-03-01T00:01:00.000Z',
        result: 21.5,
        // The client's own members are kept beside the outcome of quality control on ingest.
        resultQuality: { flag: 'ok', qartod: { flag: expect.any(Number), tests: expect.any(Object) } },
        parameters: { sampling: '1 min' },
        'Datastream@iot.navigationLink': `${BASE}/Observations(${id})/Datastream`,
        'FeatureOfInterest@iot.navigationLink': `${BASE}/Observations(${id})/FeatureOfInterest`,
      });
      const shown = await follow(entity['@iot.selfLink']);
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toBe(JSON.stringify(entity));
      const datastream = await follow(`${entity['@iot.selfLink']}/Datastream`);
      expect(datastream.json<Entity>()['@iot.id']).toBe(n.stationA.temperature);
      // Through ingest: the running totals of the datastream count it.
      expect(await count(n.stationA.temperature)).toBe(before + 1);
    });

    it('filters and selects resultQuality: the outcome by its flags, the client members by path', async () => {
      const datastream = n.stationA.temperature;
      const entity = await created('/Observations', {
        Datastream: { '@iot.id': datastream },
        phenomenonTime: at(2),
        result: 22,
        resultQuality: { note: 'filter me' },
      });
      const id = entity['@iot.id'];
      const { qartod } = entity.resultQuality as { qartod: { flag: number; tests: Record<string, number> } };
      const read = async (filter: string) => {
        const res = await n.t.inject(
          `/sta/v1.1/Datastreams(${datastream})/Observations?$select=id,resultQuality&$filter=${encodeURIComponent(filter)}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ value: Entity[] }>().value;
      };
      const mine = `resultQuality/note eq 'filter me'`;
      expect(await read(mine)).toEqual([{ '@iot.id': id, resultQuality: { qartod, note: 'filter me' } }]);
      expect((await read(`${mine} and resultQuality/qartod/flag eq ${qartod.flag}`)).length).toBe(1);
      expect(await read(`${mine} and resultQuality/qartod/flag ne ${qartod.flag}`)).toEqual([]);
      for (const test of [
        'gross_range',
        'climatology',
        'spike',
        'rate_of_change',
        'flat_line',
        'timing_gap',
      ]) {
        const flag = qartod.tests[test];
        const condition = flag === undefined ? 'eq null' : `eq ${flag}`;
        expect((await read(`${mine} and resultQuality/qartod/tests/${test} ${condition}`)).length, test).toBe(
          1,
        );
      }
      expect(await read(`${mine} and resultQuality eq null`)).toEqual([]);
      const bad = await n.t.inject(
        `/sta/v1.1/Observations?$filter=${encodeURIComponent('resultQuality/qartod/tests/nothing eq 1')}`,
      );
      expect(bad.statusCode).toBe(400);
    });

    it('creates under a Datastream, at the time of receipt when phenomenonTime is left out', async () => {
      const from = Date.now();
      const entity = await created(`/Datastreams(${n.stationA.door})/Observations`, { result: false });
      const time = Date.parse(entity.phenomenonTime as string);
      expect(time).toBeGreaterThanOrEqual(from - 1);
      expect(time).toBeLessThanOrEqual(Date.now() + 1);
      expect(entity.result).toBe(false);
      expect(entity['Datastream@iot.navigationLink']).toBe(
        `${BASE}/Observations(${entity['@iot.id']})/Datastream`,
      );
      const ds = await follow(`${entity['@iot.selfLink']}/Datastream`);
      expect(ds.json<Entity>()['@iot.id']).toBe(n.stationA.door);
    });

    it('links an existing FeatureOfInterest', async () => {
      const features = await n.t.inject(
        `/sta/v1.1/FeaturesOfInterest?$filter=${encodeURIComponent("name eq 'Pier'")}`,
      );
      const pier = features.json<{ value: Entity[] }>().value[0]!;
      const entity = await created(`/Datastreams(${n.stationA.status})/Observations`, {
        phenomenonTime: at(0),
        result: 'ok',
        FeatureOfInterest: { '@iot.id': pier['@iot.id'] },
      });
      const feature = await follow(`${entity['@iot.selfLink']}/FeatureOfInterest`);
      expect(feature.json<Entity>()).toMatchObject({ '@iot.id': pier['@iot.id'], name: 'Pier' });
    });

    it('answers a duplicate with 409 and the stored Observation', async () => {
      const first = await created('/Observations', {
        Datastream: { '@iot.id': n.stationA.temperature },
        phenomenonTime: at(10),
        result: 1,
      });
      const before = await count(n.stationA.temperature);
      const again = await post(`/Datastreams(${n.stationA.temperature})/Observations`, {
        phenomenonTime: '2025-02-28T16:10:00-08:00',
        result: 2,
      });
      const error = failure(again, 409, 'observation.duplicate');
      expect(error.details).toEqual({ '@iot.selfLink': first['@iot.selfLink'] });
      expect(error.message).toContain('2025-03-01T00:10:00.000Z');
      expect(await count(n.stationA.temperature)).toBe(before);
      expect((await follow(first['@iot.selfLink'])).json<Entity>().result).toBe(1);
    });

    it("answers a rejection with the ingest's code and reason", async () => {
      const temperature = n.stationA.temperature;
      const before = await count(temperature);
      failure(
        await post('/Observations', { Datastream: { '@iot.id': 999999 }, result: 1 }),
        400,
        'observation.unknown_datastream',
      );
      failure(
        await post('/Datastreams(999999)/Observations', { result: 1 }),
        404,
        'observation.unknown_datastream',
      );
      const wrongType = failure(
        await post(`/Datastreams(${temperature})/Observations`, { phenomenonTime: at(20), result: 'warm' }),
        400,
        'observation.invalid_result',
      );
      expect(wrongType.message).toContain('numbers');
      failure(
        await post(`/Datastreams(${n.stationA.door})/Observations`, { phenomenonTime: at(20), result: 1 }),
        400,
        'observation.invalid_result',
      );
      failure(
        await post(`/Datastreams(${temperature})/Observations`, {
          phenomenonTime: new Date(Date.now() + 3_600_000).toISOString(),
          result: 1,
        }),
        400,
        'observation.future_time',
      );
      failure(
        await post(`/Datastreams(${temperature})/Observations`, { phenomenonTime: 'yesterday', result: 1 }),
        400,
        'observation.invalid_time',
      );
      failure(
        await post(`/Datastreams(${temperature})/Observations`, { phenomenonTime: at(20) }),
        400,
        'observation.invalid_result',
      );
      failure(
        await post(`/Datastreams(${temperature})/Observations`, {
          phenomenonTime: at(20),
          result: 1,
          FeatureOfInterest: { '@iot.id': 999999 },
        }),
        400,
        'observation.unknown_feature',
      );
      expect(await count(temperature)).toBe(before);
    });

    it('refuses deep inserts, other entities and malformed bodies clearly', async () => {
      const path = `/Datastreams(${n.stationA.temperature})/Observations`;
      const deep = failure(
        await post(path, {
          phenomenonTime: at(30),
          result: 1,
          FeatureOfInterest: {
            name: 'Corner',
            encodingType: 'application/geo+json',
            feature: { type: 'Point', coordinates: [-117.9, 33.7] },
          },
        }),
        400,
        'sta.unsupported',
      );
      expect(deep.message).toContain('FeatureOfInterest');
      failure(await post('/Things', { name: 'New' }), 400, 'sta.unsupported');
      failure(await post(`/Datastreams(${n.stationA.temperature})`, { result: 1 }), 400, 'sta.unsupported');
      failure(await post('/Observations', [{ result: 1 }]), 400, 'sta.bad_entity');
      failure(await post('/Observations', { result: 1 }), 400, 'sta.bad_entity');
      failure(
        await post(path, { Datastream: { '@iot.id': n.stationA.door }, phenomenonTime: at(30), result: 1 }),
        400,
        'sta.bad_entity',
      );
      failure(await post(path, { phenomenonTime: at(30), reslt: 1 }), 400, 'sta.bad_entity');
    });

    it('writes into restricted datasets without showing them to the public', async () => {
      const entity = await created(`/Datastreams(${n.hidden.temperature})/Observations`, {
        phenomenonTime: at(0),
        result: 31.5,
      });
      expect(entity.result).toBe(31.5);
      expect((await follow(entity['@iot.selfLink'])).statusCode).toBe(404);
      expect((await follow(entity['@iot.selfLink'], true)).statusCode).toBe(200);
    });
  });

  describe('who may write', () => {
    it("lets a device write to its own Thing's datastreams only", async () => {
      await created(
        `/Datastreams(${n.stationA.temperature})/Observations`,
        { phenomenonTime: at(40), result: 5 },
        tokenA,
      );
      const other = failure(
        await post(
          `/Datastreams(${n.stationB.temperature})/Observations`,
          { phenomenonTime: at(40), result: 5 },
          tokenA,
        ),
        403,
        'observation.forbidden_datastream',
      );
      expect(other.message).toContain(`Thing ${n.stationA.thing}`);
      failure(
        await post('/Observations', { Datastream: { '@iot.id': n.hidden.temperature }, result: 5 }, tokenB),
        403,
        'observation.forbidden_datastream',
      );
    });

    it('asks for credentials, and refuses tokens that are not valid', async () => {
      const body = { Datastream: { '@iot.id': n.stationA.temperature }, phenomenonTime: at(50), result: 5 };
      failure(await post('/Observations', body, null), 401, 'auth.required');
      failure(await post('/Observations', body, 'not-a-token'), 403, 'auth.forbidden');
      failure(
        await post('/Observations', body, 'plaza_dev_000000000000_' + 'x'.repeat(43)),
        401,
        'auth.device_token_invalid',
      );
      failure(await post('/CreateObservations', [], null), 401, 'auth.required');
    });

    it('refuses a revoked device token at once', async () => {
      const issued = await n.t.inject({
        method: 'POST',
        url: `/api/v1/things/${n.stationB.thing}/device-tokens`,
        headers: adminHeaders,
        payload: { label: 'to revoke' },
      });
      const { token, device } = issued.json<{ token: string; device: { id: string } }>();
      const body = { phenomenonTime: at(60), result: 7 };
      const path = `/Datastreams(${n.stationB.temperature})/Observations`;
      await created(path, body, token);
      const revoked = await n.t.inject({
        method: 'DELETE',
        url: `/api/v1/device-tokens/${device.id}`,
        headers: adminHeaders,
      });
      expect(revoked.statusCode).toBe(200);
      failure(await post(path, { ...body, phenomenonTime: at(61) }, token), 401, 'auth.device_token_revoked');
      failure(
        await post('/CreateObservations', [group(n.stationB.temperature, [[at(62), 1]])], token),
        401,
        'auth.device_token_revoked',
      );
    });
  });

  describe('CreateObservations', () => {
    it('answers each row in order: a selfLink, the stored one for a duplicate, or "error"', async () => {
      const first = await n.t.inject(`/sta/v1.1/Datastreams(${n.stationA.temperature})/Observations?$top=1`);
      const stored = first.json<{ value: Entity[] }>().value[0]!;
      expect(stored.phenomenonTime).toBe(new Date(START).toISOString());
      const before = await count(n.stationA.temperature);

      const res = await post('/CreateObservations', [
        group(n.stationA.temperature, [
          [at(100), 20.5],
          [new Date(START).toISOString(), 99],
          [at(101), 'warm'],
          [new Date(Date.now() + 3_600_000).toISOString(), 1],
          [at(102), 21],
          [at(100), 22],
        ]),
        group(
          n.stationA.door,
          [[at(100), true, { flag: 'checked' }]],
          ['phenomenonTime', 'result', 'resultQuality'],
        ),
        group(999999, [[at(100), 1]]),
        group(
          n.stationA.status,
          [[at(100), 'ok', 999999]],
          ['phenomenonTime', 'result', 'FeatureOfInterest/id'],
        ),
      ]);
      expect(res.statusCode, res.body).toBe(201);
      const answers = res.json<string[]>();
      expect(answers).toHaveLength(9);
      const link = /^http:\/\/plaza\.test\/sta\/v1\.1\/Observations\((\d+)\)$/;
      expect(answers[0]).toMatch(link);
      expect(answers[1]).toBe(stored['@iot.selfLink']);
      expect(answers.slice(2, 4)).toEqual(['error', 'error']);
      expect(answers[4]).toMatch(link);
      // The same time twice in one request: the first is stored, the second is its duplicate.
      expect(answers[5]).toBe(answers[0]);
      expect(answers[6]).toMatch(link);
      expect(answers.slice(7)).toEqual(['error', 'error']);
      expect(await count(n.stationA.temperature)).toBe(before + 2);

      const read = async (i: number) => (await follow(answers[i]!)).json<Entity>();
      expect(await read(0)).toMatchObject({ phenomenonTime: '2025-03-01T01:40:00.000Z', result: 20.5 });
      expect(await read(1)).toMatchObject({ result: 10 });
      expect(await read(4)).toMatchObject({ phenomenonTime: '2025-03-01T01:42:00.000Z', result: 21 });
      expect(await read(6)).toMatchObject({ result: true, resultQuality: { flag: 'checked' } });
    });

    it('keeps a device to its own datastreams, row by row', async () => {
      const res = await post(
        '/CreateObservations',
        [group(n.stationB.temperature, [[at(110), 3]]), group(n.stationA.temperature, [[at(110), 3]])],
        tokenB,
      );
      expect(res.statusCode, res.body).toBe(201);
      const [own, other] = res.json<string[]>();
      expect((await follow(own!)).json<Entity>()).toMatchObject({ result: 3 });
      expect(other).toBe('error');
    });

    it('refuses a malformed body whole', async () => {
      failure(await post('/CreateObservations', { dataArray: [] }), 400, 'observation.bad_batch');
      failure(
        await post('/CreateObservations', [group(n.stationA.temperature, [[at(120)]])]),
        400,
        'observation.bad_batch',
      );
      failure(
        await post('/CreateObservations', [
          group(n.stationA.temperature, [[at(120), 1]], ['phenomenonTime', 'value']),
        ]),
        400,
        'observation.bad_batch',
      );
      const ok = await post('/CreateObservations', []);
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toEqual([]);
    });
  });

  describe('live updates', () => {
    it('sends a created Observation to MQTT subscribers of its Datastream', async () => {
      const { wsUrl } = await listenLive(n.t);
      const reader = await mqtt.connectAsync(wsUrl, { reconnectPeriod: 0, connectTimeout: 5_000 });
      try {
        const topic = `v1.1/Datastreams(${n.stationB.temperature})/Observations`;
        const received = new Promise<Record<string, unknown>>((resolve) =>
          reader.on('message', (_topic, payload, packet) => {
            if (!packet.retain) resolve(JSON.parse(payload.toString()) as Record<string, unknown>);
          }),
        );
        await reader.subscribeAsync(topic);
        const entity = await created(`/Datastreams(${n.stationB.temperature})/Observations`, {
          phenomenonTime: at(200),
          result: 17.25,
        });
        expect(await received).toMatchObject({
          '@iot.id': entity['@iot.id'],
          '@iot.selfLink': entity['@iot.selfLink'],
          phenomenonTime: entity.phenomenonTime,
          result: 17.25,
        });
      } finally {
        await reader.endAsync(true);
      }
    });
  });

  describe('landing page', () => {
    it('announces the classes served and the MQTT broker', async () => {
      const res = await n.t.inject('/sta/v1.1');
      const settings = res.json<{ serverSettings: Record<string, unknown> & { conformance: string[] } }>()
        .serverSettings;
      expect(settings.conformance).toEqual(
        expect.arrayContaining([
          `${REQ}/datamodel`,
          `${REQ}/data-array/data-array`,
          `${REQ}/create-observations-via-mqtt/observations-creation`,
          `${REQ}/receive-updates-via-mqtt/receive-updates`,
        ]),
      );
      // Only Observations can be created: the class for creating any entity is not claimed.
      expect(settings.conformance).not.toContain(`${REQ}/create-update-delete/create-entity`);
      // The test app's broker takes a port the system chooses, so only the WebSocket is announced.
      expect(settings[`${REQ}/create-observations-via-mqtt/observations-creation`]).toEqual({
        endpoints: ['ws://plaza.test/mqtt'],
      });
    });
  });
});
