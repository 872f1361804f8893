/**
 * The staff console's dataset pages through the real app: who may open them, publishing a dataset with the
 * forms (metadata, upload, preview, publish), editing, replacing, unpublishing, and the audit entries of each.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/access/users/users.service.js';
import { createDeveloper, createStaff, sessionOf, type Browser } from '../fixtures/accounts.js';
import { createDataset, importCsv, multipartBody, report, rowsJson } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const GOOD_CSV = 'permit,issued,amount\nP-1,2024-01-05,120.5\nP-2,2024-02-11,80\nP-3,2024-03-20,42\n';
/** Line 3 has one cell too many. */
const ONE_BAD_ROW =
  'permit,issued,amount\nP-1,2024-01-05,120.5\nP-2,2024-02-11,80,extra\nP-3,2024-03-20,42\n';

/** A browser form post: the session cookie, and the form's own `_csrf` field unless left out. */
function postForm(
  t: TestApp,
  browser: Browser,
  url: string,
  fields: Record<string, string>,
  options: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams(options.csrf === false ? fields : { _csrf: browser.csrf, ...fields });
  return t.inject({
    method: 'POST',
    url,
    headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

/** The multipart upload a browser sends: `_csrf` first (unless left out), then the file. */
function upload(
  t: TestApp,
  browser: Browser,
  url: string,
  file: { name: string; content: string },
  options: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const boundary = '----plaza-form-boundary';
  const fields: Record<string, string> = options.csrf === false ? {} : { _csrf: browser.csrf };
  return t.inject({
    method: 'POST',
    url,
    headers: { cookie: browser.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: multipartBody(boundary, fields, {
      field: 'file',
      name: file.name,
      type: 'text/csv',
      content: file.content,
    }),
  });
}

/** The metadata form as a steward fills it in. */
function metadata(id: string, fields: Record<string, string> = {}): Record<string, string> {
  return {
    id,
    title: `Permits ${id}`,
    slug: '',
    description: 'Building permits issued by the city, one row per permit.',
    category: 'permits-licensing',
    department: 'public-works',
    keywords: 'permits, construction',
    steward_name: 'Permit Desk',
    steward_email: 'permits@city.example',
    steward_phone: '',
    license: 'CC-BY-4.0',
    attribution: 'City of Westminster',
    update_frequency: 'R/P1M',
    access_level: 'public',
    temporal_start: '',
    temporal_end: '',
    west: '',
    south: '',
    east: '',
    north: '',
    ...fields,
  };
}

interface AuditRow {
  action: string;
  actor_id: string | null;
  actor: string;
  target_id: string;
  reason: string | null;
  ip: string | null;
  details: string;
}

async function auditOf(t: TestApp, datasetId: string): Promise<AuditRow[]> {
  return (await t.db.kysely
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'actor', 'target_id', 'reason', 'ip', 'details'])
    .where('target_type', '=', 'dataset')
    .where('target_id', '=', datasetId)
    .orderBy('seq')
    .execute()) as AuditRow[];
}

async function statusOf(t: TestApp, id: string): Promise<string> {
  const res = await t.injectAsAdmin(`/api/v1/datasets/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ status: string }>().status;
}

/** The text of a field's message with this id (tags stripped, whitespace folded). */
function textOf(html: string, id: string): string {
  const match = new RegExp(
    `id="${id}"[^>]*>([\\s\\S]*?)(?=<input|<select|<textarea|</div>|</fieldset>|<div)`,
  ).exec(html);
  return (match?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describeDb('staff console: datasets from the browser', () => {
  let t: TestApp;
  let steward: User;
  let parksSteward: User;
  let clerk: User;
  let s: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    for (const [id, name] of [
      ['public-works', 'Public Works'],
      ['parks', 'Parks and Recreation'],
    ]) {
      const res = await t.injectAsAdmin({
        method: 'PUT',
        url: `/api/v1/departments/${id}`,
        payload: { id, name },
      });
      expect(res.statusCode).toBe(204);
    }
    steward = await createStaff(t, [{ role: 'steward', department: 'public-works' }], {
      name: 'Sam Steward',
    });
    parksSteward = await createStaff(t, [{ role: 'steward', department: 'parks' }]);
    clerk = await createStaff(t, [{ role: 'clerk' }]);
    s = await sessionOf(t, steward);
  });
  afterAll(() => t.close());

  describe('who may open the console', () => {
    it('sends anonymous visitors to sign in, and back afterwards', async () => {
      const res = await t.inject('/staff');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/signin?next=%2Fstaff');
      const edit = await t.inject('/staff/datasets/anything/edit');
      expect(edit.headers.location).toBe('/signin?next=%2Fstaff%2Fdatasets%2Fanything%2Fedit');
    });

    it('answers a developer with a 403 page', async () => {
      const dev = await sessionOf(t, await createDeveloper(t));
      const res = await dev.inject('/staff');
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('The staff console is for city staff');
    });

    it('shows each staff page link only to the roles that use it', async () => {
      const links = (html: string) =>
        [...html.matchAll(/<nav aria-label="Staff console"[\s\S]*?<\/nav>/g)]
          .flatMap((m) => [...m[0].matchAll(/href="([^"]+)"/g)].map((x) => x[1]))
          .sort();
      const stewardPage = await s.inject('/staff');
      expect(stewardPage.statusCode).toBe(200);
      expect(links(stewardPage.body)).toEqual([
        '/staff',
        '/staff/access-requests',
        '/staff/agreements',
        '/staff/datasets/new',
        '/staff/notices',
        '/staff/records',
        '/staff/reports',
      ]);
      const clerkPage = await (await sessionOf(t, clerk)).inject('/staff');
      expect(links(clerkPage.body)).toEqual(['/staff', '/staff/records']);
      const admin = await (await sessionOf(t, await createStaff(t, [{ role: 'admin' }]))).inject('/staff');
      expect(links(admin.body)).toEqual([
        '/staff',
        '/staff/access-requests',
        '/staff/agreements',
        '/staff/audit',
        '/staff/datasets/new',
        '/staff/developers',
        '/staff/mailbox',
        '/staff/notices',
        '/staff/records',
        '/staff/reports',
      ]);
    });

    it('lists a steward their own departments’ datasets in every status, and clerks the published ones', async () => {
      await createDataset(t, { id: 'works-draft', title: 'Works Draft', status: 'draft' });
      await createDataset(t, { id: 'parks-open', title: 'Parks Open', department: 'parks' });
      const page = await s.inject('/staff');
      expect(page.body).toContain('Works Draft');
      expect(page.body).not.toContain('Parks Open');
      expect(page.body).toContain('/staff/datasets/works-draft/edit');
      const clerkPage = await (await sessionOf(t, clerk)).inject('/staff');
      expect(clerkPage.body).toContain('Parks Open');
      expect(clerkPage.body).not.toContain('Works Draft');
      expect(clerkPage.body).not.toContain('/edit');
    });
  });

  describe('publishing a dataset', () => {
    it('offers a steward only their departments', async () => {
      const res = await s.inject('/staff/datasets/new');
      expect(res.statusCode).toBe(200);
      const options = [...res.body.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map(
        (m) => m[1],
      );
      expect(options).toContain('public-works');
      expect(options).not.toContain('parks');
    });

    it('shows the catalog’s problems next to the fields and keeps what was typed', async () => {
      const res = await postForm(
        t,
        s,
        '/staff/datasets/new',
        metadata('bad-form', { steward_email: 'not-an-email', description: 'short', keywords: '' }),
      );
      expect(res.statusCode).toBe(422);
      expect(textOf(res.body, 'steward_email-error')).toContain('"not-an-email" is not an email address');
      expect(textOf(res.body, 'description-error')).toContain('at least a sentence');
      expect(textOf(res.body, 'keywords-error')).toContain('at least one keyword');
      expect(res.body).toContain('value="not-an-email"');
      expect(res.body).toContain('value="Permits bad-form"');
      expect(res.body).toMatch(/<a href="#steward_email">/);
      expect((await t.injectAsAdmin('/api/v1/datasets/bad-form')).statusCode).toBe(404);
    });

    it('refuses another department, chosen by editing the form', async () => {
      const res = await postForm(t, s, '/staff/datasets/new', metadata('sneaky', { department: 'parks' }));
      expect(res.statusCode).toBe(422);
      expect(textOf(res.body, 'department-error')).toContain('departments you publish for');
      expect((await t.injectAsAdmin('/api/v1/datasets/sneaky')).statusCode).toBe(404);
    });

    it('refuses the metadata form without its CSRF token (403) and creates nothing', async () => {
      const res = await postForm(t, s, '/staff/datasets/new', metadata('no-token'), { csrf: false });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect((await t.injectAsAdmin('/api/v1/datasets/no-token')).statusCode).toBe(404);
    });

    it('creates a draft, previews the upload with its bad row, and publishes on Publish', async () => {
      const created = await postForm(t, s, '/staff/datasets/new', metadata('permits-2024'));
      expect(created.statusCode, created.body).toBe(303);
      expect(created.headers.location).toBe('/staff/datasets/permits-2024/data?notice=created');
      expect(await statusOf(t, 'permits-2024')).toBe('draft');
      expect((await t.inject('/datasets/permits-2024')).statusCode).toBe(404);

      const form = await s.inject('/staff/datasets/permits-2024/data');
      expect(form.statusCode).toBe(200);
      expect(form.body).toMatch(
        /<form[^>]+enctype="multipart\/form-data"[\s\S]*name="_csrf"[\s\S]*name="file"/,
      );

      const preview = await upload(t, s, '/staff/datasets/permits-2024/data', {
        name: 'permits.csv',
        content: ONE_BAD_ROW,
      });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.body).toContain('3 rows read; 2 will be imported');
      expect(preview.body).toMatch(/<code>issued<\/code><\/td><td>Date<\/td>/);
      expect(preview.body).toMatch(/<code>amount<\/code><\/td><td>Number<\/td>/);
      expect(preview.body).toMatch(/<td>P-3<\/td>/);
      expect(preview.body).toMatch(/<tr><td>3<\/td><td>—<\/td><td>Line 3 has 4 fields but the header has 3/);
      // Nothing is published by the preview.
      expect(await statusOf(t, 'permits-2024')).toBe('draft');
      const token = /name="upload" value="([a-f0-9]{32})"/.exec(preview.body)?.[1] ?? '';
      expect(token).toHaveLength(32);

      const published = await postForm(t, s, '/staff/datasets/permits-2024/data/publish', {
        upload: token,
        publish: 'yes',
      });
      expect(published.statusCode, published.body).toBe(303);
      expect(published.headers.location).toBe('/staff/datasets/permits-2024?notice=published');
      expect(await statusOf(t, 'permits-2024')).toBe('published');
      expect((await rowsJson(t, 'permits-2024')).map((r) => r.permit)).toEqual(['P-1', 'P-3']);
      const page = await t.inject('/datasets/permits-2024');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Permits permits-2024');

      // The upload is used up: publishing it again publishes nothing.
      const again = await postForm(t, s, '/staff/datasets/permits-2024/data/publish', { upload: token });
      expect(again.headers.location).toBe('/staff/datasets/permits-2024/data?notice=expired');

      const entries = await auditOf(t, 'permits-2024');
      expect(entries.map((e) => e.action)).toEqual(['dataset.create', 'dataset.import', 'dataset.publish']);
      for (const entry of entries) {
        expect(entry).toMatchObject({ actor_id: steward.id, actor: steward.email });
        expect(entry.ip).toBeTruthy();
      }
      expect(JSON.parse(entries[1]?.details ?? '{}')).toMatchObject({
        file_name: 'permits.csv',
        rows_written: 2,
        rows_skipped: 1,
      });
    });

    it('refuses an upload without the form’s CSRF token before storing the file', async () => {
      const res = await upload(
        t,
        s,
        '/staff/datasets/permits-2024/data',
        { name: 'x.csv', content: GOOD_CSV },
        { csrf: false },
      );
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('security token');
    });

    it('saves data without publishing when asked, and publishes later from the overview', async () => {
      await postForm(t, s, '/staff/datasets/new', metadata('quiet-data'));
      const preview = await upload(t, s, '/staff/datasets/quiet-data/data', {
        name: 'q.csv',
        content: GOOD_CSV,
      });
      const token = /name="upload" value="([a-f0-9]{32})"/.exec(preview.body)?.[1] ?? '';
      const saved = await postForm(t, s, '/staff/datasets/quiet-data/data/publish', {
        upload: token,
        publish: 'no',
      });
      expect(saved.headers.location).toBe('/staff/datasets/quiet-data?notice=imported');
      expect(await statusOf(t, 'quiet-data')).toBe('draft');
      const published = await postForm(t, s, '/staff/datasets/quiet-data/publish', {});
      expect(published.statusCode).toBe(303);
      expect(await statusOf(t, 'quiet-data')).toBe('published');
    });

    it('refuses to publish a dataset without data (409)', async () => {
      await postForm(t, s, '/staff/datasets/new', metadata('empty-one'));
      const res = await postForm(t, s, '/staff/datasets/empty-one/publish', {});
      expect(res.statusCode).toBe(409);
      expect(await statusOf(t, 'empty-one')).toBe('draft');
    });
  });

  describe('changing a published dataset', () => {
    it('edits the title and records the changed field only', async () => {
      const form = await s.inject('/staff/datasets/permits-2024/edit');
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('value="Permits permits-2024"');
      const res = await postForm(
        t,
        s,
        '/staff/datasets/permits-2024/edit',
        metadata('permits-2024', { title: 'Building Permits 2024', slug: 'permits-permits-2024' }),
      );
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe('/staff/datasets/permits-2024?notice=updated');
      expect((await t.inject('/datasets/permits-2024')).body).toContain('Building Permits 2024');
      const last = (await auditOf(t, 'permits-2024')).at(-1);
      expect(last?.action).toBe('dataset.update');
      expect(JSON.parse(last?.details ?? '{}')).toMatchObject({ fields: ['title'] });
    });

    it('keeps the values and shows the problem when an edit is refused', async () => {
      const res = await postForm(
        t,
        s,
        '/staff/datasets/permits-2024/edit',
        metadata('permits-2024', { title: 'Building Permits 2024', update_frequency: 'R/P0D' }),
      );
      expect(res.statusCode).toBe(422);
      expect(textOf(res.body, 'update_frequency-error')).toContain('ISO 8601');
    });

    it('replaces the data; a bad file publishes nothing and keeps the old data', async () => {
      const before = await rowsJson(t, 'permits-2024');
      const bad = await upload(t, s, '/staff/datasets/permits-2024/data', {
        name: 'broken.csv',
        content: 'permit,issued\n"P-9,2024-01-01\n',
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('The file was not accepted');
      expect(bad.body).toMatch(/never closed/);
      expect(await rowsJson(t, 'permits-2024')).toEqual(before);

      const allBad = await upload(t, s, '/staff/datasets/permits-2024/data', {
        name: 'ragged.csv',
        content: 'permit,issued\nP-9,2024-01-01,x\nP-10,2024-01-02,y\n',
      });
      expect(allBad.statusCode).toBe(200);
      expect(allBad.body).toContain('No row can be imported');
      expect(allBad.body).not.toContain('name="upload"');
      expect(await rowsJson(t, 'permits-2024')).toEqual(before);
      expect((await auditOf(t, 'permits-2024')).map((e) => e.action)).not.toContain('dataset.replace');

      const preview = await upload(t, s, '/staff/datasets/permits-2024/data', {
        name: 'permits-v2.csv',
        content: GOOD_CSV,
      });
      const token = /name="upload" value="([a-f0-9]{32})"/.exec(preview.body)?.[1] ?? '';
      const replaced = await postForm(t, s, '/staff/datasets/permits-2024/data/publish', {
        upload: token,
        publish: 'yes',
      });
      expect(replaced.headers.location).toBe('/staff/datasets/permits-2024?notice=replaced');
      expect((await rowsJson(t, 'permits-2024')).map((r) => r.permit)).toEqual(['P-1', 'P-2', 'P-3']);
      expect((await auditOf(t, 'permits-2024')).at(-1)?.action).toBe('dataset.replace');
    });

    it('unpublishes only with a reason, after a confirmation page, then republishes', async () => {
      const confirm = await s.inject('/staff/datasets/permits-2024/unpublish');
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Why is it unpublished?');
      const noReason = await postForm(t, s, '/staff/datasets/permits-2024/unpublish', { reason: '  ' });
      expect(noReason.statusCode).toBe(422);
      expect(await statusOf(t, 'permits-2024')).toBe('published');

      const res = await postForm(t, s, '/staff/datasets/permits-2024/unpublish', {
        reason: 'Addresses of private homes were published by mistake.',
      });
      expect(res.statusCode).toBe(303);
      expect(await statusOf(t, 'permits-2024')).toBe('unpublished');
      expect((await t.inject('/datasets/permits-2024')).statusCode).toBe(404);
      expect((await t.inject('/api/v1/datasets/permits-2024/rows.json')).statusCode).toBe(404);
      const last = (await auditOf(t, 'permits-2024')).at(-1);
      expect(last).toMatchObject({
        action: 'dataset.unpublish',
        actor_id: steward.id,
        reason: 'Addresses of private homes were published by mistake.',
      });

      const republished = await postForm(t, s, '/staff/datasets/permits-2024/publish', {});
      expect(republished.headers.location).toBe('/staff/datasets/permits-2024?notice=published');
      expect((await t.inject('/datasets/permits-2024')).statusCode).toBe(200);
      expect((await auditOf(t, 'permits-2024')).at(-1)?.action).toBe('dataset.publish');
    });
  });

  describe('what others may not do', () => {
    it('answers a steward of another department 404 on every page and form of the dataset', async () => {
      const other = await sessionOf(t, parksSteward);
      const before = (await auditOf(t, 'permits-2024')).length;
      for (const path of ['', '/edit', '/data', '/unpublish'])
        expect((await other.inject(`/staff/datasets/permits-2024${path}`)).statusCode, path).toBe(404);
      const edit = await postForm(t, other, '/staff/datasets/permits-2024/edit', metadata('permits-2024'));
      expect(edit.statusCode).toBe(404);
      const unpublish = await postForm(t, other, '/staff/datasets/permits-2024/unpublish', {
        reason: 'mine now',
      });
      expect(unpublish.statusCode).toBe(404);
      const replace = await upload(t, other, '/staff/datasets/permits-2024/data', {
        name: 'x.csv',
        content: GOOD_CSV,
      });
      expect(replace.statusCode).toBe(404);
      expect(await statusOf(t, 'permits-2024')).toBe('published');
      expect((await auditOf(t, 'permits-2024')).length).toBe(before);
    });

    it('does not let a steward publish another steward’s upload', async () => {
      const other = await createStaff(t, [{ role: 'steward', department: 'public-works' }]);
      const preview = await upload(t, s, '/staff/datasets/permits-2024/data', {
        name: 'p.csv',
        content: GOOD_CSV,
      });
      const token = /name="upload" value="([a-f0-9]{32})"/.exec(preview.body)?.[1] ?? '';
      const res = await postForm(t, await sessionOf(t, other), '/staff/datasets/permits-2024/data/publish', {
        upload: token,
      });
      expect(res.headers.location).toBe('/staff/datasets/permits-2024/data?notice=expired');
      const discarded = await postForm(t, s, '/staff/datasets/permits-2024/data/discard', { upload: token });
      expect(discarded.headers.location).toBe('/staff/datasets/permits-2024?notice=discarded');
    });

    it('does not let a clerk publish (403)', async () => {
      const c = await sessionOf(t, clerk);
      expect((await c.inject('/staff/datasets/new')).statusCode).toBe(403);
      const res = await postForm(t, c, '/staff/datasets/new', metadata('clerk-made'));
      expect(res.statusCode).toBe(403);
      expect((await t.injectAsAdmin('/api/v1/datasets/clerk-made')).statusCode).toBe(404);
      expect((await postForm(t, c, '/staff/datasets/works-draft/publish', {})).statusCode).toBe(403);
      expect((await c.inject('/staff/datasets/works-draft/edit')).statusCode).toBe(403);
    });

    it('does not take files for a sensor feed (409)', async () => {
      await createDataset(t, { id: 'air-sensors', kind: 'sensor', update_frequency: 'continuous' });
      expect((await s.inject('/staff/datasets/air-sensors/data')).statusCode).toBe(409);
      const res = await upload(t, s, '/staff/datasets/air-sensors/data', {
        name: 'x.csv',
        content: GOOD_CSV,
      });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('sensor feed');
    });

    it('keeps old data when an import through the API fails too', async () => {
      await createDataset(t, { id: 'api-kept' });
      report(await importCsv(t, 'api-kept', GOOD_CSV));
      const res = await importCsv(t, 'api-kept', 'permit,issued\n"P-9,2024-01-01\n');
      expect(res.statusCode).toBe(422);
      expect((await rowsJson(t, 'api-kept')).length).toBe(3);
    });
  });
});
