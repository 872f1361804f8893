/**
 * The departments pages: every department with datasets the visitor can see, with counts and contacts; a
 * department's own page with its datasets and the stewards named in their metadata. Nothing non-public or
 * unpublished is counted or shown to those who may not see it; unknown departments are a 404 page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const cards = (html: string) => html.split('class="usa-card dataset-card"').length - 1;

describeDb('departments pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await setUpApp();
    const departments = [
      {
        id: 'police',
        name: 'Police',
        description: 'Patrol, traffic, investigations and records.',
        email: 'police@city.example',
        phone: '(714) 898-3315 ext. 12',
        url: 'https://city.example/police',
      },
      { id: 'finance', name: 'Finance', description: 'Budget and accounting.' },
      { id: 'city-clerk', name: 'City Clerk' },
    ];
    for (const payload of departments) {
      const res = await t.injectAsAdmin({ method: 'PUT', url: `/api/v1/departments/${payload.id}`, payload });
      expect(res.statusCode, res.body).toBe(204);
    }
    await createDataset(t, {
      id: 'street-trees',
      title: 'Street Trees',
      steward: { name: 'GIS Team', email: 'gis@city.example', phone: '714-555-0100' },
    });
    await createDataset(t, { id: 'bldg-permits', title: 'Building Permits' });
    await createDataset(t, {
      id: 'tree-canopy',
      title: 'Tree Canopy',
      steward: { name: 'GIS Team', email: 'GIS@city.example' },
    });
    await createDataset(t, { id: 'pw-draft', title: 'Unfinished Plan', status: 'draft' });
    await createDataset(t, {
      id: 'crime-reports',
      title: 'Crime Reports',
      department: 'police',
      access_level: 'restricted',
      steward: { name: 'Records Unit', email: 'records@city.example' },
    });
    await createDataset(t, {
      id: 'budget-np',
      title: 'Sealed Budget Drafts',
      department: 'finance',
      access_level: 'non-public',
      steward: { name: 'Budget Office', email: 'budget@city.example' },
    });
  });
  afterAll(() => t.close());

  it('lists the departments with datasets the visitor can see, with counts and contacts', async () => {
    const res = await t.inject('/departments');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Departments</h1>');
    expect(res.body).toContain('<a href="/departments/public-works">Public Works</a>');
    expect(res.body).toContain('<a href="/datasets?department=public-works">3 datasets</a>');
    expect(res.body).toContain('<a href="/datasets?department=police">1 dataset</a>');
    expect(res.body).toContain('Patrol, traffic, investigations and records.');
    expect(res.body).toContain('<a href="mailto:police@city.example">police@city.example</a>');
    expect(res.body).toContain('<a href="tel:7148983315,12">(714) 898-3315 ext. 12</a>');
    expect(res.body).toContain('<a href="https://city.example/police">city.example/police</a>');
    // Finance publishes only a non-public dataset; the City Clerk nothing at all.
    expect(res.body).not.toContain('Finance');
    expect(res.body).not.toContain('City Clerk');

    const admin = await t.injectAsAdmin('/departments');
    expect(admin.body).toContain('<a href="/datasets?department=public-works">4 datasets</a>');
    expect(admin.body).toContain('<a href="/departments/finance">Finance</a>');
    expect(admin.headers['cache-control']).toBe('private, no-store');
  });

  it('shows what a department stewards, its stewards and how to reach them', async () => {
    const res = await t.inject('/departments/public-works');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Public Works</h1>');
    expect(res.body).toMatch(/<title>Public Works · /);
    expect(cards(res.body)).toBe(3);
    expect(res.body).toContain('href="/datasets/bldg-permits">Building Permits</a>');
    expect(res.body).not.toContain('Unfinished Plan');
    expect(res.body).toContain('href="/datasets?department=public-works"');
    expect(res.body).toContain('<nav class="usa-breadcrumb"');
    // Stewards once each, by address, with what they answer for.
    expect(res.body).toContain(
      '<span class="steward__name">GIS Team</span> <span class="steward__count">(steward of 2 datasets)</span>',
    );
    expect(res.body).toContain('<a href="mailto:gis@city.example">gis@city.example</a>');
    expect(res.body).toContain('<a href="tel:7145550100">714-555-0100</a>');
    expect(res.body).toContain('<span class="steward__name">Data Team</span>');
    expect(res.body.match(/class="steward"/g)).toHaveLength(2);
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(res.body)?.[1] ?? '{}';
    expect(JSON.parse(ld)).toMatchObject({ '@type': 'GovernmentOrganization', name: 'Public Works' });

    const police = await t.inject('/departments/police');
    expect(police.body).toContain('Crime Reports');
    expect(police.body).toContain(
      '<h2 class="usa-summary-box__heading" id="department-contact">Contact</h2>',
    );
  });

  it('never names a non-public dataset or its steward to a visitor who may not see it', async () => {
    const res = await t.inject('/departments/finance');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('This department has no published datasets yet.');
    expect(res.body).not.toContain('budget-np');
    expect(res.body).not.toContain('Sealed Budget Drafts');
    expect(res.body).not.toContain('Budget Office');
    expect(cards(res.body)).toBe(0);
    const admin = await t.injectAsAdmin('/departments/finance');
    expect(admin.body).toContain('Sealed Budget Drafts');
    expect(admin.body).toContain('Budget Office');
  });

  it('answers an unknown department with a 404 page', async () => {
    const res = await t.inject('/departments/no-such-department');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<h1>Department not found</h1>');
    const vi = await t.inject('/departments/no-such-department?lang=vi');
    expect(vi.body).toContain('<h1>Không tìm thấy sở ban ngành</h1>');
  });

  describe.each([
    [
      'vi',
      'Các sở ban ngành',
      'Liên hệ',
      'Người phụ trách dữ liệu',
      'Các bộ dữ liệu được công bố',
      '1 bộ dữ liệu',
    ],
    [
      'es',
      'Departamentos',
      'Contacto',
      'Responsables de los datos',
      'Conjuntos de datos que publica',
      '1 conjunto de datos',
    ],
  ])('in %s', (lang, title, contact, stewards, datasets, one) => {
    it('translates the headings of both pages', async () => {
      const list = await t.inject(`/departments?lang=${lang}`);
      expect(list.body).toContain(`<h1>${title}</h1>`);
      expect(list.body).toContain(one);
      const page = await t.inject(`/departments/police?lang=${lang}`);
      expect(page.body).toContain(`<html lang="${lang}">`);
      for (const text of [contact, stewards, datasets]) expect(page.body).toContain(text);
      expect(page.body).not.toContain('Data stewards');
    });
  });
});
