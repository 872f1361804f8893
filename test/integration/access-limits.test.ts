/**
 * Request budgets through the real app: headers on every API surface and none on pages, 429 with Retry-After
 * past the budget, who counts against what (address, key, account), tiers, usage of keys, and what is never
 * limited (the admin token, devices posting observations).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDeveloper, createKey, keyHeaders, sessionOf } from '../fixtures/accounts.js';
import { createSensorDataset, createStation, deviceToken } from '../fixtures/sensors.js';
import { createDataset, failure, importCsv, report } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const LIMITS = {
  PLAZA_LIMIT_WINDOW_SECONDS: '60',
  PLAZA_LIMIT_REQUESTS: 'anonymous=3,standard=4,elevated=6,partner=50',
};

/** A fresh app with small budgets and the department that datasets of the fixtures belong to. */
async function limitedApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await createTestApp({ env: { ...LIMITS, ...env } });
  const res = await t.injectAsAdmin({
    method: 'PUT',
    url: '/api/v1/departments/public-works',
    payload: { id: 'public-works', name: 'Public Works' },
  });
  expect(res.statusCode, res.body).toBe(204);
  return t;
}

const headersOf = (res: LightMyRequestResponse) => ({
  policy: res.headers['ratelimit-policy'],
  limit: res.headers.ratelimit,
  xLimit: res.headers['x-ratelimit-limit'],
  xRemaining: res.headers['x-ratelimit-remaining'],
  xReset: res.headers['x-ratelimit-reset'],
});

let address = 0;
/** A client address no other test uses, so that each test starts with a full anonymous budget. */
const newAddress = () => `198.51.100.${++address}`;

