/**
 * The home page: search, categories with counts, featured and recently updated datasets, and the live strip
 * (free parking spaces in the city's area, the air's PM2.5 band) counted from readings ingested here, shown only
 * to visitors who may read those datasets, in every language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatastreamInput } from '../../src/sensors/model.js';
import { createDemoSensorDatasets, PARKING_STATE, PM25 } from '../fixtures/sensors.js';
import { createDataset, setUpApp } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const GATEWAY_COUNT: Omit<DatastreamInput, 'name'> = {
  observationType: 'OM_CountObservation',
  unitOfMeasurement: { name: 'parking space', symbol: 'spaces', definition: null },
  sensor: { name: 'Parking gateway counter' },
  observedProperty: { name: 'Occupied parking spaces', definition: 'count of occupied stalls' },
};

/** Inside the demo city's Little Saigon box [-117.975, 33.738, -117.95, 33.752], and outside it. */
const INSIDE: [number, number] = [-117.962, 33.745];
const OUTSIDE: [number, number] = [-118.02, 33.76];

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** The section of the page between two markers (a card, the featured list). */
function section(html: string, start: string, end = '</section>'): string {
  const from = html.indexOf(start);
  if (from < 0) return '';
  return html.slice(from, html.indexOf(end, from));
}

describeDb('home page', () => {
  let t: TestApp;
  const airStreams: number[] = [];

  async function thing(
    datasetId: string,
    name: string,
    at: [number, number],
    stream: Omit<DatastreamInput, 'name'>,
    result: unknown,
    time = minutesAgo(3),
  ): Promise<number> {
    const created = await t.app.services.sensors.model.createThing({
      name,
      datasetId,
      locations: [{ name: `${name} place`, location: { type: 'Point', coordinates: at } }],
      datastreams: [{ ...stream, name: `${name} stream` }],
    });
    const id = created.datastreamIds[0]!;
    const [ingested] = await t.app.services.sensors.ingest.ingest(
      [{ datastreamId: id, phenomenonTime: time, result }],
      { kind: 'admin' },
    );
    expect(ingested).toMatchObject({ status: 'created' });
    return id;
  }

  beforeAll(async () => {
    t = await setUpApp();
    await createDemoSensorDatasets(t);
    await createDataset(t, { id: 'bldg-permits', title: 'Building Permits', category: 'permits-licensing' });
    await createDataset(t, { id: 'street-trees', title: 'Street Trees', category: 'parks-recreation' });
    await createDataset(t, {
      id: 'zoning',
      title: 'Zoning Districts',
      category: 'geospatial',
      access_level: 'non-public',
    });
    const states = ['free', 'free', 'occupied', 'free', 'out_of_service'];
    for (const [i, state] of states.entries()) {
      await thing('parking-occupancy', `Space ${i + 1}`, INSIDE, PARKING_STATE, state);
    }
    await thing('parking-occupancy', 'Far space 1', OUTSIDE, PARKING_STATE, 'free');
    await thing('parking-occupancy', 'Far space 2', OUTSIDE, PARKING_STATE, 'free');
    await thing('parking-occupancy', 'Gateway', INSIDE, GATEWAY_COUNT, 2);
    // The stations' readings are three hours old at first.
    for (const [i, value] of [8, 20, 30].entries()) {
      airStreams.push(await thing('air-quality', `Station ${i + 1}`, OUTSIDE, PM25, value, minutesAgo(180)));
    }
  });
  afterAll(() => t.close());

  it('counts the free parking spaces in the area from their latest states', async () => {
    const res = await t.inject('/');
    expect(res.statusCode).toBe(200);
    const parking = section(res.body, 'Parking in Little Saigon', '</div><div class="home-live__card"');
    expect(parking).toContain('<span data-figure>3</span>');
    expect(parking).toContain('free of 5 spaces with sensors');
    expect(parking).toContain('href="/datasets/parking-occupancy"');
    expect(res.body).toMatch(/<script src="\/assets\/js\/home-live\.[0-9a-f]+\.js" defer><\/script>/);
    // The island's configuration: each space's datastream and whether it is free.
    const config = /data-live="([^"]*parking[^"]*)"/.exec(res.body)?.[1] ?? '';
    const parsed = JSON.parse(config.replace(/&quot;/g, '"')) as { streams: Record<string, number> };
    expect(Object.values(parsed.streams).sort()).toEqual([0, 0, 1, 1, 1]);
  });

  it('says when the air readings are more than an hour old, then shows the fresh median and its band', async () => {
    const old = await t.inject('/');
    const stale = section(
      old.body,
      '<h3 class="home-live__title">Air quality</h3>',
      '<p class="home-live__link">',
    );
    expect(stale).toContain('<span data-figure>20</span>');
    expect(stale).toMatch(
      /<p class="home-live__note" data-stale data-stale-text="[^"]*">No new reading for more than an hour: the latest is from /,
    );

    const [a, b, c] = airStreams;
    const results = await t.app.services.sensors.ingest.ingest(
      [
        { datastreamId: a, phenomenonTime: minutesAgo(2), result: 40 },
        { datastreamId: b, phenomenonTime: minutesAgo(2), result: 36.2 },
        { datastreamId: c, phenomenonTime: minutesAgo(2), result: 60 },
      ],
      { kind: 'admin' },
    );
    expect(results.every((r) => r.status === 'created')).toBe(true);
    const fresh = await t.inject('/');
    const air = section(
      fresh.body,
      '<h3 class="home-live__title">Air quality</h3>',
      '<p class="home-live__link">',
    );
    expect(air).toContain('<span data-figure>40</span>');
    expect(air).toContain(
      '<span class="aq-band aq-band--sensitive" data-band>Unhealthy for sensitive groups</span>',
    );
    expect(air).toContain('PM2.5, median of 3 stations');
    expect(air).toMatch(/<p class="home-live__note" data-stale hidden /);
  });

  it('shows featured datasets in the city’s order, leaving out what the visitor may not see', async () => {
    const res = await t.inject('/');
    const featured = section(res.body, 'id="home-featured-heading"');
    const order = [...featured.matchAll(/<a href="\/datasets\/([^"]+)">/g)].map((m) => m[1]);
    expect(order).toEqual(['bldg-permits', 'parking-occupancy', 'air-quality', 'street-trees']);
    expect(res.body).not.toContain('Zoning Districts');
    const admin = await t.injectAsAdmin('/');
    expect(admin.body).toContain('Zoning Districts');
  });

  it('lists categories with counts linking to the filtered catalog, and the latest changes', async () => {
    const res = await t.inject('/');
    const categories = section(res.body, 'id="home-categories-heading"');
    expect(categories).toMatch(
      /<a href="\/datasets\?category=environment"><span class="home-categories__name">Environmental sensors<\/span><span class="home-categories__count">2 datasets<\/span>/,
    );
    expect(categories).toMatch(/category=parking".*1 dataset</);
    expect(categories).not.toContain('geospatial');
    const recent = section(res.body, 'id="home-recent-heading"');
    expect([...recent.matchAll(/<li>/g)]).toHaveLength(5);
    expect(recent).not.toContain('zoning');
  });

  it('searches the catalog with a plain form and tells search engines about it', async () => {
    const res = await t.inject('/');
    expect(res.body).toContain('<form class="home-search" method="get" action="/datasets" role="search">');
    expect(res.body).toContain(
      '<label class="usa-label" for="home-q">Search the city&#39;s datasets</label>',
    );
    expect(res.body).toContain('Browse all 6 datasets');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(res.body)?.[1] ?? '{}';
    expect(JSON.parse(ld)).toMatchObject({
      '@type': 'WebSite',
      url: 'http://plaza.test/',
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: 'http://plaza.test/datasets?q={search_term_string}' },
        'query-input': 'required name=search_term_string',
      },
    });
  });

  describe.each([
    [
      'vi',
      'Ngay lúc này',
      'Chỗ đậu xe ở Little Saigon',
      'Bộ dữ liệu nổi bật',
      'Duyệt theo chủ đề',
      'Mới cập nhật',
      'Có hại cho nhóm nhạy cảm',
    ],
    [
      'es',
      'En este momento',
      'Estacionamiento en Little Saigon',
      'Conjuntos de datos destacados',
      'Explorar por categoría',
      'Actualizados recientemente',
      'Dañina a la salud para grupos sensibles',
    ],
  ])('in %s', (lang, live, parking, featured, categories, recent, band) => {
    it('translates every heading and the live figures’ words', async () => {
      const res = await t.inject(`/?lang=${lang}`);
      expect(res.body).toContain(`<html lang="${lang}">`);
      for (const text of [live, parking, featured, categories, recent, band])
        expect(res.body).toContain(text);
      expect(res.body).not.toContain('Right now');
      expect(res.body).not.toContain('Featured datasets');
    });
  });

  it('leaves a live card out for visitors who may not read its data', async () => {
    const patched = await t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/parking-occupancy',
      payload: { access_level: 'restricted' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const anonymous = await t.inject('/');
    expect(anonymous.body).not.toContain('Parking in Little Saigon');
    expect(anonymous.body).toContain('<h3 class="home-live__title">Air quality</h3>');
    const admin = await t.injectAsAdmin('/');
    expect(admin.body).toContain('Parking in Little Saigon');
    expect(admin.headers['cache-control']).toBe('private, no-store');
  });
});

describeDb('home page without live datasets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leaves the live strip and its script out', async () => {
    const res = await t.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('home-live');
    expect(res.body).not.toContain('<script src=');
    expect(res.body).toContain('id="home-q"');
  });
});
