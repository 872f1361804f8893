/** What the stewardship tests share: an app with a department, its steward, an admin, and datasets to watch. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { User } from '../../src/access/users/users.service.js';
import { defaultCityDir } from '../../src/city/city.js';
import type { StewardNotice } from '../../src/desk/stewardship/stewardship.types.js';
import { createStaff, sessionOf, type Browser } from '../fixtures/accounts.js';
import { createDataset, importCsv } from '../fixtures/tables.js';
import { createTestApp, type TestApp, type TestAppOptions } from '../support/index.js';

export const DAY = 86_400_000;

/** Metadata that passes DCAT-US and Westminster's rules (with data imported). */
export const COMPLETE = {
  description:
    'Potholes reported to the city and repaired by street crews: one row is one repair, with the street and the number of potholes filled. Updated every month from the work order system.',
  keywords: ['potholes', 'streets', 'repairs'],
  steward: { name: 'Street Maintenance', email: 'streets@city.example', phone: '(714) 555-0142' },
};

export interface Stewardship {
  t: TestApp;
  steward: Browser;
  admin: User;
  /** A steward of another department. */
  outsider: Browser;
}

/** A city folder like Westminster's, with its stewardship policy changed. */
export function cityWith(policy: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plaza-city-'));
  const profile = JSON.parse(readFileSync(join(defaultCityDir(), 'city.json'), 'utf8')) as {
    stewardship: Record<string, unknown>;
  };
  profile.stewardship = { ...profile.stewardship, ...policy };
  writeFileSync(join(dir, 'city.json'), JSON.stringify(profile));
  copyFileSync(join(defaultCityDir(), 'holidays.json'), join(dir, 'holidays.json'));
  return dir;
}

export async function setUpStewardship(options: TestAppOptions = {}): Promise<Stewardship> {
  const t = await createTestApp(options);
  for (const [id, name] of [
    ['public-works', 'Public Works'],
    ['parks', 'Parks and Recreation'],
  ]) {
    const res = await t.injectAsAdmin({
      method: 'PUT',
      url: `/api/v1/departments/${id}`,
      payload: { id, name, email: `${id}@city.example`, phone: '(714) 555-0100' },
    });
    expect(res.statusCode, res.body).toBe(204);
  }
  const steward = await sessionOf(t, await createStaff(t, [{ role: 'steward', department: 'public-works' }]));
  const outsider = await sessionOf(t, await createStaff(t, [{ role: 'steward', department: 'parks' }]));
  const admin = await createStaff(t, [{ role: 'admin' }]);
  return { t, steward, admin, outsider };
}

/** A published dataset of Public Works with data; complete unless `overrides` take something away. */
export async function watchedDataset(t: TestApp, id: string, overrides: Record<string, unknown> = {}) {
  const dataset = await createDataset(t, { id, ...COMPLETE, ...overrides });
  expect((await importCsv(t, id, 'street,potholes\nMain St,3\nBolsa Ave,1\n')).statusCode).toBe(201);
  return dataset;
}

export async function mailTo(t: TestApp, to: string, kind: string) {
  return (await t.app.services.access.outbox.list({ to, limit: 500 })).filter((m) => m.kind === kind);
}

export async function auditOf(t: TestApp, datasetId: string): Promise<string[]> {
  const rows = await t.db.kysely
    .selectFrom('audit_log')
    .select(['action', 'actor'])
    .where('target_id', '=', datasetId)
    .where('actor', '=', 'system')
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

export async function noticesOf(browser: Browser, query = ''): Promise<StewardNotice[]> {
  const res = await browser.inject(`/api/v1/staff/notices${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ results: StewardNotice[] }>().results;
}
