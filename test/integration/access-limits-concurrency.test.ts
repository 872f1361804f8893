/**
 * Caps on downloads and live connections held open at once, over a real listening server: a download held
 * open by a client that stops reading keeps its slot until it ends or the client goes away; a live stream
 * keeps its slot until it closes.
 */
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymous } from '../../src/access/principal.js';
import { createDeveloper, createKey, keyHeaders } from '../fixtures/accounts.js';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { createDataset, failure, importCsv, report } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

/** Rows enough that a client that stops reading holds the download open (more than the sockets buffer). */
const BIG_ROWS = 40_000;

function bigCsv(): string {
  const filler = 'x'.repeat(400);
  const lines = ['name,amount,notes'];
  for (let i = 0; i < BIG_ROWS; i++) lines.push(`row ${i},${i},${filler}`);
  return `${lines.join('\n')}\n`;
}

interface Held {
  res: IncomingMessage;
  /** Reads the rest of the body; resolves with its length. */
  drain(): Promise<number>;
  /** Goes away without reading the rest. */
  abort(): void;
}

/** Starts a GET and stops reading once the headers are in (a slow consumer). */
function hold(url: string, headers: Record<string, string> = {}): Promise<Held> {
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(url, { headers, agent: false }, (res) => {
      resolve({
        res,
        drain: () =>
          new Promise((done, fail) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            res.once('end', () => done(bytes));
            res.once('error', fail);
          }),
        abort: () => req.destroy(),
      });
    });
    req.once('error', reject);
    req.end();
  });
}