describeDb('access: request budgets', () => {
  let t: TestApp;
  let dataset: string;

  beforeAll(async () => {
    t = await limitedApp();
    dataset = (await createDataset(t)).id;
    report(await importCsv(t, dataset, 'name,amount\nfirst,1\nsecond,2\n'));
  });
  afterAll(() => t.close());

  it('announces the budget on every API surface, counting down', async () => {
    const from = newAddress();
    const first = await t.inject({ url: '/api/v1/datasets', remoteAddress: from });
    expect(first.statusCode).toBe(200);
    const h = headersOf(first);
    expect(h.policy).toBe('"anonymous";q=3;w=60');
    expect(h.limit).toMatch(/^"anonymous";r=2;t=(59|60)$/);
    expect(h.xLimit).toBe('3');
    expect(h.xRemaining).toBe('2');
    expect(Number(h.xReset)).toBeGreaterThanOrEqual(59);
    expect(Number(h.xReset)).toBeLessThanOrEqual(60);

    const soda = await t.inject({ url: `/resource/${dataset}.json`, remoteAddress: from });
    expect(soda.statusCode, soda.body).toBe(200);
    expect(headersOf(soda).xRemaining).toBe('1');
    const sta = await t.inject({ url: '/sta/v1.1/Things', remoteAddress: from });
    expect(sta.statusCode, sta.body).toBe(200);
    expect(headersOf(sta).xRemaining).toBe('0');
    expect(headersOf(sta).limit).toMatch(/^"anonymous";r=0;t=\d+$/);
  });

  it('counts downloads, queries and answers that are errors too', async () => {
    const from = newAddress();
    const csv = await t.inject({ url: `/api/v1/datasets/${dataset}/rows.csv`, remoteAddress: from });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['ratelimit-policy']).toBe(
      '"anonymous";q=3;w=60, "anonymous-downloads";q=1000;qu="concurrent-requests"',
    );
    expect(csv.headers.ratelimit).toMatch(/^"anonymous";r=2;t=\d+, "anonymous-downloads";r=999$/);
    const missing = await t.inject({ url: '/api/v1/datasets/no-such-dataset', remoteAddress: from });
    expect(missing.statusCode).toBe(404);
    expect(headersOf(missing).xRemaining).toBe('1');
    const unknown = await t.inject({ url: '/api/v1/no-such-route', remoteAddress: from });
    expect(unknown.statusCode).toBe(404);
    expect(headersOf(unknown).xRemaining).toBe('0');
  });

  it('leaves pages, assets, documentation and health checks alone', async () => {
    const from = newAddress();
    for (const url of [
      '/',
      '/?q=records',
      `/datasets/${dataset}`,
      '/assets/plaza.css',
      '/docs/query-language',
      '/healthz',
      '/readyz',
      '/api/openapi.json',
      '/api/docs',
    ]) {
      const res = await t.inject({ url, remoteAddress: from });
      expect(res.statusCode, url).toBeLessThan(400);
      expect(headersOf(res), url).toEqual({
        policy: undefined,
        limit: undefined,
        xLimit: undefined,
        xRemaining: undefined,
        xReset: undefined,
      });
    }
    // None of them was counted: the whole budget is still there.
    const api = await t.inject({ url: '/api/v1/datasets', remoteAddress: from });
    expect(headersOf(api).xRemaining).toBe('2');
  });

  it('refuses past the budget with 429, Retry-After and how to get more', async () => {
    const from = newAddress();
    for (let i = 0; i < 3; i++) {
      expect((await t.inject({ url: '/api/v1/datasets', remoteAddress: from })).statusCode).toBe(200);
    }
    const refused = await t.inject({ url: '/api/v1/datasets', remoteAddress: from });
    const error = failure(refused, 429, 'rate_limit.exceeded');
    expect(error.message).toContain('allows 3 requests per minute');
    expect(error.message).toContain('http://plaza.test/account');
    expect(error.message).toContain('API key');
    expect(error.details).toMatchObject({ tier: 'anonymous', limit: 3, windowSeconds: 60 });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(retryAfter).toBe(Number(refused.headers['x-ratelimit-reset']));
    expect(headersOf(refused)).toMatchObject({ policy: '"anonymous";q=3;w=60', xRemaining: '0' });
    // Every surface shares the budget, and pages still work.
    // SODA clients get Socrata's error shape, with Plaza's code inside.
    const soda = await t.inject({ url: `/resource/${dataset}.json`, remoteAddress: from });
    expect(soda.statusCode).toBe(429);
    expect(soda.json()).toMatchObject({ error: true, data: { plaza_code: 'rate_limit.exceeded' } });
    expect(soda.headers['retry-after']).toBeDefined();
    expect((await t.inject({ url: '/', remoteAddress: from })).statusCode).toBe(200);
  });

  it('counts anonymous clients by address, and an IPv6 client by its /64 network', async () => {
    const a = newAddress();
    const b = newAddress();
    for (let i = 0; i < 3; i++) await t.inject({ url: '/api/v1/datasets', remoteAddress: a });
    expect((await t.inject({ url: '/api/v1/datasets', remoteAddress: a })).statusCode).toBe(429);
    const other = await t.inject({ url: '/api/v1/datasets', remoteAddress: b });
    expect(other.statusCode).toBe(200);
    expect(headersOf(other).xRemaining).toBe('2');

    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const res = await t.inject({ url: '/api/v1/datasets', remoteAddress: `2001:db8:7:9::${i}` });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await t.inject({ url: '/api/v1/datasets', remoteAddress: '2001:db8:7:a::1' })).statusCode).toBe(
      200,
    );
  });

  it('counts a key against the key, each key of an account on its own', async () => {
    const developer = await createDeveloper(t);
    const first = await createKey(t, developer, 'first');
    const second = await createKey(t, developer, 'second');
    const from = newAddress();
    const withKey = (secret: string) =>
      t.inject({ url: '/api/v1/datasets', remoteAddress: from, headers: keyHeaders(secret) });

    const one = await withKey(first.secret);
    expect(headersOf(one)).toMatchObject({ policy: '"standard";q=4;w=60', xLimit: '4', xRemaining: '3' });
    for (let i = 0; i < 3; i++) expect((await withKey(first.secret)).statusCode).toBe(200);
    const refused = await withKey(first.secret);
    const error = failure(refused, 429, 'rate_limit.exceeded');
    expect(error.message).toContain('standard tier allows 4 requests per minute');
    expect(error.message).toContain('ask for the elevated tier at http://plaza.test/account');

    // The second key of the same account has a budget of its own; the address's anonymous budget is untouched.
    expect(headersOf(await withKey(second.secret)).xRemaining).toBe('3');
    expect(headersOf(await t.inject({ url: '/api/v1/datasets', remoteAddress: from })).xRemaining).toBe('2');
    // The same key from another address is the same budget.
    const elsewhere = await t.inject({
      url: '/api/v1/datasets',
      remoteAddress: newAddress(),
      headers: { authorization: `Bearer ${first.secret}` },
    });
    expect(elsewhere.statusCode).toBe(429);
  });

  it('counts a signed-in browser against its account', async () => {
    const developer = await createDeveloper(t);
    const browser = await sessionOf(t, developer);
    const res = await browser.inject('/api/v1/datasets');
    expect(headersOf(res)).toMatchObject({ policy: '"standard";q=4;w=60', xRemaining: '3' });
    for (let i = 0; i < 3; i++) await browser.inject('/api/v1/datasets');
    failure(await browser.inject('/api/v1/datasets'), 429, 'rate_limit.exceeded');
  });

  it('gives the elevated tier more', async () => {
    const developer = await createDeveloper(t, { tier: 'elevated' });
    const key = await createKey(t, developer);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) });
      statuses.push(res.statusCode);
      if (i === 0) expect(headersOf(res)).toMatchObject({ policy: '"elevated";q=6;w=60', xRemaining: '5' });
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });

  it('counts every request made with a key in its usage, refused ones apart', async () => {
    const developer = await createDeveloper(t);
    const key = await createKey(t, developer);
    for (let i = 0; i < 6; i++) await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) });
    // A page seen with the key is a use of the key too, though not limited.
    await t.inject({ url: '/', headers: keyHeaders(key.secret) });
    const usage = await t.app.services.access.keys.usage(developer.id, key.id, '2000-01-01');
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ requests: 7, limited: 2 });
  });

  it('never limits the admin token', async () => {
    for (let i = 0; i < 60; i++) {
      const res = await t.injectAsAdmin({ url: '/api/v1/datasets', remoteAddress: newAddress() });
      expect(res.statusCode).toBe(200);
      expect(res.headers.ratelimit).toBeUndefined();
    }
  });

  it('leaves devices posting observations to their own budget', async () => {
    const sensors = await createSensorDataset(t, 'air-limits');
    const station = await createStation(t, sensors, 'Limits');
    const token = await deviceToken(t, station.id);
    const datastream = station.datastreamIds[0]!;
    const from = newAddress();
    const base = Date.parse('2026-01-05T00:00:00Z');
    for (let i = 0; i < 5; i++) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/observations',
        remoteAddress: from,
        headers: { authorization: `Bearer ${token}` },
        payload: [
          {
            Datastream: { '@iot.id': datastream },
            components: ['phenomenonTime', 'result'],
            dataArray: [[new Date(base + i * 60_000).toISOString(), i]],
          },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.ratelimit).toBeUndefined();
    }
    const sta = await t.inject({
      method: 'POST',
      url: `/sta/v1.1/Datastreams(${datastream})/Observations`,
      remoteAddress: from,
      headers: { authorization: `Bearer ${token}` },
      payload: { phenomenonTime: new Date(base + 3_600_000).toISOString(), result: 7 },
    });
    expect(sta.statusCode, sta.body).toBe(201);
    expect(sta.headers.ratelimit).toBeUndefined();
    // Reading with the same token is not ingest: that is counted against the address as anonymous.
    const read = await t.inject({
      url: '/api/v1/datasets',
      remoteAddress: from,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(headersOf(read).xRemaining).toBe('2');
  });
});

