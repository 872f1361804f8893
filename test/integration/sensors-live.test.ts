/**
 * The live feed over Server-Sent Events, read with fetch from a real listening server (inject would wait for a
 * response that never ends): live events, filters, lossless resume with Last-Event-ID, resets, access rules.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { failure, setUpApp } from '../fixtures/tables.js';
import { adminHeaders, describeDb, type TestApp } from '../support/index.js';
import { listenLive, type LiveUrls } from '../support/live.js';

interface SseEvent {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

/** An open event stream, read block by block. */
async function openFeed(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let raw = '';
  const next = async (timeout = 5_000): Promise<SseEvent> => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          const match = /^([a-z]+): ?(.*)$/.exec(line);
          if (match) fields.set(match[1]!, match[2]!);
        }
        if (!fields.has('data')) continue; // a comment or the retry hint
        return {
          id: fields.get('id'),
          event: fields.get('event') ?? 'message',
          data: JSON.parse(fields.get('data')!) as Record<string, unknown>,
        };
      }
      const timer = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no event within ${timeout} ms`)),
          Math.max(1, deadline - Date.now()),
        ),
      );
      const chunk = await Promise.race([reader.read(), timer]);
      if (chunk.done) throw new Error('the stream ended');
      buffer += chunk.value;
      raw += chunk.value;
    }
  };
  return { res, next, raw: () => raw, close: () => controller.abort() };
}

describeDb('sensors: live feed (SSE)', () => {
  let t: TestApp;
  let urls: LiveUrls;
  let north: Awaited<ReturnType<typeof createStation>>;
  let south: Awaited<ReturnType<typeof createStation>>;
  let elsewhere: Awaited<ReturnType<typeof createStation>>;
  let hidden: Awaited<ReturnType<typeof createStation>>;
  let minute = 0;
  const feeds: { close(): void }[] = [];

  const feed = async (query: string, headers: Record<string, string> = {}) => {
    const f = await openFeed(`${urls.baseUrl}/api/v1/live?${query}`, headers);
    feeds.push(f);
    return f;
  };
  /** Writes one observation per datastream given, as the admin; returns their results. */
  const write = (...datastreams: number[]) =>
    t.app.services.sensors.ingest.ingest(
      datastreams.map((datastreamId) => ({
        datastreamId,
        phenomenonTime: new Date(Date.UTC(2026, 0, 6, 8, minute++)).toISOString(),
        result: minute,
      })),
      { kind: 'admin' },
    );

  beforeAll(async () => {
    t = await setUpApp();
    const air = await createSensorDataset(t, 'air-live');
    const noise = await createSensorDataset(t, 'noise-live');
    const internal = await createSensorDataset(t, 'air-live-internal', 'non-public');
    await createSensorDataset(t, 'air-live-restricted', 'restricted');
    north = await createStation(t, air, 'North', ['PM2.5', 'PM10']);
    south = await createStation(t, air, 'South');
    elsewhere = await createStation(t, noise, 'Harbor');
    hidden = await createStation(t, internal, 'Yard');
    urls = await listenLive(t);
  });
  afterAll(async () => {
    for (const f of feeds) f.close();
    await t.close();
  });

  it('streams committed observations of a dataset, starting with ready', async () => {
    const f = await feed('dataset=air-live');
    expect(f.res.status).toBe(200);
    expect(f.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const ready = await f.next();
    expect(ready.event).toBe('ready');
    expect(f.raw()).toMatch(/^retry: \d+\n\n/);
    const [pm25] = north.datastreamIds as [number];
    const [harbor] = elsewhere.datastreamIds as [number];
    const [result] = await write(harbor, pm25);
    expect(result).toMatchObject({ status: 'created' });
    const event = await f.next();
    expect(event.event).toBe('observation');
    // The other dataset's observation came first and was not sent: ids count every event of the feed.
    expect(Number(event.id)).toBe(Number(ready.id) + 2);
    expect(event.data).toMatchObject({
      datastream: pm25,
      dataset: 'air-live',
      thing: north.id,
      result: minute,
      resultTime: null,
      // Every observation carries the outcome of quality control on ingest.
      resultQuality: { qartod: { flag: expect.any(Number), tests: expect.any(Object) } },
    });
    expect(event.data.phenomenonTime).toMatch(/^2026-01-06T08:\d\d:00\.000Z$/);
  });

  it('follows single datastreams when asked', async () => {
    const [pm25, pm10] = north.datastreamIds as [number, number];
    const [southPm] = south.datastreamIds as [number];
    const f = await feed(`datastream=${pm10}&datastream=${southPm}`);
    await f.next();
    await write(pm25, pm10, southPm);
    expect((await f.next()).data.datastream).toBe(pm10);
    expect((await f.next()).data.datastream).toBe(southPm);
  });

  it('resumes with Last-Event-ID without losing anything, header or query parameter', async () => {
    const [pm25, pm10] = north.datastreamIds as [number, number];
    const first = await feed('dataset=air-live');
    const ready = await first.next();
    await write(pm25);
    const seen = await first.next();
    first.close();
    await write(pm25, pm10);
    await write(pm10);
    const resumed = await feed('dataset=air-live', { 'last-event-id': String(seen.id) });
    const replayed = [await resumed.next(), await resumed.next(), await resumed.next()];
    expect(replayed.map((e) => e.event)).toEqual(['observation', 'observation', 'observation']);
    expect(replayed.map((e) => e.data.datastream)).toEqual([pm25, pm10, pm10]);
    await write(pm25);
    expect((await resumed.next()).data.datastream).toBe(pm25);

    const byQuery = await feed(`dataset=air-live&lastEventId=${String(ready.id)}`);
    const all = [];
    for (let i = 0; i < 5; i++) all.push(await byQuery.next());
    expect(all.map((e) => Number(e.id))).toEqual([...all.map((e) => Number(e.id))].sort((a, b) => a - b));
    expect(all[0]!.id).toBe(seen.id);
  });

  it('says reset when it cannot resume, and goes on from now', async () => {
    const before = await feed('dataset=air-live', { 'last-event-id': '1' });
    const reset = await before.next();
    expect(reset.event).toBe('reset');
    expect(reset.data.reason).toBe('restarted');
    const future = await feed('dataset=air-live', { 'last-event-id': '99999999999999999' });
    expect((await future.next()).data.reason).toBe('unknown');
    const junk = await feed('dataset=air-live', { 'last-event-id': 'yesterday' });
    const junkReset = await junk.next();
    expect(junkReset.data.reason).toBe('unknown');
    const [pm25] = north.datastreamIds as [number];
    await write(pm25);
    const live = await junk.next();
    expect(Number(live.id)).toBe(Number(junkReset.id) + 1);
  });

  it('keeps restricted data from the public exactly as the catalog does', async () => {
    const catalog = await t.inject('/api/v1/datasets/air-live-internal');
    failure(catalog, 404, 'dataset.not_found');
    failure(await t.inject('/api/v1/live?dataset=air-live-internal'), 404, 'dataset.not_found');
    failure(await t.inject('/api/v1/live?dataset=no-such-dataset'), 404, 'dataset.not_found');
    failure(await t.inject('/api/v1/live?dataset=air-live-restricted'), 403, 'dataset.restricted');
    const [yard] = hidden.datastreamIds as [number];
    failure(await t.inject(`/api/v1/live?datastream=${yard}`), 404, 'datastream.not_found');
    failure(await t.inject('/api/v1/live?datastream=999999'), 404, 'datastream.not_found');
    failure(await t.inject('/api/v1/live'), 400, 'live.no_filter');
    failure(await t.inject('/api/v1/live?dataset=air-live&since=1'), 400, 'request.unknown_parameter');
    const many = Array.from({ length: 1001 }, (_, i) => `datastream=${i + 1}`).join('&');
    failure(await t.inject(`/api/v1/live?${many}`), 400, 'request.invalid');

    const admin = await feed(`datastream=${yard}`, adminHeaders);
    expect(admin.res.status).toBe(200);
    await admin.next();
    await write(yard);
    expect((await admin.next()).data).toMatchObject({ datastream: yard, dataset: 'air-live-internal' });
  });

  it('ends open streams with an end event when the server closes', async () => {
    const f = await feed('dataset=noise-live');
    await f.next();
    const ending = f.next();
    t.app.live.streams.closeAll();
    const end = await ending;
    expect(end.event).toBe('end');
    expect(end.data.reason).toBe('shutdown');
  });
});
