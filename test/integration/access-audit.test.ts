/**
 * The audit log's tools: search (filters, keyset pages newest first), CSV export, the staff page, and who may
 * use them. Entries are written through the audit service, some with a fixed clock to place them in time.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditService, type AuditEntry } from '../../src/access/audit/audit.service.js';
import {
  createDeveloper,
  createKey,
  createStaff,
  keyHeaders,
  sessionOf,
  type Browser,
} from '../fixtures/accounts.js';
import { parseRfc4180, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

interface Page {
  entries: AuditEntry[];
  next: string | null;
}

describeDb('audit log: search, export, page', () => {
  let t: TestApp;
  let admin: Browser;
  const search = async (query: string) => {
    const res = await t.injectAsAdmin(`/api/v1/admin/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };
  const seqs = (page: Page) => page.entries.map((e) => e.seq);

  beforeAll(async () => {
    t = await setUpApp();
    admin = await sessionOf(t, await createStaff(t, [{ role: 'admin' }], { email: 'ada@city.example' }));
    const at = (iso: string) => auditService({ db: t.db, now: () => new Date(iso) });
    // 1 and 2 straddle the start of 1 March in Westminster (America/Los_Angeles: 08:00Z).
    await at('2026-03-01T07:30:00Z').record({
      action: 'key.create',
      actorId: 'u-dana',
      actor: 'dana@example.org',
      targetType: 'api_key',
      targetId: 'k-1',
    });
    await at('2026-03-01T08:30:00Z').record({
      action: 'key.suspend',
      actorId: admin.user.id,
      actor: 'ada@city.example',
      targetType: 'api_key',
      targetId: 'k-1',
      reason: 'Scraping, "10M requests", in an hour\nagain',
      ip: '203.0.113.9',
      details: { category: 'abuse' },
    });
    await at('2026-03-02T18:00:00Z').record({
      action: 'user.suspend',
      actorId: null,
      actor: 'admin token',
      targetType: 'user',
      targetId: 'u-dana',
      reason: 'Attribution missing: 100% of the map tiles',
    });
    await at('2026-03-03T18:00:00Z').record({
      action: 'dataset.publish',
      actorId: 'u-steward',
      actor: 'sam@city.example',
      targetType: 'dataset',
      targetId: 'trees',
    });
    await at('2026-03-04T18:00:00Z').record({
      action: 'key.revoke',
      actorId: admin.user.id,
      actor: 'ada@city.example',
      targetType: 'api_key',
      targetId: 'k-2',
      reason: 'Leaked in a public repository',
    });
  });
  afterAll(() => t.close());

  it('lists every entry newest first, a keyset page at a time', async () => {
    const first = await search('?limit=2');
    expect(seqs(first)).toEqual([5, 4]);
    expect(first.next).toBe('4');
    const second = await search(`?limit=2&cursor=${first.next}`);
    expect(seqs(second)).toEqual([3, 2]);
    // An entry appended meanwhile does not shift the pages already cut.
    await t.app.services.access.audit.record({ action: 'dataset.update', actorId: null, actor: 'system' });
    const third = await search(`?limit=2&cursor=${second.next}`);
    expect(seqs(third)).toEqual([1]);
    expect(third.next).toBeNull();
    expect(third.entries[0]).toMatchObject({
      action: 'key.create',
      actor: 'dana@example.org',
      targetType: 'api_key',
      targetId: 'k-1',
      at: '2026-03-01T07:30:00.000Z',
    });
    expect(third.entries[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('filters by action, a noun’s actions, actor, target, days and text', async () => {
    expect(seqs(await search('?action=key.suspend'))).toEqual([2]);
    expect(seqs(await search('?action=key.*'))).toEqual([5, 2, 1]);
    expect(seqs(await search('?action=key'))).toEqual([5, 2, 1]);
    expect(seqs(await search('?actor=ADA@city.example'))).toEqual([5, 2]);
    expect(seqs(await search(`?actor=${admin.user.id}`))).toEqual([5, 2]);
    expect(seqs(await search('?actor=admin%20token'))).toEqual([3]);
    expect(seqs(await search('?target=api_key:k-1'))).toEqual([2, 1]);
    expect(seqs(await search('?target=u-dana'))).toEqual([3]);
    expect(seqs(await search('?target=user:k-1'))).toEqual([]);
    // Whole days in the city's time zone: 1 March starts at 08:00Z.
    expect(seqs(await search('?from=2026-03-01&to=2026-03-01'))).toEqual([2]);
    expect(seqs(await search('?from=2026-03-02&to=2026-03-03'))).toEqual([4, 3]);
    expect(seqs(await search('?to=2026-02-28'))).toEqual([1]);
    expect(seqs(await search('?from=2026-03-01T07:00:00Z&to=2026-03-01T08:00:00Z'))).toEqual([1]);
    expect(seqs(await search('?q=SCRAPING'))).toEqual([2]);
    expect(seqs(await search('?q=100%25'))).toEqual([3]);
    expect(seqs(await search('?q=10%25'))).toEqual([]);
    expect(seqs(await search('?q=abuse'))).toEqual([2]);
    expect(seqs(await search('?q=203.0.113'))).toEqual([2]);
    expect(seqs(await search('?action=key.*&actor=ada@city.example&from=2026-03-02'))).toEqual([5]);
  });

  it('says which filter to fix', async () => {
    for (const query of [
      '?from=2026-02-30',
      '?from=yesterday',
      '?action=key.*.x',
      '?from=2026-03-05&to=2026-03-01',
      '?cursor=abc',
    ]) {
      const res = await t.injectAsAdmin(`/api/v1/admin/audit${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code, query).toMatch(
        /^(audit\.invalid_filter|request\.invalid)$/,
      );
    }
  });

  it('exports the matching entries as CSV, oldest first, quoting what needs it', async () => {
    const res = await t.injectAsAdmin('/api/v1/admin/audit.csv?action=key.*');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-log\.csv"/);
    const rows = parseRfc4180(res.body);
    expect(rows[0]).toEqual([
      'seq',
      'at',
      'actor_id',
      'actor',
      'action',
      'target_type',
      'target_id',
      'reason',
      'ip',
      'details',
      'hash',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '5']);
    expect(rows[2]![7]).toBe('Scraping, "10M requests", in an hour\nagain');
    expect(JSON.parse(rows[2]![9]!)).toEqual({ category: 'abuse' });
    const api = await search('?action=key.suspend');
    expect(rows[2]![10]).toBe(api.entries[0]!.hash);
  });

  it('checks the chain through the API', async () => {
    const res = await t.injectAsAdmin('/api/v1/admin/audit/verify');
    expect(res.statusCode).toBe(200);
    const newest = (await search('?limit=1')).entries[0]!;
    expect(res.json()).toEqual({ ok: true, entries: 6, last: { seq: 6, hash: newest.hash } });
  });

  it('may not be read by developers, stewards or anonymous callers', async () => {
    const developer = await createDeveloper(t);
    const key = await createKey(t, developer);
    const steward = await sessionOf(
      t,
      await createStaff(t, [{ role: 'steward', department: 'public-works' }]),
    );
    for (const url of ['/api/v1/admin/audit', '/api/v1/admin/audit.csv', '/api/v1/admin/audit/verify']) {
      expect((await t.inject({ url, headers: keyHeaders(key.secret) })).statusCode, url).toBe(403);
      expect((await steward.inject(url)).statusCode, url).toBe(403);
      expect((await t.inject(url)).statusCode, url).toBe(401);
    }
    const page = await steward.inject('/staff/audit');
    expect(page.statusCode).toBe(403);
    const anonymous = await t.inject('/staff/audit?action=key.*');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/signin?next=%2Fstaff%2Faudit%3Faction%3Dkey.*');
  });

  it('shows admins a filtered page with the CSV link and older entries', async () => {
    const res = await admin.inject('/staff/audit?action=key.*');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>Audit log</h1>');
    expect(html).toContain('<code>key.suspend</code>');
    expect(html).toContain('Scraping, &quot;10M requests&quot;');
    expect(html).not.toContain('dataset.publish');
    expect(html).toContain('href="/api/v1/admin/audit.csv?action=key.*"');
    // The CSV link works with the session, like the page.
    expect((await admin.inject('/api/v1/admin/audit.csv?action=key.*')).statusCode).toBe(200);
    const bad = await admin.inject('/staff/audit?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('role="alert"');
    const verify = await admin.inject('/staff/audit/verify');
    expect(verify.body).toContain('The chain is intact');
  });
});
