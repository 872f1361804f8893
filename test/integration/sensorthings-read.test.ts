/** The SensorThings API read side as QGIS, FROST clients and scripts use it, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../fixtures/tables.js';
import { describeDb } from '../support/index.js';
import { HOUR, sensorNetwork, START, TEMPERATURES, type SensorNetwork } from '../support/sensor-fixtures.js';

type Entity = Record<string, unknown> & { '@iot.id': number; '@iot.selfLink': string };
interface Collection {
  '@iot.count'?: number;
  '@iot.nextLink'?: string;
  value: Entity[];
}

const BASE = 'http://plaza.test/sta/v1.1';
const iso = (ms: number) => new Date(ms).toISOString();
/** A square around Station A and Station B (not the laboratory). */
const HARBOR_AREA = "geography'POLYGON((-118.1 33.5, -117.8 33.5, -117.8 33.8, -118.1 33.8, -118.1 33.5))'";

describeDb('SensorThings API 1.1 (read)', () => {
  let n: SensorNetwork;
  beforeAll(async () => {
    n = await sensorNetwork();
  });
  afterAll(() => n.t.close());

  const get = async <T = Collection>(path: string, admin = false) => {
    const url = `/sta/v1.1${path}`;
    const res = admin ? await n.t.injectAsAdmin(url) : await n.t.inject(url);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    return res.json<T>();
  };
  const names = (c: Collection) => c.value.map((e) => e.name);
  /** Follows @iot.nextLink from a first page to the end; returns every entity seen. */
  const walk = async (path: string) => {
    const seen: Entity[] = [];
    let next: string | undefined = `${BASE}${path}`;
    for (let pages = 0; next && pages < 100; pages++) {
      expect(next.startsWith(BASE)).toBe(true);
      const page: Collection = await get(next.slice(BASE.length));
      seen.push(...page.value);
      next = page['@iot.nextLink'];
    }
    return seen;
  };

  describe('landing page and entities', () => {
    it('lists every entity set and the conformance classes served', async () => {
      const body = await get<{
        value: { name: string; url: string }[];
        serverSettings: { conformance: string[] };
      }>('');
      expect(body.value.map((v) => v.name)).toEqual([
        'Things',
        'Locations',
        'HistoricalLocations',
        'Datastreams',
        'Sensors',
        'ObservedProperties',
        'Observations',
        'FeaturesOfInterest',
      ]);
      expect(body.value[0]).toEqual({ name: 'Things', url: `${BASE}/Things` });
      expect(body.serverSettings.conformance).toContain(
        'http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel',
      );
      expect(body.serverSettings.conformance).toContain(
        'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
      );
    });

    it('shows a Thing with absolute selfLink and navigation links', async () => {
      const thing = await get<Entity>(`/Things(${n.stationA.thing})`);
      expect(thing).toEqual({
        '@iot.id': n.stationA.thing,
        '@iot.selfLink': `${BASE}/Things(${n.stationA.thing})`,
        name: 'Station A',
        description: 'Roof of the library',
        properties: { owner: 'Parks', floors: 3 },
        'Locations@iot.navigationLink': `${BASE}/Things(${n.stationA.thing})/Locations`,
        'HistoricalLocations@iot.navigationLink': `${BASE}/Things(${n.stationA.thing})/HistoricalLocations`,
        'Datastreams@iot.navigationLink': `${BASE}/Things(${n.stationA.thing})/Datastreams`,
      });
    });

    it('shows a Datastream with its unit, type, area and time ranges', async () => {
      const ds = await get<Entity>(`/Datastreams(${n.stationB.temperature})`);
      expect(ds).toMatchObject({
        name: 'B Temperature',
        unitOfMeasurement: {
          name: 'degree Celsius',
          symbol: '°C',
          definition: 'http://unitsofmeasure.org/ucum.html#para-30',
        },
        observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
        observedArea: { type: 'Point', coordinates: [-117.9, 33.6] },
        phenomenonTime: `${iso(START)}/${iso(START + 5 * HOUR)}`,
        resultTime: `${iso(START + HOUR)}/${iso(START + 5 * HOUR)}`,
        'Thing@iot.navigationLink': `${BASE}/Datastreams(${n.stationB.temperature})/Thing`,
      });
    });

    it('shows Observations with instants, intervals, null resultTime and typed results', async () => {
      const b = await get(`/Datastreams(${n.stationB.temperature})/Observations?$top=1`);
      expect(b.value[0]).toMatchObject({
        phenomenonTime: `${iso(START)}/${iso(START + HOUR)}`,
        resultTime: iso(START + HOUR),
        result: 15,
      });
      const a = await get(`/Datastreams(${n.stationA.temperature})/Observations?$top=1`);
      expect(a.value[0]).toMatchObject({ phenomenonTime: iso(START), resultTime: null, result: 10 });
      expect((await get(`/Datastreams(${n.stationA.door})/Observations`)).value.map((o) => o.result)).toEqual(
        [true, false, true],
      );
      expect(
        (await get(`/Datastreams(${n.stationA.status})/Observations`)).value.map((o) => o.result),
      ).toEqual(['ok', 'open', 'ok', 'fault']);
    });
  });

  describe('resource paths', () => {
    it('navigates from entities to related ones, at any depth', async () => {
      const a = n.stationA;
      expect(names(await get(`/Things(${a.thing})/Datastreams`))).toEqual([
        'A Temperature',
        'A Door',
        'A Status',
      ]);
      expect((await get<Entity>(`/Datastreams(${a.temperature})/Sensor`)).name).toBe('TMP36');
      expect((await get<Entity>(`/Datastreams(${a.temperature})/ObservedProperty`)).name).toBe(
        'Air temperature',
      );
      expect(
        names(
          await get(
            `/Sensors(${(await get<Entity>(`/Datastreams(${a.temperature})/Sensor`))['@iot.id']})/Datastreams`,
          ),
        ),
      ).toEqual(['A Temperature', 'B Temperature']);
      expect(names(await get(`/Locations(${a.location})/Things`))).toEqual(['Station A']);
      expect(names(await get(`/Things(${a.thing})/Locations`))).toEqual(['Library roof']);
      const historical = await get(`/Things(${a.thing})/HistoricalLocations`);
      expect(historical.value).toHaveLength(1);
      expect(names(await get(`/HistoricalLocations(${historical.value[0]!['@iot.id']})/Locations`))).toEqual([
        'Library roof',
      ]);
      const first = (await get(`/Datastreams(${a.temperature})/Observations?$top=1`)).value[0]!;
      expect((await get<Entity>(`/Observations(${first['@iot.id']})/Datastream/Thing`)).name).toBe(
        'Station A',
      );
      expect((await get<Entity>(`/Observations(${first['@iot.id']})/FeatureOfInterest`)).feature).toEqual({
        type: 'Point',
        coordinates: [-117.99, 33.75],
      });
      expect((await get<Entity>(`/Things(${a.thing})/Datastreams(${a.door})`)).name).toBe('A Door');
    });

    it('reads a property and its raw value', async () => {
      expect(await get(`/Things(${n.stationA.thing})/name`)).toEqual({ name: 'Station A' });
      expect(await get(`/Datastreams(${n.stationA.temperature})/unitOfMeasurement`)).toEqual({
        unitOfMeasurement: {
          name: 'degree Celsius',
          symbol: '°C',
          definition: 'http://unitsofmeasure.org/ucum.html#para-30',
        },
      });
      const res = await n.t.inject(`/sta/v1.1/Things(${n.stationA.thing})/name/$value`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).toBe('Station A');
    });

    it('answers $value of a property without a value with 204', async () => {
      const res = await n.t.inject(
        `/sta/v1.1/Things(${n.stationA.thing})/Datastreams(${n.stationA.door})/observedArea/$value`,
      );
      expect(res.statusCode).toBe(200);
      const none = await n.t.inject(`/sta/v1.1/Datastreams(${n.stationA.door})/properties/$value`);
      expect(none.statusCode).toBe(204);
      expect(await get(`/Datastreams(${n.stationA.door})/properties`)).toEqual({ properties: null });
    });

    it('answers $ref with selfLinks', async () => {
      expect(await get(`/Things(${n.stationA.thing})/Datastreams/$ref?$top=1`)).toEqual({
        '@iot.nextLink': expect.stringContaining('$skiptoken='),
        value: [{ '@iot.selfLink': `${BASE}/Datastreams(${n.stationA.temperature})` }],
      });
      expect(await get(`/Datastreams(${n.stationA.temperature})/Thing/$ref`)).toEqual({
        '@iot.selfLink': `${BASE}/Things(${n.stationA.thing})`,
      });
    });
  });

  describe('query options', () => {
    it('walks @iot.nextLink over every entity exactly once, in any order', async () => {
      const path = `/Datastreams(${n.stationA.temperature})/Observations`;
      const ids = (await get(`${path}?$top=1000`)).value.map((o) => o['@iot.id']);
      expect(ids).toHaveLength(TEMPERATURES);
      for (const query of [
        '$top=4',
        '$top=4&$orderby=phenomenonTime desc',
        '$top=7&$orderby=result desc',
        '$top=3&$skip=2&$orderby=id',
      ]) {
        const seen = (await walk(`${path}?${query}`)).map((o) => o['@iot.id']);
        const expected = query.includes('$skip=2') ? ids.slice(2) : ids;
        expect(
          [...seen].sort((x, y) => x - y),
          query,
        ).toEqual([...expected].sort((x, y) => x - y));
        expect(new Set(seen).size).toBe(seen.length);
      }
      const desc = await walk(`${path}?$top=5&$orderby=phenomenonTime desc`);
      expect(desc[0]!.phenomenonTime).toBe(iso(START + (TEMPERATURES - 1) * HOUR));
      const all = await walk('/Observations?$top=6');
      expect(all).toHaveLength(TEMPERATURES + 3 + 4 + 5);
    });

    it('continues by keyset where the order allows it, by $skip elsewhere', async () => {
      const byName = await get('/Datastreams?$orderby=name&$top=1');
      expect(byName['@iot.nextLink']).toContain('$skiptoken=');
      expect((await walk('/Datastreams?$orderby=name desc&$top=1')).map((d) => d.name)).toEqual([
        'B Temperature',
        'A Temperature',
        'A Status',
        'A Door',
      ]);
      const byResult = await get(
        `/Datastreams(${n.stationA.temperature})/Observations?$orderby=result&$top=2`,
      );
      expect(byResult['@iot.nextLink']).toMatch(/\$skip=2$/);
      failure(
        await n.t.inject(
          `/sta/v1.1/Datastreams?$orderby=id desc&$skiptoken=${byName['@iot.nextLink']!.split('$skiptoken=')[1]}`,
        ),
        400,
        'sta.bad_query',
      );
    });

    it('counts with $count, from the running totals when nothing filters', async () => {
      const path = `/Datastreams(${n.stationA.temperature})/Observations`;
      expect((await get(`${path}?$count=true&$top=1`))['@iot.count']).toBe(TEMPERATURES);
      expect((await get(`${path}?$count=true&$top=1&$filter=result ge 20`))['@iot.count']).toBe(5);
      expect((await get('/Observations?$count=true&$top=0'))['@iot.count']).toBe(TEMPERATURES + 3 + 4 + 5);
      expect((await get('/Observations?$count=true&$top=0', true))['@iot.count']).toBe(
        TEMPERATURES + 3 + 4 + 5 + 3,
      );
      expect((await get('/Things?$count=true'))['@iot.count']).toBe(2);
    });

    it('orders, selects and skips', async () => {
      const things = await get('/Things?$orderby=name desc&$select=id,name');
      expect(things.value).toEqual([
        { '@iot.id': n.stationB.thing, name: 'Station B' },
        { '@iot.id': n.stationA.thing, name: 'Station A' },
      ]);
      const ds = await get('/Datastreams?$orderby=Thing/name desc,name&$select=name,Thing&$skip=1&$top=2');
      expect(ds.value).toEqual([
        { name: 'A Door', 'Thing@iot.navigationLink': `${BASE}/Datastreams(${n.stationA.door})/Thing` },
        { name: 'A Status', 'Thing@iot.navigationLink': `${BASE}/Datastreams(${n.stationA.status})/Thing` },
      ]);
    });

    it('expands nested navigation properties with their own options', async () => {
      const thing = await get<Entity>(
        `/Things(${n.stationA.thing})?$expand=Datastreams($select=name;$orderby=name;$expand=Observations($top=1;$orderby=phenomenonTime desc;$select=result))`,
      );
      expect(thing.Datastreams).toEqual([
        {
          name: 'A Door',
          'Observations@iot.nextLink': expect.stringContaining(
            `/Datastreams(${n.stationA.door})/Observations?`,
          ),
          Observations: [{ result: true }],
        },
        {
          name: 'A Status',
          'Observations@iot.nextLink': expect.any(String),
          Observations: [{ result: 'fault' }],
        },
        {
          name: 'A Temperature',
          'Observations@iot.nextLink': expect.any(String),
          Observations: [{ result: 22 }],
        },
      ]);
      expect(thing['Datastreams@iot.navigationLink']).toBeUndefined();
      const link = (thing.Datastreams as Record<string, string>[])[2]!['Observations@iot.nextLink']!;
      const more = await get(link.slice(BASE.length));
      expect(more.value[0]).toEqual({ result: 21.5 });

      const streams = await get(
        "/Datastreams?$filter=name eq 'B Temperature'&$expand=Thing($select=name),Sensor($select=name),ObservedProperty($select=name)",
      );
      expect(streams.value[0]).toMatchObject({
        Thing: { name: 'Station B' },
        Sensor: { name: 'TMP36' },
        ObservedProperty: { name: 'Water temperature' },
      });

      const slash = await get<Entity>(
        `/Things(${n.stationB.thing})?$expand=Datastreams/Observations($count=true;$top=2),Locations`,
      );
      const [stream] = slash.Datastreams as Record<string, unknown>[];
      expect(stream!['Observations@iot.count']).toBe(5);
      expect(stream!.Observations).toHaveLength(2);
      expect((slash.Locations as Entity[])[0]!.name).toBe('Pier');
    });

    it('filters with comparisons, logic, arithmetic and functions', async () => {
      const obs = `/Datastreams(${n.stationA.temperature})/Observations`;
      const results = async (query: string) =>
        (await get(`${obs}?$top=100&${query}`)).value.map((o) => o.result);
      expect(await results('$filter=result gt 21')).toEqual([21.5, 22]);
      expect(await results('$filter=result add 1 le 11.5 or result eq 22')).toEqual([10, 10.5, 22]);
      expect(await results('$filter=not (result lt 21.5)')).toEqual([21.5, 22]);
      expect(await results('$filter=result mod 5 eq 0 and result ne 10')).toEqual([15, 20]);
      expect(
        await results(
          `$filter=phenomenonTime ge ${iso(START + 2 * HOUR)} and phenomenonTime lt ${iso(START + 4 * HOUR)}`,
        ),
      ).toEqual([11, 11.5]);
      expect(
        await results(
          '$filter=hour(phenomenonTime) eq 3 and year(phenomenonTime) eq 2024 and day(phenomenonTime) eq 1',
        ),
      ).toEqual([11.5]);
      expect(await results('$filter=date(phenomenonTime) eq 2024-05-02')).toEqual([22]);
      expect(await results('$filter=round(result) eq 11 and floor(result) eq 10')).toEqual([10.5]);
      expect(
        (await get(`/Datastreams(${n.stationA.door})/Observations?$filter=result eq true`)).value,
      ).toHaveLength(2);
      expect(
        (await get(`/Datastreams(${n.stationA.status})/Observations?$filter=result eq 'ok'`)).value,
      ).toHaveLength(2);
      expect(
        names(
          await get("/Datastreams?$filter=substringof('Temp', name) and not endswith(name, 'B Temperature')"),
        ),
      ).toEqual(['A Temperature']);
      expect(
        names(await get("/Datastreams?$filter=startswith(tolower(name), 'a ') and length(name) eq 6")),
      ).toEqual(['A Door']);
      expect(
        names(await get("/Things?$filter=properties/owner eq 'Parks' and properties/floors gt 2")),
      ).toEqual(['Station A']);
      expect(names(await get("/Datastreams?$filter=unitOfMeasurement/symbol eq '°C'"))).toEqual([
        'A Temperature',
        'B Temperature',
      ]);
    });

    it('compares intervals by their start (after) and their end (before)', async () => {
      const b = `/Datastreams(${n.stationB.temperature})/Observations?$top=100`;
      const mid = iso(START + 2 * HOUR + HOUR / 2);
      expect((await get(`${b}&$filter=phenomenonTime gt ${mid}`)).value.map((o) => o.result)).toEqual([
        18, 19,
      ]);
      expect((await get(`${b}&$filter=phenomenonTime lt ${mid}`)).value.map((o) => o.result)).toEqual([
        15, 16,
      ]);
      expect(
        (await get(`${b}&$filter=resultTime eq ${iso(START + 3 * HOUR)}`)).value.map((o) => o.result),
      ).toEqual([17]);
      expect(names(await get(`/Datastreams?$filter=phenomenonTime lt ${iso(START + 6 * HOUR)}`))).toEqual([
        'A Door',
        'A Status',
        'B Temperature',
      ]);
    });

    it('filters through navigation paths', async () => {
      const a = await get(
        "/Observations?$filter=Datastream/Thing/name eq 'Station A' and result ge 21.5&$count=true",
      );
      expect(a.value.map((o) => o.result)).toEqual([21.5, 22]);
      expect(a['@iot.count']).toBe(2);
      const byId = await get(`/Observations?$filter=Datastream/id eq ${n.stationB.temperature}&$top=100`);
      expect(byId.value).toHaveLength(5);
      expect(
        names(await get("/Things?$filter=Datastreams/ObservedProperty/name eq 'Water temperature'")),
      ).toEqual(['Station B']);
      expect(
        names(
          await get(`/Datastreams?$filter=Observations/result gt 18 and Thing/id eq ${n.stationB.thing}`),
        ),
      ).toEqual(['B Temperature']);
    });

    it('filters by geometry: intersects, within and distance', async () => {
      expect(names(await get(`/Locations?$filter=geo.intersects(location, ${HARBOR_AREA})`))).toEqual([
        'Library roof',
        'Pier',
      ]);
      expect(names(await get(`/Things?$filter=st_within(Locations/location, ${HARBOR_AREA})`))).toEqual([
        'Station A',
        'Station B',
      ]);
      expect(
        names(
          await get("/Locations?$filter=geo.distance(location, geography'POINT(-117.99 33.7501)') lt 100"),
        ),
      ).toEqual(['Library roof']);
      expect(
        names(await get(`/FeaturesOfInterest?$filter=st_disjoint(feature, ${HARBOR_AREA})`, true)),
      ).toEqual(['Lab']);
      const near = await get(
        `/Observations?$filter=geo.intersects(FeatureOfInterest/feature, geography'POINT(-117.9 33.6)')&$count=true&$top=0`,
      );
      expect(near['@iot.count']).toBe(5);
    });

    it('answers $resultFormat=dataArray per Datastream', async () => {
      const body = await get<{ value: Record<string, unknown>[]; '@iot.nextLink'?: string }>(
        `/Datastreams(${n.stationA.temperature})/Observations?$resultFormat=dataArray&$select=id,phenomenonTime,result&$top=2`,
      );
      expect(body.value).toEqual([
        {
          'Datastream@iot.navigationLink': `${BASE}/Datastreams(${n.stationA.temperature})`,
          components: ['id', 'phenomenonTime', 'result'],
          'dataArray@iot.count': 2,
          dataArray: [
            [expect.any(Number), iso(START), 10],
            [expect.any(Number), iso(START + HOUR), 10.5],
          ],
        },
      ]);
      expect(body['@iot.nextLink']).toContain('$resultFormat=dataArray');
      const grouped = await get<{ value: { dataArray: unknown[][] }[] }>(
        `/Observations?$resultFormat=dataArray&$filter=Datastream/Thing/id eq ${n.stationA.thing}&$top=1000`,
      );
      expect(grouped.value.map((g) => g.dataArray.length)).toEqual([TEMPERATURES, 3, 4]);
    });
  });

  describe('restricted datasets', () => {
    it('hide their Things and everything under them from the public', async () => {
      const h = n.hidden;
      expect(names(await get('/Things'))).toEqual(['Station A', 'Station B']);
      failure(await n.t.inject(`/sta/v1.1/Things(${h.thing})`), 404, 'sta.not_found');
      failure(await n.t.inject(`/sta/v1.1/Datastreams(${h.temperature})/Observations`), 404, 'sta.not_found');
      failure(await n.t.inject(`/sta/v1.1/Locations(${h.location})`), 404, 'sta.not_found');
      expect((await get(`/Observations?$filter=Datastream/id eq ${h.temperature}`)).value).toEqual([]);
      expect(names(await get('/Sensors'))).not.toContain('Lab probe');
      expect(names(await get('/ObservedProperties'))).not.toContain('Lab temperature');
      expect(names(await get('/FeaturesOfInterest'))).not.toContain('Lab');
      expect(names(await get('/Locations'))).not.toContain('Lab');
      expect(names(await get("/Sensors?$filter=Datastreams/name eq 'H Temperature'"))).toEqual([]);
    });

    it('show them to the admin', async () => {
      expect(names(await get('/Things', true))).toEqual(['Station A', 'Station B', 'Hidden Station']);
      expect((await get(`/Datastreams(${n.hidden.temperature})/Observations`, true)).value).toHaveLength(3);
    });

    it('hide a Thing that belongs to no dataset from the public, as the native API does', async () => {
      const orphan = await n.t.app.services.sensors.model.createThing({
        name: 'Unlisted Prototype',
        locations: [{ name: 'Bench', location: { type: 'Point', coordinates: [-117.99, 33.75] } }],
      });
      expect(names(await get('/Things'))).not.toContain('Unlisted Prototype');
      failure(await n.t.inject(`/sta/v1.1/Things(${orphan.id})`), 404, 'sta.not_found');
      expect(names(await get('/Locations'))).not.toContain('Bench');
      expect(names(await get('/Things', true))).toContain('Unlisted Prototype');
    });
  });

  describe('hostile values', () => {
    it('are answered, or refused with sta.bad_query, never with a 500', async () => {
      for (const filter of [
        'result mul 1e308 mul 10 gt 1',
        "substring(Datastream/name, 99999999999) eq ''",
        'id eq 99999999999999999999',
        "Datastream/name eq '\u0000'",
        "Datastream/name eq ''';DROP TABLE sensor_things;--'",
        'year(maxdatetime()) eq 9999 and phenomenonTime gt mindatetime()',
        'result div 0 eq 1 or result mod 0 eq 1',
      ]) {
        const res = await n.t.inject(`/sta/v1.1/Observations?$filter=${encodeURIComponent(filter)}`);
        if (res.statusCode !== 200) failure(res, 400, 'sta.bad_query');
      }
      expect(names(await get('/Things'))).toEqual(['Station A', 'Station B']);
    });
  });

  describe('mistakes', () => {
    it('answer 400 or 404 with a stable code and what to fix', async () => {
      const cases: [string, number, string][] = [
        ['/Things?$filter=nme eq 1', 400, 'sta.bad_query'],
        ["/Things?$filter=name eq 'x", 400, 'sta.bad_query'],
        ['/Things?$top=abc', 400, 'sta.bad_query'],
        ['/Things?$top=1&$top=2', 400, 'sta.bad_query'],
        ['/Things?$frobnicate=1', 400, 'sta.bad_query'],
        ['/Things?$expand=Observations', 400, 'sta.bad_query'],
        ['/Things?$select=colour', 400, 'sta.bad_query'],
        ['/Things?$skiptoken=garbage', 400, 'sta.bad_query'],
        ['/Things?$resultFormat=dataArray', 400, 'sta.bad_query'],
        ["/Locations?$filter=st_touches(location, geography'POINT(1 2)')", 400, 'sta.unsupported'],
        ['/Things(abc)', 400, 'sta.bad_path'],
        ['/Things/Datastreams', 400, 'sta.bad_path'],
        ['/Things(1)/name/$value/x', 400, 'sta.bad_path'],
        ['/Thingz', 404, 'sta.not_found'],
        ['/Things(1)/Colour', 404, 'sta.not_found'],
        ['/Things(999999)', 404, 'sta.not_found'],
        [`/Things(${n.stationB.thing})/Datastreams(${n.stationA.temperature})`, 404, 'sta.not_found'],
      ];
      for (const [path, status, code] of cases) {
        const error = failure(await n.t.inject(`/sta/v1.1${path}`), status, code);
        expect(error.message, path).not.toMatch(/Something went wrong/);
      }
    });
  });
});
