/**
 * The metadata watch on a clock the test controls: an incomplete dataset gets a corrective notice with what to
 * fix and a due date, mailed to its department's stewards; the list follows the fixes; past the due date it
 * escalates to the administrators; complete metadata closes it. Every step is in the audit log.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStaff, sessionOf } from '../fixtures/accounts.js';
import { describeDb } from '../support/index.js';
import {
  auditOf,
  COMPLETE,
  DAY,
  mailTo,
  noticesOf,
  setUpStewardship,
  watchedDataset,
  type Stewardship,
} from './stewardship-setup.js';

describeDb('stewardship: corrective notices for incomplete metadata', () => {
  let s: Stewardship;
  const t0 = new Date();
  const at = (days: number) => new Date(t0.getTime() + days * DAY);
  const watch = (days: number) => s.t.app.services.stewardship.runWatch(at(days));

  beforeAll(async () => {
    s = await setUpStewardship();
    await watchedDataset(s.t, 'potholes');
    await watchedDataset(s.t, 'sidewalks', {
      description: 'Sidewalk repairs.',
      keywords: ['sidewalks'],
      steward: { name: 'Street Maintenance', email: 'streets@city.example' },
    });
  });
  afterAll(() => s.t.close());

  it('sends a notice listing what is missing, with its due date, to the stewards of the department', async () => {
    const run = await watch(0);
    expect(run).toMatchObject({ opened: 1, escalated: 0, resolved: 0, withdrawn: 0 });

    const [notice, ...others] = await noticesOf(s.steward);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({
      datasetId: 'sidewalks',
      datasetTitle: 'Dataset sidewalks',
      departmentId: 'public-works',
      kind: 'metadata',
      state: 'open',
      issuedAt: at(0).toISOString(),
      dueAt: at(14).toISOString(),
      escalatedAt: null,
      withdrawnAt: null,
    });
    expect(notice!.problems.map((p) => p.field).sort()).toEqual(['description', 'keywords', 'steward.phone']);
    expect(notice!.problems.find((p) => p.field === 'keywords')!.message).toBe(
      'add keywords: at least 3 keywords (it has 1)',
    );

    const [mail, ...more] = await mailTo(s.t, s.steward.user.email, 'stewardship_notice');
    expect(more).toEqual([]);
    expect(mail!.subject).toContain('"Dataset sidewalks"');
    expect(mail!.body).toContain('- keywords: add keywords: at least 3 keywords (it has 1)');
    expect(mail!.body).toContain("- steward.phone: give the steward's telephone number");
    expect(mail!.body).toContain('http://plaza.test/staff/datasets/sidewalks/edit');
    const due = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'long',
      timeZone: 'America/Los_Angeles',
    }).format(at(14));
    expect(mail!.subject).toContain(due);
    // The other department's steward hears nothing and sees nothing.
    expect(await mailTo(s.t, s.outsider.user.email, 'stewardship_notice')).toEqual([]);
    expect(await noticesOf(s.outsider)).toEqual([]);
    expect(await auditOf(s.t, 'sidewalks')).toEqual(['notice.open']);
    expect(await auditOf(s.t, 'potholes')).toEqual([]);
  });

  it('sends it once, however often the watch runs, and follows the fixes in its list', async () => {
    expect(await watch(0.1)).toMatchObject({ opened: 0, escalated: 0, resolved: 0 });
    const fix = await s.t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/sidewalks',
      payload: { keywords: COMPLETE.keywords },
    });
    expect(fix.statusCode, fix.body).toBe(200);
    expect(await watch(1)).toMatchObject({ opened: 0, escalated: 0, resolved: 0 });
    const [notice] = await noticesOf(s.steward);
    expect(notice!.problems.map((p) => p.field).sort()).toEqual(['description', 'steward.phone']);
    expect(notice!.dueAt).toBe(at(14).toISOString());
    expect(await mailTo(s.t, s.steward.user.email, 'stewardship_notice')).toHaveLength(1);
  });

  it('escalates to the administrators past the due date, leaving the dataset published by default', async () => {
    expect(await watch(13.9)).toMatchObject({ escalated: 0 });
    expect(await watch(14.1)).toMatchObject({ escalated: 1, withdrawn: 0 });
    expect(await watch(14.2)).toMatchObject({ escalated: 0 });
    const [notice] = await noticesOf(s.steward, '?state=escalated');
    expect(notice).toMatchObject({
      state: 'escalated',
      escalatedAt: at(14.1).toISOString(),
      withdrawnAt: null,
    });
    const [mail, ...more] = await mailTo(s.t, s.admin.email, 'stewardship_escalation');
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Escalated: "Dataset sidewalks" is past its metadata due date');
    expect(mail!.body).toContain('The city policy does not withdraw datasets; it stays published.');
    expect((await s.t.inject('/api/v1/datasets/sidewalks')).statusCode).toBe(200);
    expect(await auditOf(s.t, 'sidewalks')).toEqual(['notice.open', 'notice.escalate']);
  });

  it('closes the notice once the metadata is complete, and tells the stewards', async () => {
    const fix = await s.t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/sidewalks',
      payload: { description: COMPLETE.description, steward: COMPLETE.steward },
    });
    expect(fix.statusCode, fix.body).toBe(200);
    expect(await watch(15)).toMatchObject({ resolved: 1, republished: 0 });
    expect(await noticesOf(s.steward, '?state=unresolved')).toEqual([]);
    const [closed] = await noticesOf(s.steward, '?state=resolved');
    expect(closed).toMatchObject({
      datasetId: 'sidewalks',
      state: 'resolved',
      resolvedAt: at(15).toISOString(),
    });
    const [mail] = await mailTo(s.t, s.steward.user.email, 'stewardship_resolved');
    expect(mail!.subject).toBe('Notice closed: the metadata of "Dataset sidewalks" is complete');
    expect(await auditOf(s.t, 'sidewalks')).toEqual(['notice.open', 'notice.escalate', 'notice.resolve']);
    expect(await watch(16)).toMatchObject({ opened: 0, resolved: 0 });
  });

  it('leaves drafts alone until they are published', async () => {
    await watchedDataset(s.t, 'draft-potholes', { status: 'draft', keywords: ['one'] });
    expect(await watch(17)).toMatchObject({ opened: 0 });
    await s.t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/draft-potholes',
      payload: { status: 'published' },
    });
    expect(await watch(17.1)).toMatchObject({ opened: 1 });
  });
  it('lists the notices on the staff page of the steward, with what to fix and a link to edit', async () => {
    const page = await s.steward.inject('/staff/notices');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/staff/datasets/draft-potholes/edit"');
    expect(page.body).toContain('add keywords: at least 3 keywords (it has 1)');
    expect(page.body).not.toContain('Dataset sidewalks');
    const resolved = await s.steward.inject('/staff/notices?state=resolved');
    expect(resolved.body).toContain('Dataset sidewalks');
    expect(resolved.body).toContain('Resolved');
    const other = await s.outsider.inject('/staff/notices');
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('No notices here.');
    expect(other.body).not.toContain('draft-potholes');
    const admin = await (await sessionOf(s.t, s.admin)).inject('/staff/notices?state=all');
    expect(admin.body).toContain('Dataset sidewalks');
    expect(admin.body).toContain('Dataset draft-potholes');
    const clerk = await sessionOf(s.t, await createStaff(s.t, [{ role: 'clerk' }]));
    expect((await clerk.inject('/staff/notices')).statusCode).toBe(403);
    expect((await clerk.inject('/api/v1/staff/notices')).statusCode).toBe(403);
  });
});
