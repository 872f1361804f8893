import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminHeaders, createTestApp, describeDb, type TestApp } from '../support/index.js';

interface Dataset {
  id: string;
  slug: string;
  title: string;
  status: string;
  access_level: string;
  update_frequency: string;
  created_at: string;
  metadata_updated_at: string;
  department: { id: string; name: string };
}

interface DatasetList {
  total: number;
  offset: number;
  limit: number;
  results: Dataset[];
  facets: Record<
    'category' | 'department' | 'keyword' | 'format',
    { value: string; label: string; count: number }[]
  >;
}

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** A complete, valid dataset; tests override what they are about. */
function dataset(id: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    title: `Dataset ${id}`,
    description: 'Records kept by the city, published every month.',
    category: 'city-services',
    keywords: ['records'],
    department: 'public-works',
    steward: { name: 'Data Team', email: 'data@city.example' },
    license: 'CC-BY-4.0',
    update_frequency: 'R/P1M',
    ...fields,
  };
}

async function setUp(): Promise<TestApp> {
  const t = await createTestApp();
  const res = await t.injectAsAdmin({
    method: 'PUT',
    url: '/api/v1/departments/public-works',
    payload: { id: 'public-works', name: 'Public Works', email: 'works@city.example' },
  });
  expect(res.statusCode).toBe(204);
  return t;
}