describeDb('access: request budgets switched off (PLAZA_RATE_LIMITS=off)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ...LIMITS, PLAZA_RATE_LIMITS: 'off' } });
  });
  afterAll(() => t.close());

  it('sends no headers and refuses nothing, and still counts the use of keys', async () => {
    const developer = await createDeveloper(t);
    const key = await createKey(t, developer);
    for (let i = 0; i < 8; i++) {
      const anonymous = await t.inject({ url: '/api/v1/datasets', remoteAddress: '203.0.113.5' });
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.headers.ratelimit).toBeUndefined();
      const keyed = await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) });
      expect(keyed.statusCode).toBe(200);
    }
    const usage = await t.app.services.access.keys.usage(developer.id, key.id, '2000-01-01');
    expect(usage[0]).toMatchObject({ requests: 8, limited: 0 });
  });
});

describeDb('access: a tier without requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ...LIMITS, PLAZA_LIMIT_REQUESTS: 'anonymous=0' } });
  });
  afterAll(() => t.close());

  it('refuses every anonymous API request and says how to get a key', async () => {
    const res = await t.inject({ url: '/api/v1/datasets', headers: {} });
    const error = failure(res, 429, 'rate_limit.exceeded');
    expect(error.message).toContain('Create a free API key at http://plaza.test/account');
    expect(res.headers['ratelimit-policy']).toBe('"anonymous";q=0;w=60');
    expect((await t.injectAsAdmin('/api/v1/datasets')).statusCode).toBe(200);
  });
});
