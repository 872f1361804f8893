/**
 * The status board on a clock the test controls: datasets judged against their promised frequency, sensor feeds
 * against their latest reading, what the public and staff each see, and the page in every language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_VIEWER } from '../../src/catalog/catalog.service.js';
import type { StatusBoard } from '../../src/desk/status/status.types.js';
import { createStaff, sessionOf, type Browser } from '../fixtures/accounts.js';
import { createStation, PM25 } from '../fixtures/sensors.js';
import { createDataset, importCsv, report } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The readings of the live feeds: one at 10:00, one at 10:15; the routes are asked at 10:20. */
const TEN = Date.parse('2026-03-02T10:00:00Z');
const ASKED = new Date(TEN + 20 * MINUTE);
const STAFF_VIEWER = { admin: false, staff: true };
/** What the public must never see, in any answer. */
const HIDDEN = ['staff-notes', 'Internal staff notes', 'next-year-plan', 'Next year plan'];

/** The public feeds at 10:20, in the board's order. */
const NORTH = ['North NO2', 'North river level', 'North PM2.5', 'North PM10'];

const feedIds = (board: StatusBoard) => board.feeds.map((f) => f.name);

describeDb('status board', () => {
  let t: TestApp;
  let staff: Browser;
  let clock = ASKED;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    const dept = await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    expect(dept.statusCode).toBe(204);
    const table = async (id: string, title: string, fields: Record<string, unknown>) => {
      await createDataset(t, { id, title, ...fields });
      report(await importCsv(t, id, 'name,count\nOak,3\n'));
    };
    await table('daily-permits', 'Daily permits', { update_frequency: 'R/P1D' });
    await table('street-trees', 'Street trees', { update_frequency: 'irregular' });
    await table('staff-notes', 'Internal staff notes', { access_level: 'non-public' });
    await createDataset(t, { id: 'next-year-plan', title: 'Next year plan', status: 'draft' });
    const live = { kind: 'sensor', update_frequency: 'continuous' };
    await createDataset(t, { id: 'air-live', title: 'Air quality live', ...live });
    await createDataset(t, {
      id: 'air-closed',
      title: 'Air quality closed',
      ...live,
      access_level: 'restricted',
    });
    // Gap limits set on three datastreams (an hour, an hour, a quarter of an hour); the river gauge has none
    // (no quality control configured for what it measures): it is judged on its dataset's promise.
    const timing = (gapMs: number) => ({
      qc: { timing: { maxLatencyMs: 400 * 24 * HOUR, failLatencyMs: 500 * 24 * HOUR, gapMs } },
    });
    const north = await t.app.services.sensors.model.createThing({
      name: 'North',
      datasetId: 'air-live',
      locations: [{ name: 'North site', location: { type: 'Point', coordinates: [-117.99, 33.75] } }],
      datastreams: [
        { ...PM25, name: 'North PM2.5', properties: timing(HOUR) },
        { ...PM25, name: 'North PM10', properties: timing(HOUR) },
        { ...PM25, name: 'North NO2', properties: timing(15 * MINUTE) },
        {
          ...PM25,
          name: 'North river level',
          unitOfMeasurement: {
            name: 'metre',
            symbol: 'm',
            definition: 'http://unitsofmeasure.org/ucum.html#para-28',
          },
          sensor: { name: 'Gauge', description: 'Pressure gauge', encodingType: 'text/html' },
          observedProperty: { name: 'River level', definition: 'https://example.org/river-level' },
        },
      ],
    });
    const closed = await createStation(t, 'air-closed', 'Closed', ['PM2.5', 'PM10']);
    const at = (minutes: number) => new Date(TEN + minutes * MINUTE).toISOString();
    const [pm25, pm10, no2, river] = north.datastreamIds;
    const results = await t.app.services.sensors.ingest.ingest(
      [
        { datastreamId: pm25, phenomenonTime: at(0), result: 11.5 },
        { datastreamId: pm10, phenomenonTime: at(15), result: 20 },
        { datastreamId: no2, phenomenonTime: at(0), result: 8 },
        { datastreamId: river, phenomenonTime: at(0), result: 1.2 },
        { datastreamId: closed.datastreamIds[0], phenomenonTime: at(15), result: 9 },
        { datastreamId: closed.datastreamIds[1], phenomenonTime: at(15), result: 10 },
      ],
      { kind: 'admin' },
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('created'));
    staff = await sessionOf(t, await createStaff(t, [{ role: 'viewer' }]));
  }, 60_000);
  afterAll(() => t.close());

  describe('board(viewer, at)', () => {
    it('keeps a daily dataset fresh until its grace margin has passed, then calls it overdue', async () => {
      const loaded = (await t.app.services.status.board(PUBLIC_VIEWER, ASKED)).datasets.find(
        (d) => d.id === 'daily-permits',
      )!;
      // Loaded "yesterday at 02:00": expected by 02:00 today, overdue after 08:00 (a quarter of a day later).
      const yesterday = Date.parse(loaded.lastUpdate!);
      const at = (hours: number) => new Date(yesterday + hours * HOUR);
      const morning = await t.app.services.status.board(PUBLIC_VIEWER, at(25));
      const permits = morning.datasets.find((d) => d.id === 'daily-permits')!;
      expect(permits).toMatchObject({
        state: 'fresh',
        updateFrequency: 'R/P1D',
        department: { id: 'public-works', name: 'Public Works' },
        expectedBy: at(24).toISOString(),
        overdueAfter: at(30).toISOString(),
        openReports: 0,
      });
      const later = await t.app.services.status.board(PUBLIC_VIEWER, at(31));
      expect(later.datasets.find((d) => d.id === 'daily-permits')?.state).toBe('overdue');
      // Overdue datasets are listed first, and counted.
      const states = later.datasets.map((d) => d.state);
      expect(states.lastIndexOf('overdue')).toBeLessThan(states.indexOf('unknown'));
      expect(later.counts.overdue).toBe(states.filter((s) => s === 'overdue').length);
      expect(later.generatedAt).toBe(at(31).toISOString());
    });

    it('has no expectation of an irregular dataset', async () => {
      const board = await t.app.services.status.board(PUBLIC_VIEWER, ASKED);
      expect(board.datasets.find((d) => d.id === 'street-trees')).toMatchObject({
        state: 'unknown',
        expectedBy: null,
        overdueAfter: null,
      });
    });

    it('calls a live feed quiet for 20 minutes overdue, or silent past a shorter gap limit of its own', async () => {
      const board = await t.app.services.status.board(PUBLIC_VIEWER, ASKED);
      const feeds = board.feeds.filter((f) => f.datasetId === 'air-live');
      // Silent first, then overdue; a feed whose own limit is an hour is still fresh.
      expect(feeds.map((f) => [f.name, f.state])).toEqual([
        ['North NO2', 'silent'],
        ['North river level', 'overdue'],
        ['North PM2.5', 'fresh'],
        ['North PM10', 'fresh'],
      ]);
      expect(feeds[0]).toMatchObject({
        gapMs: 15 * MINUTE,
        overdueAfter: new Date(TEN + 15 * MINUTE).toISOString(),
      });
      expect(feeds[1]).toMatchObject({
        lastObservation: new Date(TEN).toISOString(),
        expectedBy: new Date(TEN + 5 * MINUTE).toISOString(),
        overdueAfter: new Date(TEN + 15 * MINUTE).toISOString(),
        gapMs: null,
        investigation: null,
      });
      expect(feeds[2]).toMatchObject({ gapMs: HOUR, overdueAfter: new Date(TEN + HOUR).toISOString() });
      // The dataset is as current as its newest reading.
      expect(board.datasets.find((d) => d.id === 'air-live')).toMatchObject({
        state: 'fresh',
        lastUpdate: new Date(TEN + 15 * MINUTE).toISOString(),
      });
      expect(board.feedCounts).toEqual({ fresh: 2, overdue: 1, silent: 1, unknown: 0 });
    });

    it('lists a restricted dataset but not its feeds to the public; staff see them', async () => {
      const open = await t.app.services.status.board(PUBLIC_VIEWER, ASKED);
      expect(open.datasets.map((d) => d.id)).toContain('air-closed');
      expect(open.feeds.some((f) => f.datasetId === 'air-closed')).toBe(false);
      const inside = await t.app.services.status.board(STAFF_VIEWER, ASKED);
      expect(
        inside.feeds
          .filter((f) => f.datasetId === 'air-closed')
          .map((f) => f.name)
          .sort(),
      ).toEqual(['Closed PM10', 'Closed PM2.5']);
      expect(inside.datasets.map((d) => d.id)).toContain('staff-notes');
    });

    it('never lists a non-public or draft dataset for the public', async () => {
      const board = await t.app.services.status.board(PUBLIC_VIEWER, ASKED);
      expect(board.datasets.map((d) => d.id).sort()).toEqual([
        'air-closed',
        'air-live',
        'daily-permits',
        'street-trees',
      ]);
      expect(feedIds(board)).toEqual(NORTH);
    });
  });

  describe('routes', () => {
    beforeAll(() => {
      clock = ASKED;
    });

    it('shows the board to the public, overdue first, and lets shared caches keep it a minute', async () => {
      const res = await t.inject('/status');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const body = res.body;
      expect(body).toContain('<h1>Data status</h1>');
      expect(body).toContain('2 sensor feeds are overdue or silent.');
      expect(body).toContain('href="/datasets/daily-permits"');
      expect(body).toContain('daily');
      expect(body).toMatch(/North river level<\/th>\s*<td><span class="status-tag status-tag--overdue"/);
      // The restricted dataset is listed; its sensors are not.
      expect(body).toContain('Air quality closed');
      expect(body).not.toContain('Closed PM2.5');
      expect(body).toContain('href="/api/v1/status"');
      for (const hidden of HIDDEN) expect(body).not.toContain(hidden);
    });

    it('answers the same board as JSON, and /status.json points there', async () => {
      const res = await t.inject('/api/v1/status');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const board = res.json<StatusBoard>();
      expect(board.generatedAt).toBe(ASKED.toISOString());
      expect(feedIds(board)).toEqual(NORTH);
      expect(board.feeds.map((f) => f.state)).toEqual(['silent', 'overdue', 'fresh', 'fresh']);
      for (const hidden of HIDDEN) expect(res.body).not.toContain(hidden);
      const moved = await t.inject('/status.json');
      expect(moved.statusCode).toBe(301);
      expect(moved.headers.location).toBe('/api/v1/status');
    });

    it('shows signed-in staff what they may see, never from a shared cache', async () => {
      const page = await staff.inject('/status');
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('private, no-store');
      expect(page.body).toContain('Closed PM2.5');
      expect(page.body).toContain('Internal staff notes');
      const json = await staff.inject('/api/v1/status');
      expect(json.headers['cache-control']).toBe('private, no-store');
      expect(json.json<StatusBoard>().feeds.some((f) => f.name === 'Closed PM10')).toBe(true);
    });

    it('follows the clock: an hour later one more feed is silent and the dataset is overdue', async () => {
      clock = new Date(TEN + 65 * MINUTE);
      try {
        const board = (await t.inject('/api/v1/status')).json<StatusBoard>();
        expect(board.feeds.map((f) => [f.name, f.state])).toEqual([
          ['North NO2', 'silent'],
          ['North PM2.5', 'silent'],
          ['North river level', 'overdue'],
          ['North PM10', 'fresh'],
        ]);
        expect(board.datasets.find((d) => d.id === 'air-live')?.state).toBe('overdue');
      } finally {
        clock = ASKED;
      }
    });

    it('speaks Vietnamese and Spanish', async () => {
      const vi = (await t.inject('/status?lang=vi')).body;
      expect(vi).toContain('<h1>Tình trạng dữ liệu</h1>');
      expect(vi).toContain('Quá hạn');
      expect(vi).toContain('Đúng hạn');
      expect(vi).toContain('Nguồn cảm biến');
      const es = (await t.inject('/status?lang=es')).body;
      expect(es).toContain('<h1>Estado de los datos</h1>');
      expect(es).toContain('Atrasado');
      expect(es).toContain('Al día');
      expect(es).toContain('Fuentes de sensores');
      for (const hidden of HIDDEN) {
        expect(vi).not.toContain(hidden);
        expect(es).not.toContain(hidden);
      }
    });

    it('links the footer of every page to the board', async () => {
      expect((await t.inject('/datasets')).body).toContain('<a href="/status">Service status</a>');
    });
  });
});