async function create(t: TestApp, body: Record<string, unknown>): Promise<Dataset> {
  const res = await t.injectAsAdmin({ method: 'POST', url: '/api/v1/datasets', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Dataset>();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeDb('catalog: departments and datasets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUp();
  });
  afterAll(() => t.close());

  it('lists a department created with PUT', async () => {
    const res = await t.inject('/api/v1/departments');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ results: { id: string; name: string }[] }>().results).toEqual([
      expect.objectContaining({ id: 'public-works', name: 'Public Works', dataset_count: 0 }),
    ]);
  });

  it('creates a dataset and reads it back by id and by slug', async () => {
    const created = await create(
      t,
      dataset('street-trees', { title: 'Street Trees', category: 'parks-recreation' }),
    );
    expect(created).toMatchObject({
      id: 'street-trees',
      slug: 'street-trees',
      title: 'Street Trees',
      department: { id: 'public-works', name: 'Public Works' },
      status: 'published',
      access_level: 'public',
    });
    expect(created.created_at).toMatch(/Z$/);

    const byId = await t.inject('/api/v1/datasets/street-trees');
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toEqual(created);

    const renamed = await create(t, dataset('trees-2', { slug: 'tree-inventory' }));
    const bySlug = await t.inject('/api/v1/datasets/tree-inventory');
    expect(bySlug.statusCode).toBe(200);
    expect(bySlug.json<Dataset>().id).toBe(renamed.id);
  });

  it('refuses a second dataset with the same id (409 dataset.exists)', async () => {
    await create(t, dataset('twice'));
    const res = await t.injectAsAdmin({ method: 'POST', url: '/api/v1/datasets', payload: dataset('twice') });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('dataset.exists');
  });

  it('updates metadata: created_at stays, metadata_updated_at advances', async () => {
    const before = await create(t, dataset('budget', { update_frequency: 'R/P1Y' }));
    await sleep(5);
    const res = await t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/budget',
      payload: { title: 'Adopted Budget', update_frequency: 'R/P3M' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<Dataset>();
    expect(after).toMatchObject({ title: 'Adopted Budget', update_frequency: 'R/P3M' });
    expect(after.created_at).toBe(before.created_at);
    expect(Date.parse(after.metadata_updated_at)).toBeGreaterThan(Date.parse(before.metadata_updated_at));

    const read = await t.inject('/api/v1/datasets/budget');
    expect(read.json<Dataset>().title).toBe('Adopted Budget');
  });

  it('rejects an invalid frequency with 422 metadata.invalid naming the field', async () => {
    await create(t, dataset('permits'));
    const res = await t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/permits',
      payload: { update_frequency: 'every now and then' },
    });
    expect(res.statusCode).toBe(422);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('metadata.invalid');
    expect(error.message).toContain('update_frequency');
    expect(error.details?.problems).toEqual([expect.objectContaining({ field: 'update_frequency' })]);
    expect((await t.inject('/api/v1/datasets/permits')).json<Dataset>().update_frequency).toBe('R/P1M');
  });

  it('rejects metadata that breaks the rules on create, naming every field', async () => {
    const res = await t.injectAsAdmin({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: dataset('bad-one', { category: 'weather', keywords: [], update_frequency: 'often' }),
    });
    expect(res.statusCode).toBe(422);
    const fields = (res.json<ErrorBody>().error.details?.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'keywords', 'update_frequency']));
    expect((await t.injectAsAdmin('/api/v1/datasets/bad-one')).statusCode).toBe(404);
  });

  it('needs the admin token to write: none is 401 auth.required, a wrong one is 403', async () => {
    await create(t, dataset('guarded', { title: 'Guarded' }));
    const writes = [
      { method: 'POST', url: '/api/v1/datasets', payload: dataset('sneaky') },
      { method: 'PATCH', url: '/api/v1/datasets/guarded', payload: { title: 'Hacked' } },
      { method: 'DELETE', url: '/api/v1/datasets/guarded' },
      { method: 'PUT', url: '/api/v1/departments/x', payload: { id: 'x', name: 'X' } },
    ] as const;
    for (const write of writes) {
      const anonymous = await t.inject(write);
      expect(anonymous.statusCode, `${write.method} ${write.url}`).toBe(401);
      expect(anonymous.json<ErrorBody>().error.code).toBe('auth.required');

      const wrong = await t.inject({
        ...write,
        headers: { authorization: 'Bearer not-the-admin-token-at-all' },
      });
      expect(wrong.statusCode, `${write.method} ${write.url}`).toBe(403);
      expect(wrong.json<ErrorBody>().error.code).toBe('auth.forbidden');
    }
    expect((await t.inject('/api/v1/datasets/guarded')).json<Dataset>().title).toBe('Guarded');
    expect((await t.inject('/api/v1/datasets/sneaky')).statusCode).toBe(404);
    expect((await t.inject('/api/v1/departments')).json<{ results: { id: string }[] }>().results).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'x' })]),
    );
  });

  it('deletes a dataset: 204, then 404 for everyone', async () => {
    await create(t, dataset('short-lived'));
    const res = await t.injectAsAdmin({ method: 'DELETE', url: '/api/v1/datasets/short-lived' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');

    const anonymous = await t.inject('/api/v1/datasets/short-lived');
    expect(anonymous.statusCode).toBe(404);
    expect(anonymous.json<ErrorBody>().error.code).toBe('dataset.not_found');
    expect((await t.injectAsAdmin('/api/v1/datasets/short-lived')).statusCode).toBe(404);
    expect(
      (await t.injectAsAdmin({ method: 'DELETE', url: '/api/v1/datasets/short-lived' })).statusCode,
    ).toBe(404);
  });
});

