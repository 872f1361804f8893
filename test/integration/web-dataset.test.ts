/**
 * A table dataset's page as a visitor reads it, without JavaScript: header, badges, metadata, columns, the
 * table preview (pages, sorting and filters all in the URL), API examples with its real fields, downloads,
 * the steward's mail links, structured data, and the page in Vietnamese and Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, importCsv, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const TYPES = ['Roof', 'Solar', 'Fence', 'Pool'];
const CONTRACTORS = ["O'Brien Roofing", 'Nguyen & Sons', 'Sunny Co'];

/** 60 permits: numbers P-001..P-060, valuations 1000, 2000... issued one a day from 2024-01-01. */
function permitsCsv(): string {
  const lines = ['permit_number,permit_type,contractor,valuation,issued_date,lat,lon'];
  for (let i = 1; i <= 60; i++) {
    const day = new Date(Date.UTC(2024, 0, i)).toISOString().slice(0, 10);
    const contractor = CONTRACTORS[i % 3]!;
    lines.push(
      `P-${String(i).padStart(3, '0')},${TYPES[i % 4]},"${contractor}",${i * 1000},${day},${(33.74 + i / 10000).toFixed(4)},-117.99`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The permit numbers in the table preview's body, in order. */
function permitsShown(body: string): string[] {
  const table =
    /<table class="usa-table usa-table--striped[^"]*preview-table"[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
  return [...table.matchAll(/<td>(P-\d{3})<\/td>/g)].map((m) => m[1]!);
}

describeDb('a dataset page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await setUpApp();
    await createDataset(t, {
      id: 'permits',
      title: 'Building Permits',
      description:
        'Permits issued by the city, **one row per permit**.\n\nNot <script>alert(1)</script> official data.',
      keywords: ['permits', 'construction'],
      attribution: 'City of Westminster, Public Works',
      temporal: { start: '2024-01-01', end: '2024-02-29' },
    });
    const res = await importCsv(t, 'permits', permitsCsv());
    expect(res.statusCode, res.body).toBe(201);
    const documented = await t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/permits',
      payload: {
        columns: [
          { field: 'permit_type', name: 'Permit type' },
          { field: 'valuation', name: 'Valuation', description: 'Estimated cost of the work', unit: 'USD' },
        ],
      },
    });
    expect(documented.statusCode, documented.body).toBe(200);
  });
  afterAll(() => t.close());

  describe('header, metadata and sections', () => {
    let body: string;
    beforeAll(async () => {
      const page = await t.inject('/datasets/permits');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      body = page.body;
    });

    it('names the dataset, its department and category, with badges for freshness, access and licence', () => {
      expect(body).toContain('<title>Building Permits · ');
      expect(body).toMatch(/<h1>Building Permits<\/h1>/);
      expect(body).toContain('href="/departments/public-works">Public Works</a>');
      expect(body).toContain('href="/datasets?category=city-services"');
      expect(body).toContain('class="usa-tag badge-fresh">Up to date<');
      expect(body).toContain('class="usa-tag badge-public">Public<');
      expect(body).toContain('Licence CC-BY-4.0');
      expect(body).toMatch(/Updated monthly\. The next update is expected by /);
    });

    it('renders the Markdown description with raw HTML escaped', () => {
      expect(body).toContain('<strong>one row per permit</strong>');
      expect(body).not.toContain('<script>alert(1)</script>');
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('describes the metadata: frequency, dates, steward, licence, coverage, rows, identifiers', () => {
      const panel = /<aside[^>]*class="metadata"[\s\S]*?<\/aside>/.exec(body)?.[0] ?? '';
      expect(panel).toMatch(/Update frequency<\/dt><dd>monthly/);
      expect(panel).toContain('Data last updated');
      expect(panel).toContain('Metadata last updated');
      expect(panel).toContain('Created');
      expect(panel).toContain('href="mailto:data@city.example?subject=');
      expect(panel).toContain('href="https://creativecommons.org/licenses/by/4.0/"');
      expect(panel).toContain('City of Westminster, Public Works');
      expect(panel).toMatch(/Latitude 33\.7401° N to 33\.7460° N, longitude 117\.9900° W to 117\.9900° W\./);
      expect(panel).toContain('Jan 1, 2024 to Feb 29, 2024');
      expect(panel).toMatch(/Rows<\/dt><dd>60</);
      expect(panel).toContain('<code>permits</code>');
      expect(panel).toContain('href="/api/v1/datasets/permits"');
    });

    it('lists the columns with field names, types, descriptions and units', () => {
      const schema = /<section id="columns"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
      expect(schema).toContain(
        '<th scope="row">Valuation</th><td><code>valuation</code></td><td>Number</td><td>Estimated cost of the work</td><td>USD</td>',
      );
      expect(schema).toContain('<code>issued_date</code></td><td>Date</td>');
      expect(schema).toContain('<td>Geometry</td>');
    });

    it('offers each download with its row count and the licence to honour', () => {
      const downloads = /<section id="downloads"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
      for (const format of ['csv', 'json', 'ndjson', 'geojson']) {
        expect(downloads).toContain(`/api/v1/datasets/permits/rows.${format}"`);
      }
      expect(downloads).toContain('60 rows');
      expect(downloads).not.toMatch(/\d (KB|MB|bytes)/);
      expect(downloads).toContain('Creative Commons Attribution 4.0 International');
      expect(downloads).toContain('<q class="attribution">City of Westminster, Public Works</q>');
    });

    it('gives the API addresses and examples in four languages with the real field names', () => {
      const api = /<section id="api"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
      expect(api).toContain('/api/v1/datasets/permits/query');
      expect(api).toContain('/resource/permits.json');
      for (const language of ['curl', 'JavaScript (fetch)', 'Python (requests)', 'R (httr2)']) {
        expect(api).toContain(`<summary>${language}</summary>`);
      }
      expect(api).toContain('$select=permit_number, permit_type, contractor');
      // A real category and its most common value on the first page, quoted for the shell and for SoQL.
      expect(api).toContain(
        `--data-urlencode &#39;$where=contractor = &#39;\\&#39;&#39;Nguyen &amp; Sons&#39;\\&#39;&#39;&#39;`,
      );
      expect(api).toContain('url.searchParams.set(&quot;$order&quot;, &quot;issued_date DESC&quot;);');
      expect(api).toContain('req_url_query(');
      expect(api).toContain('import requests');
    });

    it('links to the report form about a problem, and to the records desk for unpublished data', () => {
      const feedback = /<section id="feedback"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
      // A problem is reported with the dataset's own form (routed to its steward), not by mail.
      expect(feedback).not.toContain('mailto:');
      const problem =
        /<a class="usa-button usa-button--outline" href="([^"]+)">Report a problem with this data<\/a>/.exec(
          feedback,
        );
      expect(problem?.[1]).toBe('/datasets/permits/report');
      // Unpublished data is asked for as a public records request, with the dataset's department chosen.
      expect(feedback).toMatch(/href="\/records\?department=[a-z-]+"/);
      expect(feedback).toContain('Request data not published here');
    });

    it('describes itself to search engines as a schema.org Dataset', () => {
      const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)?.[1] ?? '';
      const ld = JSON.parse(json) as Record<string, unknown> & {
        distribution: { encodingFormat: string; contentUrl: string }[];
        creator: { name: string };
        publisher: { name: string };
        spatialCoverage: { geo: { '@type': string; box: string } };
      };
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('Dataset');
      expect(ld.name).toBe('Building Permits');
      expect(ld.identifier).toBe('permits');
      expect(ld.url).toMatch(/\/datasets\/permits$/);
      expect(ld.keywords).toEqual(['permits', 'construction']);
      expect(ld.license).toBe('https://creativecommons.org/licenses/by/4.0/');
      expect(ld.isAccessibleForFree).toBe(true);
      expect(ld.creator.name).toBe('Public Works');
      expect(ld.publisher.name).toBeTruthy();
      expect(ld.temporalCoverage).toBe('2024-01-01/2024-02-29');
      expect(ld.spatialCoverage.geo).toEqual({ '@type': 'GeoShape', box: '33.7401 -117.99 33.746 -117.99' });
      expect(typeof ld.dateModified).toBe('string');
      expect(typeof ld.dateCreated).toBe('string');
      expect(String(ld.description)).toContain('Permits issued by the city');
      const csv = ld.distribution.find((d) => d.encodingFormat === 'text/csv');
      expect(csv?.contentUrl).toMatch(/\/api\/v1\/datasets\/permits\/rows\.csv$/);
      expect(body).toContain('<meta property="og:type" content="article">');
      expect(body).toContain(
        '<meta name="description" content="Permits issued by the city, one row per permit.">',
      );
    });
  });

  describe('table preview', () => {
    it('shows the first 25 rows, and pages on through the URL', async () => {
      const first = await t.inject('/datasets/permits');
      expect(permitsShown(first.body)).toHaveLength(25);
      expect(permitsShown(first.body)[0]).toBe('P-001');
      expect(first.body).toContain('Rows 1 to 25 of 60');
      expect(first.body).toContain('href="/datasets/permits?page=2#table"');
      const third = await t.inject('/datasets/permits?page=3');
      expect(permitsShown(third.body)).toEqual(
        Array.from({ length: 10 }, (_, i) => `P-${String(51 + i).padStart(3, '0')}`),
      );
      expect(third.body).toContain('Rows 51 to 60 of 60');
      expect(third.body).toContain('aria-current="page"');
      // Search engines index the dataset, not each state of its table.
      expect(first.body).not.toContain('<meta name="robots" content="noindex">');
      expect(third.body).toContain('<meta name="robots" content="noindex">');
    });

    it('shows up to 100 rows a page when asked', async () => {
      expect(permitsShown((await t.inject('/datasets/permits?size=50')).body)).toHaveLength(50);
      expect(permitsShown((await t.inject('/datasets/permits?size=100')).body)).toHaveLength(60);
      const capped = await t.inject('/datasets/permits?size=5000');
      expect(capped.statusCode).toBe(200);
      expect(capped.body).toContain('Rows 1 to 60 of 60');
    });

    it('says so when a page is past the end', async () => {
      const res = await t.inject('/datasets/permits?page=9');
      expect(res.statusCode).toBe(200);
      expect(permitsShown(res.body)).toEqual([]);
      expect(res.body).toContain('There is no such page: the table has 3 pages.');
    });

    it('sorts by any column, both ways, with aria-sort on the sorted header', async () => {
      const desc = await t.inject('/datasets/permits?sort=valuation&order=desc');
      expect(permitsShown(desc.body).slice(0, 3)).toEqual(['P-060', 'P-059', 'P-058']);
      expect(desc.body).toMatch(
        /<th scope="col" class="num" aria-sort="descending"><a href="\/datasets\/permits\?sort=valuation#table"/,
      );
      const asc = await t.inject('/datasets/permits?sort=permit_number&order=asc&page=3');
      expect(permitsShown(asc.body)[0]).toBe('P-051');
      expect(asc.body).toContain('aria-sort="ascending"');
      expect(asc.body).toContain('href="/datasets/permits?sort=contractor#table"');
    });

    it('filters text case-insensitively, and counts the matching rows', async () => {
      const res = await t.inject(
        `/datasets/permits?filter=${encodeURIComponent('permit_type:contains:oOF')}`,
      );
      const shown = permitsShown(res.body);
      expect(shown).toHaveLength(15);
      expect(shown.every((p) => Number(p.slice(2)) % 4 === 0)).toBe(true);
      expect(res.body).toContain('Rows 1 to 15 of 15 matching (of 60 in the table)');
      expect(res.body).toContain('Permit type contains “oOF”');
      expect(res.body).toContain('href="/datasets/permits#table"');
    });

    it('escapes quotes in values, so a value can never change the query', async () => {
      const exact = await t.inject(
        `/datasets/permits?filter=${encodeURIComponent("contractor:eq:O'Brien Roofing")}`,
      );
      expect(permitsShown(exact.body)).toHaveLength(20);
      const injected = await t.inject(
        `/datasets/permits?filter=${encodeURIComponent("contractor:eq:x' OR '1'='1")}`,
      );
      expect(injected.statusCode).toBe(200);
      expect(permitsShown(injected.body)).toEqual([]);
      expect(injected.body).toContain('No rows match these filters (the table has 60 rows).');
    });

    it('filters numbers and dates with =, <, > and between, combined with AND', async () => {
      const q = (...filters: string[]) =>
        `/datasets/permits?size=100&${filters.map((f) => `filter=${encodeURIComponent(f)}`).join('&')}`;
      expect(permitsShown((await t.inject(q('valuation:between:10000..12000'))).body)).toEqual([
        'P-010',
        'P-011',
        'P-012',
      ]);
      expect(permitsShown((await t.inject(q('valuation:eq:7000'))).body)).toEqual(['P-007']);
      expect(permitsShown((await t.inject(q('issued_date:gt:2024-02-27'))).body)).toEqual(['P-059', 'P-060']);
      expect(
        permitsShown((await t.inject(q('issued_date:lt:2024-01-03', 'valuation:gt:1000'))).body),
      ).toEqual(['P-002']);
    });

    it('turns the filter form into the canonical URL of the new state', async () => {
      const res = await t.inject(
        '/datasets/permits?sort=valuation&order=desc&size=50&filter=permit_type%3Acontains%3Aroof&column=valuation&op=between&value=1000&value2=20000',
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(
        '/datasets/permits?size=50&sort=valuation&order=desc&filter=permit_type%3Acontains%3Aroof&filter=valuation%3Abetween%3A1000..20000#table',
      );
      const page = await t.inject(res.headers.location!.replace('#table', ''));
      expect(permitsShown(page.body)).toEqual(['P-020', 'P-016', 'P-012', 'P-008', 'P-004']);
    });

    it('explains a filter it cannot apply, shows the rows without it, and never fails', async () => {
      for (const [filter, message] of [
        ['valuation:gt:abc', '“abc” is not a number: the column “Valuation” holds numbers'],
        ['issued_date:eq:31/01/2024', '“31/01/2024” is not a date'],
        ['nope:eq:1', 'This table has no column “nope”'],
        ['garbage', 'The filter “garbage” is not in the form column:condition:value'],
        [
          'permit_type:lt:x',
          '“is less than” does not apply to the column “Permit type”: use “contains” or “equals”.',
        ],
        ['valuation:between:5', '“5” is not a range'],
        ['permit_type:contains:', 'Give a value to filter the column “Permit type”.'],
      ] as const) {
        const res = await t.inject(`/datasets/permits?filter=${encodeURIComponent(filter)}`);
        expect(res.statusCode, filter).toBe(200);
        expect(res.body, filter).toContain('Some of your choices could not be applied');
        expect(res.body, filter).toContain(message);
        expect(permitsShown(res.body), filter).toHaveLength(25);
      }
      const sort = await t.inject('/datasets/permits?sort=nope');
      expect(sort.body).toContain('This table has no column “nope” to sort by');
    });

    it('serves the same table as a fragment for the table island', async () => {
      const res = await t.inject(
        `/datasets/permits/table?page=2&filter=${encodeURIComponent('permit_type:eq:Pool')}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body.startsWith('<div id="table-view"')).toBe(true);
      expect(res.body).not.toContain('<html');
      expect(res.body).toContain('data-url="/datasets/permits?page=2&amp;filter=permit_type%3Aeq%3APool"');
      expect(res.body).toContain('There is no such page: the table has 1 page.');
      const normalized = await t.inject('/datasets/permits/table?column=valuation&op=gt&value=59000');
      expect(normalized.body).toContain('data-url="/datasets/permits?filter=valuation%3Agt%3A59000"');
      expect(permitsShown(normalized.body)).toEqual(['P-060']);
    });
  });

  describe('in other languages', () => {
    it('shows the page in Vietnamese, dataset content as published', async () => {
      const res = await t.inject('/datasets/permits?lang=vi');
      expect(res.body).toContain('<html lang="vi">');
      for (const heading of [
        'Giới thiệu bộ dữ liệu',
        'Bảng dữ liệu',
        'Các cột',
        'Tải xuống',
        'Siêu dữ liệu',
      ]) {
        expect(res.body).toContain(heading);
      }
      expect(res.body).toContain('Cập nhật hằng tháng');
      expect(res.body).toContain('<h1>Building Permits</h1>');
    });

    it('shows the page in Spanish, filter messages included', async () => {
      const res = await t.inject(
        `/datasets/permits?lang=es&filter=${encodeURIComponent('valuation:gt:abc')}`,
      );
      expect(res.body).toContain('<html lang="es">');
      for (const heading of ['Acerca de este conjunto de datos', 'Tabla de datos', 'Columnas', 'Descargas']) {
        expect(res.body).toContain(heading);
      }
      expect(res.body).toContain('“abc” no es un número');
      expect(res.body).toContain('Se actualiza mensualmente');
    });
  });
});

describeDb('a dataset page, for who may see what', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await setUpApp();
    for (const [id, access_level] of [
      ['closed', 'restricted'],
      ['hidden', 'non-public'],
    ] as const) {
      await createDataset(t, { id, title: `Dataset ${id}`, access_level });
      const res = await importCsv(t, id, 'name,code\nsecret-alpha,1\nsecret-beta,2\n');
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('shows a restricted dataset’s metadata and columns, no rows, and how to ask for them', async () => {
    const res = await t.inject('/datasets/closed');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<code>name</code>');
    expect(res.body).not.toContain('secret-alpha');
    expect(res.body).toContain('The rows of this dataset are restricted');
    expect(res.body).toContain('href="/access/request?dataset=closed"');
    expect(res.body).toContain('class="usa-tag badge-restricted">Restricted<');
    expect(res.body).not.toContain('/api/v1/datasets/closed/rows.csv"');
    expect(res.body).toContain('X-Api-Key');
    const admin = await t.injectAsAdmin('/datasets/closed');
    expect(admin.body).toContain('secret-alpha');
  });

  it('answers the fragment of a restricted dataset 403 and of a hidden one 404, like the data APIs', async () => {
    const restricted = await t.inject('/datasets/closed/table');
    expect(restricted.statusCode).toBe(403);
    expect(restricted.json<{ error: { code: string } }>().error.code).toBe('dataset.restricted');
    expect(restricted.body).not.toContain('secret-alpha');
    for (const url of ['/datasets/hidden', '/datasets/hidden/table', '/datasets/nothing/table']) {
      const res = await t.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('secret-alpha');
    }
    expect((await t.injectAsAdmin('/datasets/closed/table')).body).toContain('secret-alpha');
    expect((await t.injectAsAdmin('/datasets/hidden')).statusCode).toBe(200);
  });

  it('says plainly that an unknown dataset does not exist', async () => {
    const res = await t.inject('/datasets/no-such-thing?lang=es');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Conjunto de datos no encontrado');
  });
});
