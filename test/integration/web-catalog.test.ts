/**
 * The catalog page `/datasets`: full-text search, facets, sort and paging with the whole state in the URL, the
 * old home-page search addresses moved there for good, nothing unpublished or non-public shown to those who may
 * not see it, and every heading in the visitor's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, importCsv, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

/** The titles of the result cards, in order. */
const titles = (html: string) =>
  [...html.matchAll(/<h3 class="usa-card__heading"><a href="\/datasets\/[^"]+">([^<]+)<\/a>/g)].map(
    (m) => m[1],
  );
const cards = (html: string) => html.split('class="usa-card dataset-card"').length - 1;
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const unescape = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

describeDb('catalog page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await setUpApp();
    const police = await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/police',
      payload: { id: 'police', name: 'Police' },
    });
    expect(police.statusCode).toBe(204);
    await createDataset(t, {
      id: 'bldg-permits',
      title: 'Building Permits',
      description: 'Every building permit the city issued since 2015.',
      category: 'permits-licensing',
      keywords: ['permits', 'construction'],
    });
    expect((await importCsv(t, 'bldg-permits', 'permit,kind\nB-1,roof\nB-2,pool\n')).statusCode).toBe(201);
    await createDataset(t, {
      id: 'street-trees',
      title: 'Street Trees',
      description: 'Trees along city streets.',
      category: 'parks-recreation',
      keywords: ['trees'],
    });
    await createDataset(t, {
      id: 'crime-reports',
      title: 'Crime Reports',
      category: 'public-safety',
      keywords: ['crime'],
      department: 'police',
      access_level: 'restricted',
    });
    await createDataset(t, {
      id: 'np-ledger',
      title: 'Sealed Permits Ledger',
      category: 'permits-licensing',
      keywords: ['permits', 'sealed'],
      department: 'police',
      access_level: 'non-public',
    });
    await createDataset(t, {
      id: 'draft-plan',
      title: 'Draft Permits Plan',
      category: 'permits-licensing',
      keywords: ['permits'],
      status: 'draft',
    });
    for (let i = 1; i <= 22; i++) {
      await createDataset(t, {
        id: `records-${String(i).padStart(2, '0')}`,
        title: `Records ${String(i).padStart(2, '0')}`,
        keywords: ['records'],
      });
    }
  });
  afterAll(() => t.close());

  it('finds datasets by words, says so in the title, and keeps search results out of search engines', async () => {
    const res = await t.inject('/datasets?q=permit');
    expect(res.statusCode).toBe(200);
    expect(titles(res.body)).toEqual(['Building Permits']);
    expect(unescape(titleOf(res.body))).toContain('“permit”');
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.body).toContain('value="permit"');
    expect(res.body).toMatch(/<h2 id="results-heading"[^>]*>1 dataset<\/h2>/);
    // The card: department, category, access, summary, last update and formats.
    expect(res.body).toContain('href="/departments/public-works">Public Works</a>');
    expect(res.body).toContain('Permits and licensing');
    expect(res.body).toMatch(/access-tag--public[^>]*>.*Public<\/span>/);
    expect(res.body).toContain('Every building permit the city issued since 2015.');
    expect(res.body).toMatch(/Updated [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(res.body).toContain('<span class="format-chip">CSV</span>');

    const all = await t.inject('/datasets');
    expect(all.body).not.toContain('noindex');
    expect(titleOf(all.body)).toMatch(/^Datasets · /);
  });

  it('counts each facet value and filters by it; the active filter is a removable tag with clear all', async () => {
    const all = await t.inject('/datasets');
    expect(all.body).toMatch(
      /href="\/datasets\?category=parks-recreation"[^>]*><span class="facet-link__label">Parks and recreation<\/span> <span class="facet-link__count">1<\/span>/,
    );
    expect(all.body).toMatch(
      /href="\/datasets\?department=police"[^>]*><span class="facet-link__label">Police<\/span> <span class="facet-link__count">1<\/span>/,
    );
    expect(all.body).toMatch(
      /href="\/datasets\?format=CSV"[^>]*>.*<span class="facet-link__count">1<\/span>/,
    );

    const trees = await t.inject('/datasets?q=tree&category=parks-recreation');
    expect(titles(trees.body)).toEqual(['Street Trees']);
    expect(trees.body).toContain('aria-current="true"');
    expect(trees.body).toMatch(
      /<a class="filter-chip" href="\/datasets\?q=tree">.*Category: Parks and recreation/,
    );
    expect(trees.body).toMatch(
      /<a class="filter-chip" href="\/datasets\?category=parks-recreation">.*Search: tree/,
    );
    expect(trees.body).toContain('<a class="active-filters__clear" href="/datasets">Clear all</a>');
    // The search form keeps the filters, so that new words search within them.
    expect(trees.body).toContain('<input type="hidden" name="category" value="parks-recreation">');

    const keyword = await t.inject('/datasets?keyword=CONSTRUCTION');
    expect(titles(keyword.body)).toEqual(['Building Permits']);
    const format = await t.inject('/datasets?format=csv');
    expect(titles(format.body)).toEqual(['Building Permits']);
    const none = await t.inject('/datasets?q=zebra');
    expect(none.body).toContain('No datasets match');
    expect(cards(none.body)).toBe(0);
  });

  it('sorts by title, by recent update, and by relevance when words are given', async () => {
    const byTitle = titles((await t.inject('/datasets?sort=title')).body);
    expect(byTitle.slice(0, 3)).toEqual(['Building Permits', 'Crime Reports', 'Records 01']);
    const byUpdate = titles((await t.inject('/datasets')).body);
    // Records 22 was created last; Building Permits got data after it was created, before the others existed.
    expect(byUpdate[0]).toBe('Records 22');
    const sort = (await t.inject('/datasets?sort=title')).body;
    expect(sort).toMatch(/<option value="title" selected>/);
    expect(sort).toContain('noindex');
    const relevance = await t.inject('/datasets?q=records&sort=relevance');
    expect(relevance.body).toMatch(/<option value="relevance" selected>/);
  });

  it('pages through results with links that keep the query', async () => {
    const first = await t.inject('/datasets?keyword=records');
    expect(cards(first.body)).toBe(20);
    expect(first.body).toContain('Showing 1 to 20 of 22');
    expect(first.body).toContain('href="/datasets?keyword=records&amp;page=2"');
    expect(first.body).toMatch(/aria-label="Page 1" aria-current="page"/);
    const second = await t.inject('/datasets?keyword=records&page=2');
    expect(cards(second.body)).toBe(2);
    expect(second.body).toContain('Showing 21 to 22 of 22');
    expect(second.body).toContain(
      'href="/datasets?keyword=records" class="usa-pagination__link usa-pagination__previous-page"',
    );
    expect(unescape(titleOf(second.body))).toContain('page 2');
    const beyond = await t.inject('/datasets?keyword=records&page=9');
    expect(beyond.statusCode).toBe(200);
    expect(cards(beyond.body)).toBe(0);
  });

  it('moves the old search addresses of the home page to the catalog for good', async () => {
    const old = await t.inject('/?q=permits&category=permits-licensing&lang=es');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/datasets?q=permits&category=permits-licensing&lang=es');
    for (const url of [
      '/?page=2',
      '/?sort=title',
      '/?keyword=trees',
      '/?format=CSV',
      '/?department=police',
    ]) {
      const res = await t.inject(url);
      expect(res.statusCode, url).toBe(301);
      expect(res.headers.location).toBe(`/datasets${url.slice(1)}`);
    }
    expect((await t.inject('/')).statusCode).toBe(200);
    expect((await t.inject('/?lang=vi')).statusCode).toBe(200);
  });

  it('shows nothing unpublished or non-public to a visitor who may not see it, and all of it to the admin', async () => {
    for (const url of [
      '/datasets',
      '/datasets?q=permits',
      '/datasets?keyword=permits',
      '/datasets?q=sealed',
    ]) {
      const res = await t.inject(url);
      expect(res.body, url).not.toContain('np-ledger');
      expect(res.body, url).not.toContain('Sealed Permits Ledger');
      expect(res.body, url).not.toContain('draft-plan');
      expect(res.body, url).not.toContain('keyword=sealed');
    }
    const permits = await t.inject('/datasets?q=permits');
    expect(permits.body).toMatch(/>1 dataset</);
    // The police department's only visible dataset is the restricted one: its metadata is public.
    const police = await t.inject('/datasets?department=police');
    expect(titles(police.body)).toEqual(['Crime Reports']);
    expect(police.body).toMatch(/access-tag--closed[^>]*>.*Restricted<\/span>/);

    const admin = await t.injectAsAdmin('/datasets?q=permits');
    expect(titles(admin.body).sort()).toEqual([
      'Building Permits',
      'Draft Permits Plan',
      'Sealed Permits Ledger',
    ]);
    expect(admin.body).toContain('Not published');
    expect(admin.headers['cache-control']).not.toMatch(/public/);
  });

  describe.each([
    ['vi', 'Bộ dữ liệu', 'Lọc kết quả', 'Chủ đề', 'Công viên và giải trí', 'Sắp xếp theo'],
    [
      'es',
      'Conjuntos de datos',
      'Filtrar los resultados',
      'Categoría',
      'Parques y recreación',
      'Ordenar por',
    ],
  ])('in %s', (lang, heading, filters, category, parks, sort) => {
    it('translates the headings, labels and category names', async () => {
      const res = await t.inject(`/datasets?lang=${lang}&q=tree`);
      expect(res.body).toContain(`<html lang="${lang}">`);
      expect(res.body).toContain(`<h1>${heading}</h1>`);
      expect(res.body).toContain(filters);
      expect(res.body).toContain(`<h3 class="facet__title">${category}</h3>`);
      expect(res.body).toContain(parks);
      expect(res.body).toContain(sort);
      expect(res.body).not.toContain('Filter the results');
      // Dataset content stays as published.
      expect(res.body).toContain('Street Trees');
    });
  });
});