/** Retries until the check passes: the server learns of a closed connection a moment after the client. */
async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeDb('access: downloads and live connections at once', () => {
  let t: TestApp;
  let base: string;
  let big: string;
  let small: string;
  let datastream: number;
  let sensors: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        PLAZA_LIMIT_DOWNLOADS: 'anonymous=1,standard=2,elevated=8,partner=16',
        PLAZA_LIMIT_LIVE: 'anonymous=1,standard=2,elevated=50,partner=200',
      },
    });
    const dept = await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    expect(dept.statusCode).toBe(204);
    big = (await createDataset(t)).id;
    report(await importCsv(t, big, bigCsv()));
    small = (await createDataset(t)).id;
    report(await importCsv(t, small, 'name,amount\na,1\nb,2\n'));
    sensors = await createSensorDataset(t, 'air-concurrency');
    datastream = (await createStation(t, sensors, 'Held')).datastreamIds[0]!;
    await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.http.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  /** A download from the same address as the real connections (127.0.0.1). */
  const sameAddress = (url: string, headers: Record<string, string> = {}) =>
    t.inject({ url, headers, remoteAddress: '127.0.0.1' });

  it('holds a slot while a download is open, and hands it back when the client goes away', async () => {
    const held = await hold(`${base}/api/v1/datasets/${big}/rows.json`);
    expect(held.res.statusCode).toBe(200);
    expect(held.res.headers['ratelimit-policy']).toContain(
      '"anonymous-downloads";q=1;qu="concurrent-requests"',
    );
    expect(held.res.headers.ratelimit).toMatch(/, "anonymous-downloads";r=0$/);

    const refused = await sameAddress(`/api/v1/datasets/${small}/rows.csv`);
    const error = failure(refused, 429, 'rate_limit.concurrent_downloads');
    expect(error.message).toContain('allows 1 running at the same time');
    expect(error.message).toContain('API key');
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.headers.ratelimit).toMatch(/, "anonymous-downloads";r=0$/);
    // Every kind of download takes the same slots; other requests do not.
    failure(await sameAddress(`/api/v1/datasets/${small}/query.csv`), 429, 'rate_limit.concurrent_downloads');
    failure(
      await sameAddress(`/api/v1/datastreams/${datastream}/observations.csv`),
      429,
      'rate_limit.concurrent_downloads',
    );
    failure(
      await sameAddress(`/api/v1/datastreams/${datastream}/observations?format=csv`),
      429,
      'rate_limit.concurrent_downloads',
    );
    failure(
      await sameAddress(`/api/v1/datasets/${sensors}/observations.csv`),
      429,
      'rate_limit.concurrent_downloads',
    );
    expect((await sameAddress(`/api/v1/datastreams/${datastream}/observations`)).statusCode).toBe(200);
    expect((await sameAddress(`/api/v1/datasets/${small}/query`)).statusCode).toBe(200);
    expect((await sameAddress(`/api/v1/datasets/${small}`)).statusCode).toBe(200);
    // Another address has slots of its own.
    const other = await t.inject({ url: `/api/v1/datasets/${small}/rows.csv`, remoteAddress: '192.0.2.77' });
    expect(other.statusCode).toBe(200);

    held.abort();
    await eventually(
      async () => (await sameAddress(`/api/v1/datasets/${small}/rows.csv`)).statusCode === 200,
    );
  });

  it('hands the slot back when a download ends', async () => {
    const held = await hold(`${base}/api/v1/datasets/${big}/rows.csv`);
    failure(await sameAddress(`/api/v1/datasets/${small}/rows.csv`), 429, 'rate_limit.concurrent_downloads');
    expect(await held.drain()).toBeGreaterThan(BIG_ROWS * 400);
    await eventually(
      async () => (await sameAddress(`/api/v1/datasets/${small}/rows.csv`)).statusCode === 200,
    );
    // One after the other, downloads never meet the cap.
    for (let i = 0; i < 5; i++) {
      expect((await sameAddress(`/api/v1/datasets/${small}/rows.json`)).statusCode).toBe(200);
    }
  });

  it('gives a key the slots of its tier, apart from the address it comes from', async () => {
    const developer = await createDeveloper(t);
    const key = await createKey(t, developer);
    const headers = keyHeaders(key.secret);
    const first = await hold(`${base}/api/v1/datasets/${big}/rows.json`, headers);
    const second = await hold(`${base}/api/v1/datasets/${big}/rows.csv`, headers);
    expect([first.res.statusCode, second.res.statusCode]).toEqual([200, 200]);
    expect(first.res.headers.ratelimit).toMatch(/, "standard-downloads";r=1$/);
    const refused = await sameAddress(`/api/v1/datasets/${small}/rows.csv`, headers);
    expect(failure(refused, 429, 'rate_limit.concurrent_downloads').message).toContain('elevated tier');
    // The address's anonymous slot is free all along.
    expect((await sameAddress(`/api/v1/datasets/${small}/rows.csv`)).statusCode).toBe(200);
    // A refused download is a refused use of the key.
    const usage = await t.app.services.access.keys.usage(developer.id, key.id, '2000-01-01');
    expect(usage[0]).toMatchObject({ requests: 3, limited: 1 });
    first.abort();
    second.abort();
    await eventually(
      async () => (await sameAddress(`/api/v1/datasets/${small}/rows.csv`, headers)).statusCode === 200,
    );
  });

  it('caps live streams per subject until they close', async () => {
    const url = `${base}/api/v1/live?dataset=${sensors}`;
    const first = new AbortController();
    const open = await fetch(url, { signal: first.signal });
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toContain('text/event-stream');
    expect(open.headers.get('ratelimit-policy')).toContain('"anonymous-live";q=1;qu="concurrent-requests"');
    expect(open.headers.get('x-ratelimit-remaining')).not.toBeNull();

    const refused = await fetch(url);
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limit.live_connections');
    expect(body.error.message).toContain('repeat the dataset parameter');
    // MQTT subscribers take the same slots through the module's acquire().
    expect(await t.app.http.rateLimits.acquire('live', anonymous('127.0.0.1'))).toBeUndefined();
    const elsewhere = await t.app.http.rateLimits.acquire('live', anonymous('192.0.2.8'));
    expect(elsewhere).toBeDefined();
    elsewhere!.release();

    // A key's streams are counted apart.
    const developer = await createDeveloper(t);
    const key = await createKey(t, developer);
    const keyed = new AbortController();
    const withKey = await fetch(url, { headers: keyHeaders(key.secret), signal: keyed.signal });
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get('ratelimit')).toMatch(/, "standard-live";r=1$/);

    first.abort();
    keyed.abort();
    await eventually(async () => {
      const again = await fetch(url);
      await again.body?.cancel();
      return again.status === 200;
    });
  });
});