describeDb('catalog: search', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUp();
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/finance',
      payload: { id: 'finance', name: 'Finance' },
    });
    await create(
      t,
      dataset('tree-inventory', {
        title: 'Street Tree Inventory',
        description: 'Every tree the city maintains, with species and planting date.',
        category: 'parks-recreation',
        keywords: ['trees', 'urban forest'],
      }),
    );
    await create(
      t,
      dataset('park-maintenance', {
        title: 'Park Maintenance Requests',
        description: 'Service requests for parks, including fallen tree limbs and irrigation leaks.',
        category: 'parks-recreation',
        keywords: ['parks'],
      }),
    );
    await create(
      t,
      dataset('vendor-payments', {
        title: 'Vendor Payments',
        description: 'Payments made by the city to its vendors, by month.',
        category: 'finance',
        department: 'finance',
        keywords: ['spending'],
      }),
    );
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await t.inject(`/api/v1/datasets${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DatasetList>();
  };

  it('ranks a title match above a description-only match', async () => {
    const found = await list('?q=tree');
    expect(found.results.map((d) => d.id)).toEqual(['tree-inventory', 'park-maintenance']);
    expect(found.total).toBe(2);
  });

  it('counts facets over the matching datasets', async () => {
    const all = await list('');
    expect(all.total).toBe(3);
    expect(all.facets.category).toEqual([
      { value: 'parks-recreation', label: 'Parks and recreation', count: 2 },
      { value: 'finance', label: 'Finance', count: 1 },
    ]);
    expect(all.facets.department).toEqual(
      expect.arrayContaining([
        { value: 'public-works', label: 'Public Works', count: 2 },
        { value: 'finance', label: 'Finance', count: 1 },
      ]),
    );
    const trees = await list('?q=tree');
    expect(trees.facets.category).toEqual([
      { value: 'parks-recreation', label: 'Parks and recreation', count: 2 },
    ]);
    const filtered = await list('?category=finance');
    expect(filtered.results.map((d) => d.id)).toEqual(['vendor-payments']);
  });

  it('pages with limit and offset', async () => {
    const all = await list('?sort=title');
    expect(all.results.map((d) => d.id)).toEqual(['park-maintenance', 'tree-inventory', 'vendor-payments']);
    const page = await list('?sort=title&limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.results.map((d) => d.id)).toEqual(['tree-inventory']);
    const past = await list('?limit=2&offset=10');
    expect(past).toMatchObject({ total: 3, results: [] });
  });

  it('rejects limit=101 with 400 request.invalid', async () => {
    const res = await t.inject('/api/v1/datasets?limit=101');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('request.invalid');
  });

  it('rejects an unknown query parameter with 400 request.unknown_parameter', async () => {
    const res = await t.inject('/api/v1/datasets?q=tree&colour=green');
    expect(res.statusCode).toBe(400);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('request.unknown_parameter');
    expect(error.message).toContain('colour');
    expect(error.details).toMatchObject({ unknown: ['colour'] });
  });
});

describeDb('catalog: drafts and non-public datasets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUp();
    await create(t, dataset('open-data', { title: 'Open Hydrants' }));
    await create(t, dataset('draft-data', { title: 'Draft Hydrants', status: 'draft' }));
    await create(t, dataset('internal-data', { title: 'Internal Hydrants', access_level: 'non-public' }));
  });
  afterAll(() => t.close());

  it('hides them from the anonymous list and search', async () => {
    for (const query of ['', '?q=hydrants']) {
      const res = await t.inject(`/api/v1/datasets${query}`);
      expect(res.json<DatasetList>().results.map((d) => d.id)).toEqual(['open-data']);
      expect(res.json<DatasetList>().total).toBe(1);
    }
  });

  it('answers 404 dataset.not_found to anonymous reads', async () => {
    for (const id of ['draft-data', 'internal-data']) {
      const res = await t.inject(`/api/v1/datasets/${id}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.json<ErrorBody>().error.code).toBe('dataset.not_found');
    }
  });

  it('hides them from a wrong token too', async () => {
    const res = await t.inject({
      url: '/api/v1/datasets/draft-data',
      headers: { authorization: 'Bearer not-the-admin-token-at-all' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('shows them to the admin', async () => {
    const res = await t.inject({ url: '/api/v1/datasets?sort=title', headers: adminHeaders });
    expect(res.json<DatasetList>().results.map((d) => d.id)).toEqual([
      'draft-data',
      'internal-data',
      'open-data',
    ]);
    const draft = await t.injectAsAdmin('/api/v1/datasets/draft-data');
    expect(draft.statusCode).toBe(200);
    expect(draft.json<Dataset>().status).toBe('draft');
    const internal = await t.injectAsAdmin('/api/v1/datasets/internal-data');
    expect(internal.json<Dataset>().access_level).toBe('non-public');
  });

  it('publishes a draft when its status changes', async () => {
    await t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/draft-data',
      payload: { status: 'published' },
    });
    expect((await t.inject('/api/v1/datasets/draft-data')).statusCode).toBe(200);
  });
});
