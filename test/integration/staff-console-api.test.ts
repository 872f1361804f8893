/**
 * The dataset write API for stewards: their own departments' datasets only (another department's is 404),
 * read-only staff and developers refused, and every change in the audit log with who made it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../src/access/users/users.service.js';
import {
  createDeveloper,
  createKey,
  createStaff,
  keyHeaders,
  sessionOf,
  type Browser,
} from '../fixtures/accounts.js';
import { createDataset, failure, multipartBody, rowsJson } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const CSV = 'tree,species\nT-1,Oak\nT-2,Elm\n';

function metadata(id: string, department = 'parks') {
  return {
    id,
    title: `Trees ${id}`,
    description: 'Street trees of the city, one row per tree.',
    category: 'parks-recreation',
    keywords: ['trees'],
    department,
    steward: { name: 'Urban Forestry', email: 'trees@city.example' },
    license: 'CC0-1.0',
    update_frequency: 'R/P1Y',
  };
}

interface AuditRow {
  action: string;
  actor_id: string | null;
  actor: string;
  reason: string | null;
  details: string;
}

async function auditOf(t: TestApp, datasetId: string): Promise<AuditRow[]> {
  return (await t.db.kysely
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'actor', 'reason', 'details'])
    .where('target_type', '=', 'dataset')
    .where('target_id', '=', datasetId)
    .orderBy('seq')
    .execute()) as AuditRow[];
}

describeDb('dataset write API: stewards of their own departments', () => {
  let t: TestApp;
  let steward: User;
  let s: Browser;
  let other: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    for (const id of ['parks', 'public-works']) {
      const res = await t.injectAsAdmin({
        method: 'PUT',
        url: `/api/v1/departments/${id}`,
        payload: { id, name: id },
      });
      expect(res.statusCode).toBe(204);
    }
    steward = await createStaff(t, [{ role: 'steward', department: 'parks' }]);
    s = await sessionOf(t, steward);
    other = await sessionOf(t, await createStaff(t, [{ role: 'steward', department: 'public-works' }]));
  });
  afterAll(() => t.close());

  it('lets a steward create, change and import into a dataset of their department, audited', async () => {
    const created = await s.inject({ method: 'POST', url: '/api/v1/datasets', payload: metadata('oaks') });
    expect(created.statusCode, created.body).toBe(201);
    const patched = await s.inject({
      method: 'PATCH',
      url: '/api/v1/datasets/oaks',
      payload: { title: 'Oak Trees' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const first = await s.inject({
      method: 'POST',
      url: '/api/v1/datasets/oaks/imports',
      headers: { 'content-type': 'text/csv' },
      payload: CSV,
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await s.inject({
      method: 'POST',
      url: '/api/v1/datasets/oaks/imports',
      headers: { 'content-type': 'text/csv' },
      payload: `${CSV}T-3,Ash\n`,
    });
    expect(second.statusCode, second.body).toBe(201);
    const unpublished = await s.inject({
      method: 'PATCH',
      url: '/api/v1/datasets/oaks',
      payload: { status: 'unpublished' },
    });
    expect(unpublished.statusCode).toBe(200);
    expect((await s.inject('/api/v1/datasets/oaks/imports')).statusCode).toBe(200);

    const entries = await auditOf(t, 'oaks');
    expect(entries.map((e) => e.action)).toEqual([
      'dataset.create',
      'dataset.update',
      'dataset.import',
      'dataset.replace',
      'dataset.unpublish',
    ]);
    for (const e of entries) expect(e).toMatchObject({ actor_id: steward.id, actor: steward.email });
    expect(JSON.parse(entries[1]?.details ?? '{}')).toMatchObject({ fields: ['title'] });
    expect(JSON.parse(entries[3]?.details ?? '{}')).toMatchObject({ rows_written: 3, data_version: 2 });
  });

  it('works with a steward’s API key too (no CSRF token for keys)', async () => {
    const key = await createKey(t, steward);
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      headers: keyHeaders(key.secret),
      payload: metadata('elms'),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('needs the CSRF token when a session calls the API', async () => {
    const res = await t.inject({
      method: 'PATCH',
      url: '/api/v1/datasets/elms',
      headers: { cookie: s.cookie },
      payload: { title: 'Elms' },
    });
    failure(res, 403, 'auth.csrf');
  });

  it('answers a steward of another department 404 on changes, replacements and unpublishing', async () => {
    await createDataset(t, { id: 'maples', department: 'parks' });
    const imported = await t.injectAsAdmin({
      method: 'POST',
      url: '/api/v1/datasets/maples/imports',
      headers: { 'content-type': 'text/csv' },
      payload: CSV,
    });
    expect(imported.statusCode).toBe(201);
    const before = await auditOf(t, 'maples');

    failure(
      await other.inject({ method: 'PATCH', url: '/api/v1/datasets/maples', payload: { title: 'Mine' } }),
      404,
      'dataset.not_found',
    );
    failure(
      await other.inject({
        method: 'PATCH',
        url: '/api/v1/datasets/maples',
        payload: { status: 'unpublished' },
      }),
      404,
      'dataset.not_found',
    );
    failure(
      await other.inject({
        method: 'POST',
        url: '/api/v1/datasets/maples/imports',
        headers: { 'content-type': 'text/csv' },
        payload: 'tree,species\nX-1,Fake\n',
      }),
      404,
      'dataset.not_found',
    );
    const boundary = 'plaza-boundary';
    failure(
      await other.inject({
        method: 'POST',
        url: '/api/v1/datasets/maples/imports',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: multipartBody(
          boundary,
          {},
          { field: 'file', name: 'x.csv', type: 'text/csv', content: CSV },
        ),
      }),
      404,
      'dataset.not_found',
    );
    failure(await other.inject('/api/v1/datasets/maples/imports'), 404, 'dataset.not_found');

    const after = await t.inject('/api/v1/datasets/maples');
    expect(after.json<{ title: string; status: string }>()).toMatchObject({
      title: 'Dataset maples',
      status: 'published',
    });
    expect((await rowsJson(t, 'maples')).map((r) => r.tree)).toEqual(['T-1', 'T-2']);
    expect(await auditOf(t, 'maples')).toEqual(before);
  });

  it('refuses a steward a dataset for another department, created or moved (403)', async () => {
    failure(
      await s.inject({ method: 'POST', url: '/api/v1/datasets', payload: metadata('pines', 'public-works') }),
      403,
      'auth.forbidden',
    );
    expect((await t.injectAsAdmin('/api/v1/datasets/pines')).statusCode).toBe(404);
    failure(
      await s.inject({
        method: 'PATCH',
        url: '/api/v1/datasets/elms',
        payload: { department: 'public-works' },
      }),
      403,
      'auth.forbidden',
    );
  });

  it('refuses clerks, viewers and developers (403), and keeps deletion for admins', async () => {
    for (const role of ['clerk', 'viewer'] as const) {
      const b = await sessionOf(t, await createStaff(t, [{ role }]));
      failure(
        await b.inject({ method: 'POST', url: '/api/v1/datasets', payload: metadata(`by-${role}`) }),
        403,
        'auth.forbidden',
      );
      failure(
        await b.inject({ method: 'PATCH', url: '/api/v1/datasets/elms', payload: { status: 'published' } }),
        403,
        'auth.forbidden',
      );
      failure(
        await b.inject({
          method: 'POST',
          url: '/api/v1/datasets/elms/imports',
          headers: { 'content-type': 'text/csv' },
          payload: CSV,
        }),
        403,
        'auth.forbidden',
      );
    }
    const dev = await createKey(t, await createDeveloper(t));
    failure(
      await t.inject({
        method: 'POST',
        url: '/api/v1/datasets',
        headers: keyHeaders(dev.secret),
        payload: metadata('by-dev'),
      }),
      403,
      'auth.forbidden',
    );
    failure(await s.inject({ method: 'DELETE', url: '/api/v1/datasets/elms' }), 403, 'auth.forbidden');
  });

  it('audits the admin token by name', async () => {
    await createDataset(t, { id: 'birches', department: 'parks' });
    const deleted = await t.injectAsAdmin({ method: 'DELETE', url: '/api/v1/datasets/birches' });
    expect(deleted.statusCode).toBe(204);
    expect((await auditOf(t, 'birches')).map((e) => [e.action, e.actor_id, e.actor])).toEqual([
      ['dataset.create', null, 'admin token'],
      ['dataset.delete', null, 'admin token'],
    ]);
  });
});
