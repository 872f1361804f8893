/**
 * Restricted data stays restricted on every endpoint: a table of every route the app registers, each with the
 * rule it must follow, walked for every kind of caller against datasets of every access level. A route that is
 * added without a line here fails the first test, so that nobody forgets to decide what it may show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, describeDb, adminHeaders, type TestApp } from '../support/index.js';
import { createDataset, importCsv } from '../fixtures/tables.js';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { createDeveloper, createKey, createStaff, keyHeaders, sessionOf } from '../fixtures/accounts.js';

type Level = 'public' | 'restricted' | 'non-public' | 'draft';
type Kind = 'table' | 'sensor';
/** What a caller may know of a dataset: nothing, its metadata, or its data too. */
type Reach = 'hidden' | 'metadata' | 'data';

type Rule =
  /** Serves no dataset's data or metadata. */
  | { rule: 'open'; why: string }
  /** Staff or the account holder only: anonymous 401, a developer without the role 403. */
  | { rule: 'signed-in'; url: string; method?: string; developer: number; why?: string }
  /** A dataset's metadata: 404 when hidden, 200 otherwise. */
  | { rule: 'metadata'; kind: Kind; url: (id: string) => string }
  /** A dataset's data: 404 when hidden, 403 dataset.restricted when only its metadata may be seen. */
  | { rule: 'data'; kind: Kind; url: (id: string) => string; ok?: (res: LightMyRequestResponse) => boolean }
  /** A datastream's data: as `data`, through the datastream's dataset. */
  | { rule: 'datastream'; url: (datastream: number) => string }
  /** SensorThings: entities of datasets whose data the caller may not read do not exist (404 / absent). */
  | { rule: 'sensorthings'; url: (thing: number, datastream: number) => string }
  /** A list: never names a hidden dataset, and counts only what the caller may see. */
  | { rule: 'list'; url: string }
  /** Staff pages and APIs: anonymous callers are sent to sign in (pages) or get 401; developers get 403. */
  | { rule: 'staff'; url: string; method?: string; page: boolean }
  /**
   * The caller's own account, keys and requests: anonymous callers are sent to sign in (pages) or get 401;
   * what belongs to someone else is tested as "may not" in the module's own tests.
   */
  | { rule: 'own'; url: string; method?: string; page: boolean }
  /** The access-request form: names only a dataset the caller may see. */
  | { rule: 'request-form' }
  /** The live feed: refusals are checked here, streams in sensors-live.test.ts. */
  | { rule: 'live' }
  /** Tested where the credential it needs is made (device tokens). */
  | { rule: 'elsewhere'; where: string };

const DEVICE = 'device tokens: sensors-ingest, sensors-mqtt and sensorthings-write tests';

const RULES: Record<string, Rule> = {
  // quality reports: JSON API
  'GET /api/v1/reports': {
    rule: 'open',
    why: 'reports of public data only: restricted and hidden datasets never named (reports-may-not test)',
  },
  'GET /api/v1/reports/:number': {
    rule: 'open',
    why: 'a report of public data only, else report.not_found (reports-may-not test)',
  },
  'GET /api/v1/reports/follow/:token': { rule: 'open', why: 'private link: the token is the key' },
  'POST /api/v1/reports': {
    rule: 'open',
    why: 'filing a report about a dataset the caller may see (reports-filing and reports-may-not tests)',
  },
  'GET /api/v1/staff/reports': { rule: 'staff', url: '/api/v1/staff/reports', page: false },
  'GET /api/v1/staff/reports/:number': { rule: 'staff', url: '/api/v1/staff/reports/x', page: false },
  'POST /api/v1/staff/reports/:number/assign': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/staff/reports/x/assign',
    page: false,
  },
  'POST /api/v1/staff/reports/:number/notes': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/staff/reports/x/notes',
    page: false,
  },
  'POST /api/v1/staff/reports/:number/replies': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/staff/reports/x/replies',
    page: false,
  },
  'POST /api/v1/staff/reports/:number/status': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/staff/reports/x/status',
    page: false,
  },
  // quality reports: pages
  'GET /datasets/:id/report': { rule: 'metadata', kind: 'table', url: (id) => `/datasets/${id}/report` },
  'POST /datasets/:id/report': {
    rule: 'open',
    why: 'filing a quality report: the dataset as the caller may see it, hidden ones not found (reports-pages test)',
  },
  'GET /reports': { rule: 'list', url: '/reports?status=all' },
  'GET /reports/:number': {
    rule: 'open',
    why: 'a report about data the public may read; any other is not found (reports-pages test)',
  },
  'GET /reports/filed/:token': { rule: 'open', why: 'private link: the token is the key' },
  'GET /reports/follow/:token': { rule: 'open', why: 'private link: the token is the key' },
  'GET /staff/reports': { rule: 'staff', url: '/staff/reports', page: true },
  'GET /staff/reports/:number': { rule: 'staff', url: '/staff/reports/x', page: true },
  'POST /staff/reports/:number/assign': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/reports/x/assign',
    page: true,
  },
  'POST /staff/reports/:number/notes': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/reports/x/notes',
    page: true,
  },
  'POST /staff/reports/:number/replies': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/reports/x/replies',
    page: true,
  },
  'POST /staff/reports/:number/status': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/reports/x/status',
    page: true,
  },
  // status board
  'GET /status': { rule: 'list', url: '/status' },
  'GET /status.json': { rule: 'list', url: '/status.json' },
  'GET /api/v1/status': { rule: 'list', url: '/api/v1/status' },
  // stewardship
  'GET /api/v1/staff/notices': { rule: 'staff', url: '/api/v1/staff/notices', page: false },
  'GET /staff/notices': { rule: 'staff', url: '/staff/notices', page: true },
  'GET /': { rule: 'list', url: '/' },
  'GET /about': { rule: 'open', why: "the city's text about the portal" },
  'GET /api/docs': { rule: 'open', why: 'the API reference' },
  'GET /api/docs/json': { rule: 'open', why: 'the API reference' },
  'GET /api/docs/yaml': { rule: 'open', why: 'the API reference' },
  'GET /api/docs/static/*': { rule: 'open', why: 'the API reference' },
  'GET /api/docs/static/index.html': { rule: 'open', why: 'the API reference' },
  'GET /api/docs/static/swagger-initializer.js': { rule: 'open', why: 'the API reference' },
  'GET /api/openapi.json': { rule: 'open', why: 'the API description' },
  'GET /assets/plaza.css': { rule: 'open', why: 'the stylesheet' },
  'GET /assets/css/:file': { rule: 'open', why: 'the stylesheet' },
  'GET /assets/js/:file': { rule: 'open', why: 'client scripts shipped with the code' },
  'GET /assets/city/seal': { rule: 'open', why: "the city's seal" },
  'GET /assets/:folder/*': { rule: 'open', why: 'design system, map and chart files shipped with the code' },
  'GET /datasets': { rule: 'list', url: '/datasets' },
  'GET /departments': { rule: 'list', url: '/departments' },
  'GET /departments/:id': { rule: 'list', url: '/departments/public-works' },
  'GET /developers': { rule: 'open', why: 'how to use the APIs: no dataset data' },
  'GET /docs/:name': { rule: 'open', why: 'guides shipped with the code' },
  'GET /faq': { rule: 'open', why: "the city's questions and answers" },
  'GET /healthz': { rule: 'open', why: 'liveness' },
  'GET /licences': { rule: 'open', why: "the city's text about data licences" },
  'GET /live': { rule: 'list', url: '/live' },
  'GET /privacy': { rule: 'open', why: "the city's privacy text" },
  'GET /readyz': { rule: 'open', why: 'readiness' },
  'GET /records': { rule: 'open', why: 'the records desk: the law in plain words and the request form' },
  'GET /records/filed/:token': { rule: 'open', why: 'private link: the token is the key' },
  'GET /records/follow/:token': { rule: 'open', why: 'private link: the token is the key' },
  'GET /records/log': { rule: 'open', why: 'the public records log: published requests, never who asked' },
  'GET /records/log/:number': {
    rule: 'open',
    why: 'one published records request; linked datasets only as the public sees them',
  },
  'GET /records/numbers': { rule: 'open', why: 'counts of records requests: no dataset data' },
  'GET /robots.txt': { rule: 'open', why: 'what crawlers may read: no dataset named' },
  'GET /sitemap.xml': { rule: 'list', url: '/sitemap.xml' },
  'GET /api/v1/categories': { rule: 'list', url: '/api/v1/categories' },
  'GET /api/v1/departments': { rule: 'list', url: '/api/v1/departments' },
  'GET /api/v1/licenses': { rule: 'list', url: '/api/v1/licenses' },
  'GET /api/v1/datasets': { rule: 'list', url: '/api/v1/datasets?limit=100' },
  'GET /api/v1/datasets/:id': { rule: 'metadata', kind: 'table', url: (id) => `/api/v1/datasets/${id}` },
  'GET /datasets/:id': { rule: 'metadata', kind: 'table', url: (id) => `/datasets/${id}` },
  'GET /datasets/:id/table': { rule: 'data', kind: 'table', url: (id) => `/datasets/${id}/table` },
  'GET /api/v1/datasets/:id/rows.csv': {
    rule: 'data',
    kind: 'table',
    url: (id) => `/api/v1/datasets/${id}/rows.csv`,
  },
  'GET /api/v1/datasets/:id/rows.json': {
    rule: 'data',
    kind: 'table',
    url: (id) => `/api/v1/datasets/${id}/rows.json`,
  },
  'GET /api/v1/datasets/:id/rows.ndjson': {
    rule: 'data',
    kind: 'table',
    url: (id) => `/api/v1/datasets/${id}/rows.ndjson`,
  },
  'GET /api/v1/datasets/:id/rows.geojson': {
    rule: 'data',
    kind: 'table',
    url: (id) => `/api/v1/datasets/${id}/rows.geojson`,
    ok: noGeometry,
  },
  'GET /api/v1/datasets/:id/query': {
    rule: 'data',
    kind: 'table',
    url: (id) => `/api/v1/datasets/${id}/query?$limit=1`,
  },
  'GET /api/v1/datasets/:id/query.csv': {
    rule: 'data',
    kind: 'table',
    url: (id) => `/api/v1/datasets/${id}/query.csv?$limit=1`,
  },
  'GET /api/v1/datasets/:id/query.geojson': {
    rule: 'data',
    kind: 'table',
    url: (id) => `/api/v1/datasets/${id}/query.geojson?$limit=1`,
    ok: noGeometry,
  },
  'POST /api/v1/datasets/:id/query': {
    rule: 'data',
    kind: 'table',
    url: (id) => `POST /api/v1/datasets/${id}/query`,
  },
  'GET /resource/:id': { rule: 'data', kind: 'table', url: (id) => `/resource/${id}?$limit=1` },
  'GET /resource/:id.json': { rule: 'data', kind: 'table', url: (id) => `/resource/${id}.json?$limit=1` },
  'GET /resource/:id.csv': { rule: 'data', kind: 'table', url: (id) => `/resource/${id}.csv?$limit=1` },
  'GET /resource/:id.geojson': {
    rule: 'data',
    kind: 'table',
    url: (id) => `/resource/${id}.geojson?$limit=1`,
    ok: noGeometry,
  },
  'GET /api/v1/datasets/:id/latest': {
    rule: 'data',
    kind: 'sensor',
    url: (id) => `/api/v1/datasets/${id}/latest`,
  },
  'GET /api/v1/datasets/:id/latest.geojson': {
    rule: 'data',
    kind: 'sensor',
    url: (id) => `/api/v1/datasets/${id}/latest.geojson`,
  },
  'GET /api/v1/datasets/:id/observations.csv': {
    rule: 'data',
    kind: 'sensor',
    url: (id) =>
      `/api/v1/datasets/${id}/observations.csv?start=2026-03-01T00:00:00Z&end=2026-03-02T00:00:00Z`,
  },
  'GET /api/v1/datastreams/:id/observations': {
    rule: 'datastream',
    url: (id) => `/api/v1/datastreams/${id}/observations`,
  },
  'GET /api/v1/datastreams/:id/observations.csv': {
    rule: 'datastream',
    url: (id) => `/api/v1/datastreams/${id}/observations.csv`,
  },
  'GET /api/v1/datastreams/:id/series': {
    rule: 'datastream',
    url: (id) =>
      `/api/v1/datastreams/${id}/series?interval=1h&start=2026-03-01T00:00:00Z&end=2026-03-02T00:00:00Z`,
  },
  'GET /api/v1/datastreams/:id/series.csv': {
    rule: 'datastream',
    url: (id) =>
      `/api/v1/datastreams/${id}/series.csv?interval=1h&start=2026-03-01T00:00:00Z&end=2026-03-02T00:00:00Z`,
  },
  'GET /api/v1/live': { rule: 'live' },
  'GET /sta/v1.1': { rule: 'open', why: 'the SensorThings landing page' },
  'GET /sta/v1.1/Things': { rule: 'sensorthings', url: (thing) => `/sta/v1.1/Things(${thing})` },
  'GET /sta/v1.1/Datastreams': { rule: 'sensorthings', url: (_, ds) => `/sta/v1.1/Datastreams(${ds})` },
  'GET /sta/v1.1/Observations': {
    rule: 'sensorthings',
    url: (_, ds) => `/sta/v1.1/Datastreams(${ds})/Observations`,
  },
  'GET /sta/v1.1/Locations': { rule: 'sensorthings', url: (thing) => `/sta/v1.1/Things(${thing})/Locations` },
  'GET /sta/v1.1/HistoricalLocations': {
    rule: 'sensorthings',
    url: (thing) => `/sta/v1.1/Things(${thing})/HistoricalLocations`,
  },
  'GET /sta/v1.1/Sensors': { rule: 'sensorthings', url: (_, ds) => `/sta/v1.1/Datastreams(${ds})/Sensor` },
  'GET /sta/v1.1/ObservedProperties': {
    rule: 'sensorthings',
    url: (_, ds) => `/sta/v1.1/Datastreams(${ds})/ObservedProperty`,
  },
  'GET /sta/v1.1/FeaturesOfInterest': {
    rule: 'sensorthings',
    url: (_, ds) => `/sta/v1.1/Datastreams(${ds})/Observations?$expand=FeatureOfInterest`,
  },
  'GET /sta/v1.1/*': { rule: 'sensorthings', url: (thing) => `/sta/v1.1/Things(${thing})/Datastreams` },
  'POST /sta/v1.1/*': { rule: 'elsewhere', where: DEVICE },
  'POST /sta/v1.1/Observations': { rule: 'elsewhere', where: DEVICE },
  'POST /sta/v1.1/CreateObservations': { rule: 'elsewhere', where: DEVICE },
  'PATCH /sta/v1.1/*': { rule: 'staff', method: 'PATCH', url: '/sta/v1.1/Datastreams(1)', page: false },
  'POST /api/v1/observations': { rule: 'elsewhere', where: DEVICE },
  'DELETE /api/v1/account/keys/:id': {
    rule: 'own',
    method: 'DELETE',
    url: '/api/v1/account/keys/x',
    page: false,
  },
  'DELETE /api/v1/session': { rule: 'open', why: 'signing out (a no-op without a session)' },
  'GET /access/request': { rule: 'request-form' },
  'GET /access/requests': { rule: 'own', url: '/access/requests', page: true },
  'GET /access/requests/:id': { rule: 'own', url: '/access/requests/x', page: true },
  'GET /account': { rule: 'own', url: '/account', page: true },
  'GET /account/keys/:id': { rule: 'own', url: '/account/keys/x', page: true },
  'GET /account/keys/:id/revoke': { rule: 'own', url: '/account/keys/x/revoke', page: true },
  'GET /api/v1/access-requests': { rule: 'own', url: '/api/v1/access-requests', page: false },
  'GET /api/v1/access-requests/:id': { rule: 'own', url: '/api/v1/access-requests/x', page: false },
  'GET /api/v1/account': { rule: 'own', url: '/api/v1/account', page: false },
  'GET /api/v1/account/keys': { rule: 'own', url: '/api/v1/account/keys', page: false },
  'GET /api/v1/account/keys/:id': { rule: 'own', url: '/api/v1/account/keys/x', page: false },
  'GET /api/v1/account/keys/:id/usage': { rule: 'own', url: '/api/v1/account/keys/x/usage', page: false },
  'GET /api/v1/admin/audit': { rule: 'staff', url: '/api/v1/admin/audit', page: false },
  'GET /api/v1/admin/audit.csv': { rule: 'staff', url: '/api/v1/admin/audit.csv', page: false },
  'GET /api/v1/admin/audit/verify': { rule: 'staff', url: '/api/v1/admin/audit/verify', page: false },
  'GET /api/v1/admin/developers': { rule: 'staff', url: '/api/v1/admin/developers', page: false },
  'GET /api/v1/admin/developers/:id': { rule: 'staff', url: '/api/v1/admin/developers/x', page: false },
  'GET /api/v1/session': { rule: 'open', why: 'who am I (anonymous says so)' },
  'GET /api/v1/staff/access-requests': { rule: 'staff', url: '/api/v1/staff/access-requests', page: false },
  'GET /api/v1/staff/access-requests/:id': {
    rule: 'staff',
    url: '/api/v1/staff/access-requests/x',
    page: false,
  },
  'GET /api/v1/staff/agreements': { rule: 'staff', url: '/api/v1/staff/agreements', page: false },
  'GET /api/v1/staff/agreements/:id': { rule: 'staff', url: '/api/v1/staff/agreements/x', page: false },
  'GET /api/v1/users': { rule: 'staff', url: '/api/v1/users', page: false },
  'GET /api/v1/users/:id': { rule: 'staff', url: '/api/v1/users/x', page: false },
  'GET /api/v1/records-log': {
    rule: 'open',
    why: 'the public records log: published requests, never who asked',
  },
  'GET /api/v1/records-log.csv': {
    rule: 'open',
    why: 'the public records log: published requests, never who asked',
  },
  'GET /api/v1/records-log/:number': { rule: 'open', why: 'one published records request, never who asked' },
  'GET /api/v1/records-numbers': { rule: 'open', why: 'counts of records requests: no dataset data' },
  'GET /api/v1/records-requests': { rule: 'staff', url: '/api/v1/records-requests', page: false },
  'GET /api/v1/records-requests/:id': { rule: 'staff', url: '/api/v1/records-requests/x', page: false },
  'GET /api/v1/records-requests/:id/files/:fileId': {
    rule: 'open',
    why: 'public documents of published requests; staff files: records-may-not and records-lifecycle tests',
  },
  'GET /api/v1/records-requests/follow/:token': { rule: 'open', why: 'private link: the token is the key' },
  'GET /api/v1/records-requests/follow/:token/files/:fileId': {
    rule: 'open',
    why: 'private link: the token is the key',
  },
  'POST /api/v1/records-requests': {
    rule: 'open',
    why: 'filing a public records request (no account needed)',
  },
  'POST /api/v1/records-requests/follow/:token/reconsiderations': {
    rule: 'open',
    why: 'private link: the token is the key',
  },
  'POST /api/v1/records-requests/follow/:token/withdraw': {
    rule: 'open',
    why: 'private link: the token is the key',
  },
  'POST /api/v1/records-requests/:id/assign': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/assign',
    page: false,
  },
  'POST /api/v1/records-requests/:id/close': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/close',
    page: false,
  },
  'POST /api/v1/records-requests/:id/datasets': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/datasets',
    page: false,
  },
  'POST /api/v1/records-requests/:id/documents': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/documents',
    page: false,
  },
  'POST /api/v1/records-requests/:id/extension': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/extension',
    page: false,
  },
  'POST /api/v1/records-requests/:id/fees': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/fees',
    page: false,
  },
  'POST /api/v1/records-requests/:id/messages': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/messages',
    page: false,
  },
  'POST /api/v1/records-requests/:id/pause': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/pause',
    page: false,
  },
  'POST /api/v1/records-requests/:id/publication': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/publication',
    page: false,
  },
  'POST /api/v1/records-requests/:id/reconsiderations/:rid/decision': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/records-requests/x/reconsiderations/x/decision',
    page: false,
  },
  'GET /developers/signup': { rule: 'open', why: 'the sign-up form' },
  'GET /developers/signup/sent': { rule: 'open', why: 'the "check your email" page' },
  'GET /developers/verify': { rule: 'open', why: 'the confirm-address page' },
  'GET /signin': { rule: 'open', why: 'the sign-in form' },
  'GET /signin/forgot': { rule: 'open', why: 'the password-reset form' },
  'GET /signin/reset': { rule: 'open', why: 'the new-password form' },
  'GET /staff': { rule: 'staff', url: '/staff', page: true },
  'GET /staff/access-requests': { rule: 'staff', url: '/staff/access-requests', page: true },
  'GET /staff/access-requests/:id': { rule: 'staff', url: '/staff/access-requests/x', page: true },
  'GET /staff/agreements': { rule: 'staff', url: '/staff/agreements', page: true },
  'GET /staff/agreements/:id': { rule: 'staff', url: '/staff/agreements/x', page: true },
  'GET /staff/agreements/new': { rule: 'staff', url: '/staff/agreements/new', page: true },
  'GET /staff/audit': { rule: 'staff', url: '/staff/audit', page: true },
  'GET /staff/audit/verify': { rule: 'staff', url: '/staff/audit/verify', page: true },
  'GET /staff/datasets/:id': { rule: 'staff', url: '/staff/datasets/x', page: true },
  'GET /staff/datasets/:id/data': { rule: 'staff', url: '/staff/datasets/x/data', page: true },
  'GET /staff/datasets/:id/edit': { rule: 'staff', url: '/staff/datasets/x/edit', page: true },
  'GET /staff/datasets/:id/unpublish': { rule: 'staff', url: '/staff/datasets/x/unpublish', page: true },
  'GET /staff/datasets/new': { rule: 'staff', url: '/staff/datasets/new', page: true },
  'GET /staff/developers': { rule: 'staff', url: '/staff/developers', page: true },
  'GET /staff/developers/:id': { rule: 'staff', url: '/staff/developers/x', page: true },
  'GET /staff/developers/:id/:action': { rule: 'staff', url: '/staff/developers/x/suspend', page: true },
  'GET /staff/developers/:id/keys/:keyId/:action': {
    rule: 'staff',
    url: '/staff/developers/x/keys/x/suspend',
    page: true,
  },
  'GET /staff/mailbox': { rule: 'staff', url: '/staff/mailbox', page: true },
  'GET /staff/mailbox/:id': { rule: 'staff', url: '/staff/mailbox/x', page: true },
  'GET /staff/records': { rule: 'staff', url: '/staff/records', page: true },
  'GET /staff/records/:id': { rule: 'staff', url: '/staff/records/x', page: true },
  'GET /staff/records/numbers': { rule: 'staff', url: '/staff/records/numbers', page: true },
  'GET /terms': { rule: 'open', why: 'the terms of use' },
  'PATCH /api/v1/account/keys/:id': {
    rule: 'own',
    method: 'PATCH',
    url: '/api/v1/account/keys/x',
    page: false,
  },
  'PATCH /api/v1/staff/agreements/:id': {
    rule: 'staff',
    method: 'PATCH',
    url: '/api/v1/staff/agreements/x',
    page: false,
  },
  'POST /access/request': { rule: 'own', method: 'POST', url: '/access/request', page: true },
  'POST /access/requests/:id/withdraw': {
    rule: 'own',
    method: 'POST',
    url: '/access/requests/x/withdraw',
    page: true,
  },
  'POST /account/keys': { rule: 'own', method: 'POST', url: '/account/keys', page: true },
  'POST /account/keys/:id/rename': { rule: 'own', method: 'POST', url: '/account/keys/x/rename', page: true },
  'POST /account/keys/:id/revoke': { rule: 'own', method: 'POST', url: '/account/keys/x/revoke', page: true },
  'POST /account/keys/:id/rotate': { rule: 'own', method: 'POST', url: '/account/keys/x/rotate', page: true },
  'POST /account/verification': { rule: 'own', method: 'POST', url: '/account/verification', page: true },
  'POST /api/v1/access-requests': {
    rule: 'own',
    method: 'POST',
    url: '/api/v1/access-requests',
    page: false,
  },
  'POST /api/v1/access-requests/:id/withdraw': {
    rule: 'own',
    method: 'POST',
    url: '/api/v1/access-requests/x/withdraw',
    page: false,
  },
  'POST /api/v1/account/keys': { rule: 'own', method: 'POST', url: '/api/v1/account/keys', page: false },
  'POST /api/v1/account/keys/:id/rotate': {
    rule: 'own',
    method: 'POST',
    url: '/api/v1/account/keys/x/rotate',
    page: false,
  },
  'POST /api/v1/account/verification': {
    rule: 'own',
    method: 'POST',
    url: '/api/v1/account/verification',
    page: false,
  },
  'POST /api/v1/admin/keys/:id/reinstate': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/admin/keys/x/reinstate',
    page: false,
  },
  'POST /api/v1/admin/keys/:id/revoke': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/admin/keys/x/revoke',
    page: false,
  },
  'POST /api/v1/admin/keys/:id/suspend': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/admin/keys/x/suspend',
    page: false,
  },
  'POST /api/v1/admin/users/:id/reinstate': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/admin/users/x/reinstate',
    page: false,
  },
  'POST /api/v1/admin/users/:id/revoke': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/admin/users/x/revoke',
    page: false,
  },
  'POST /api/v1/admin/users/:id/suspend': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/admin/users/x/suspend',
    page: false,
  },
  'POST /api/v1/developers': { rule: 'open', why: 'signing up' },
  'POST /api/v1/developers/verify': { rule: 'open', why: 'confirming an address' },
  'POST /api/v1/session': { rule: 'open', why: 'signing in' },
  'POST /api/v1/staff/access-requests/:id/decision': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/staff/access-requests/x/decision',
    page: false,
  },
  'POST /api/v1/staff/agreements': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/staff/agreements',
    page: false,
  },
  'POST /api/v1/staff/agreements/:id/terminate': {
    rule: 'staff',
    method: 'POST',
    url: '/api/v1/staff/agreements/x/terminate',
    page: false,
  },
  'POST /api/v1/users': { rule: 'staff', method: 'POST', url: '/api/v1/users', page: false },
  'POST /developers/signup': { rule: 'open', why: 'signing up' },
  'POST /developers/verify': { rule: 'open', why: 'confirming an address' },
  'POST /records': {
    rule: 'open',
    why: 'filing a records request; its dataset suggestions search the catalog as the public',
  },
  'POST /records/follow/:token/reconsideration': { rule: 'open', why: 'private link: the token is the key' },
  'POST /records/follow/:token/withdraw': { rule: 'open', why: 'private link: the token is the key' },
  'POST /signin': { rule: 'open', why: 'signing in (its own tests: access-signin*)' },
  'POST /signin/forgot': { rule: 'open', why: 'asking for a reset link' },
  'POST /signin/reset': { rule: 'open', why: 'setting a new password' },
  'POST /signout': { rule: 'open', why: 'signing out (a no-op without a session)' },
  'POST /staff/access-requests/:id/decision': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/access-requests/x/decision',
    page: true,
  },
  'POST /staff/agreements': { rule: 'staff', method: 'POST', url: '/staff/agreements', page: true },
  'POST /staff/agreements/:id': { rule: 'staff', method: 'POST', url: '/staff/agreements/x', page: true },
  'POST /staff/agreements/:id/terminate': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/agreements/x/terminate',
    page: true,
  },
  'POST /staff/datasets/:id/data': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/datasets/x/data',
    page: true,
  },
  'POST /staff/datasets/:id/data/discard': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/datasets/x/data/discard',
    page: true,
  },
  'POST /staff/datasets/:id/data/publish': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/datasets/x/data/publish',
    page: true,
  },
  'POST /staff/datasets/:id/edit': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/datasets/x/edit',
    page: true,
  },
  'POST /staff/datasets/:id/publish': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/datasets/x/publish',
    page: true,
  },
  'POST /staff/datasets/:id/unpublish': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/datasets/x/unpublish',
    page: true,
  },
  'POST /staff/datasets/new': { rule: 'staff', method: 'POST', url: '/staff/datasets/new', page: true },
  'POST /staff/developers/:id/:action': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/developers/x/suspend',
    page: true,
  },
  'POST /staff/developers/:id/keys/:keyId/:action': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/developers/x/keys/x/suspend',
    page: true,
  },
  'POST /staff/records/:id/assign': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/assign',
    page: true,
  },
  'POST /staff/records/:id/close': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/close',
    page: true,
  },
  'POST /staff/records/:id/datasets': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/datasets',
    page: true,
  },
  'POST /staff/records/:id/documents': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/documents',
    page: true,
  },
  'POST /staff/records/:id/extension': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/extension',
    page: true,
  },
  'POST /staff/records/:id/fees': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/fees',
    page: true,
  },
  'POST /staff/records/:id/messages': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/messages',
    page: true,
  },
  'POST /staff/records/:id/publication': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/publication',
    page: true,
  },
  'POST /staff/records/:id/reconsiderations/:rid': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/reconsiderations/x',
    page: true,
  },
  'POST /staff/records/:id/reminders': {
    rule: 'staff',
    method: 'POST',
    url: '/staff/records/x/reminders',
    page: true,
  },
  'PUT /api/v1/users/:id/roles': { rule: 'staff', method: 'PUT', url: '/api/v1/users/x/roles', page: false },
  'POST /api/v1/datasets': { rule: 'signed-in', method: 'POST', url: '/api/v1/datasets', developer: 403 },
  'PATCH /api/v1/datasets/:id': {
    rule: 'signed-in',
    method: 'PATCH',
    url: '/api/v1/datasets/pub-data',
    developer: 403,
  },
  'DELETE /api/v1/datasets/:id': {
    rule: 'signed-in',
    method: 'DELETE',
    url: '/api/v1/datasets/pub-data',
    developer: 403,
  },
  'PUT /api/v1/departments/:id': {
    rule: 'signed-in',
    method: 'PUT',
    url: '/api/v1/departments/public-works',
    developer: 403,
  },
  'GET /api/v1/datasets/:id/imports': {
    rule: 'signed-in',
    url: '/api/v1/datasets/res-data/imports',
    developer: 403,
  },
  'POST /api/v1/datasets/:id/imports': {
    rule: 'signed-in',
    method: 'POST',
    url: '/api/v1/datasets/res-data/imports',
    developer: 403,
  },
  'GET /api/v1/things/:id/device-tokens': {
    rule: 'signed-in',
    url: '/api/v1/things/1/device-tokens',
    developer: 403,
  },
  'POST /api/v1/things/:id/device-tokens': {
    rule: 'signed-in',
    method: 'POST',
    url: '/api/v1/things/1/device-tokens',
    developer: 403,
  },
  'POST /api/v1/device-tokens/:id/rotate': {
    rule: 'signed-in',
    method: 'POST',
    url: '/api/v1/device-tokens/x/rotate',
    developer: 403,
  },
  'DELETE /api/v1/device-tokens/:id': {
    rule: 'signed-in',
    method: 'DELETE',
    url: '/api/v1/device-tokens/x',
    developer: 403,
  },
};

/** The answer of a GeoJSON request on a table without geometry: the caller got past the access check. */
function noGeometry(res: LightMyRequestResponse): boolean {
  return res.statusCode === 400 && ['dataset.no_geometry', 'query.no_geometry'].includes(codeOf(res));
}

/** The stable error code, in Plaza's shape or in the Socrata shape that /resource speaks. */
function codeOf(res: LightMyRequestResponse): string {
  const body = res.json<{ error?: { code: string }; data?: { plaza_code: string } }>();
  return body.error?.code ?? body.data?.plaza_code ?? '';
}

const LEVELS: Level[] = ['public', 'restricted', 'non-public', 'draft'];

type Caller = 'anonymous' | 'developer' | 'grantee' | 'staff viewer' | 'steward' | 'other steward' | 'admin';
const CALLERS: Caller[] = [
  'anonymous',
  'developer',
  'grantee',
  'staff viewer',
  'steward',
  'other steward',
  'admin',
];

/** What each caller may reach of a dataset of the public-works department at each level. */
function reach(caller: Caller, level: Level): Reach {
  if (caller === 'admin' || caller === 'steward') return 'data';
  if (level === 'draft') return 'hidden';
  if (level === 'public') return 'data';
  if (caller === 'anonymous' || caller === 'developer') return level === 'restricted' ? 'metadata' : 'hidden';
  return 'data';
}

const datasetId = (kind: Kind, level: Level) =>
  `${level === 'non-public' ? 'np' : level.slice(0, 3)}-${kind === 'table' ? 'data' : 'sensors'}`;

describeDb('restricted data on every route', () => {
  let t: TestApp;
  const headers = new Map<Caller, Record<string, string>>();
  const things = new Map<string, { thing: number; datastream: number }>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const [id, name] of [
      ['public-works', 'Public Works'],
      ['police', 'Police'],
    ]) {
      const res = await t.injectAsAdmin({
        method: 'PUT',
        url: `/api/v1/departments/${id}`,
        payload: { id, name },
      });
      expect(res.statusCode, res.body).toBe(204);
    }
    for (const level of LEVELS) {
      const id = datasetId('table', level);
      await createDataset(t, {
        id,
        title: `Title of ${id}`,
        access_level: level === 'draft' ? 'public' : level,
        ...(level === 'draft' && { status: 'draft' }),
      });
      const res = await importCsv(t, id, 'name,n\nalpha,1\nbeta,2\n');
      expect(res.statusCode, res.body).toBeLessThan(300);
      if (level === 'draft') continue;
      const sensors = datasetId('sensor', level);
      await createSensorDataset(t, sensors, level);
      const station = await createStation(t, sensors, `${sensors} station`);
      const datastream = station.datastreamIds[0]!;
      const [result] = await t.app.services.sensors.ingest.ingest(
        [{ datastreamId: datastream, phenomenonTime: '2026-03-01T20:00:00Z', result: 12.5 }],
        { kind: 'admin' },
      );
      expect(result).toMatchObject({ status: 'created' });
      things.set(sensors, { thing: station.id, datastream });
    }

    const developer = await createDeveloper(t);
    const grantee = await createDeveloper(t);
    const at = new Date(Date.now() - 60_000).toISOString();
    await t.db.kysely
      .insertInto('access_grants')
      .values(
        ['res-data', 'np-data', 'res-sensors', 'np-sensors'].map((dataset, i) => ({
          id: `grant-${i}`,
          user_id: grantee.id,
          dataset_id: dataset,
          tier: null,
          source: 'agreement',
          source_id: 'agreement-1',
          starts_at: at,
          ends_at: null,
          revoked_at: null,
          created_at: at,
        })),
      )
      .execute();
    headers.set('anonymous', {});
    headers.set('developer', keyHeaders((await createKey(t, developer)).secret));
    headers.set('grantee', keyHeaders((await createKey(t, grantee)).secret));
    const staffViewer = await sessionOf(t, await createStaff(t, [{ role: 'viewer' }]));
    headers.set('staff viewer', { cookie: staffViewer.cookie });
    const steward = await sessionOf(
      t,
      await createStaff(t, [{ role: 'steward', department: 'public-works' }]),
    );
    headers.set('steward', { cookie: steward.cookie });
    const other = await sessionOf(t, await createStaff(t, [{ role: 'steward', department: 'police' }]));
    headers.set('other steward', { cookie: other.cookie });
    headers.set('admin', { ...adminHeaders });
  });
  afterAll(() => t.close());

  const call = (caller: Caller, url: string) => {
    const [method, path] = url.startsWith('POST ') ? ['POST', url.slice(5)] : ['GET', url];
    return t.inject({
      method,
      url: path,
      headers: headers.get(caller),
      ...(method === 'POST' && { payload: { $limit: 1 } }),
    });
  };

  it('has a rule for every route the app registers', () => {
    const registered = [
      ...new Set(t.app.routes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`)),
    ];
    const missing = registered.filter((route) => !(route in RULES));
    expect(missing, 'add these routes to RULES with the rule they follow').toEqual([]);
    const stale = Object.keys(RULES).filter((route) => !registered.includes(route));
    expect(stale, 'these routes are gone: remove them from RULES').toEqual([]);
  });

  describe.each(CALLERS)('as %s', (caller) => {
    it('gets metadata and data exactly as far as the dataset level allows', async () => {
      const failures: string[] = [];
      for (const [route, rule] of Object.entries(RULES)) {
        if (rule.rule !== 'metadata' && rule.rule !== 'data') continue;
        for (const level of LEVELS) {
          if (rule.kind === 'sensor' && level === 'draft') continue;
          const id = datasetId(rule.kind, level);
          const res = await call(caller, rule.url(id));
          const can = reach(caller, level);
          const ok = (rule.rule === 'data' && rule.ok?.(res)) || res.statusCode === 200;
          const expected =
            can === 'hidden' ? 404 : can === 'metadata' && rule.rule === 'data' ? 403 : ('ok' as const);
          const good = expected === 'ok' ? ok : res.statusCode === expected;
          if (!good) failures.push(`${route} on ${id} (${level}): ${res.statusCode}, expected ${expected}`);
          if (expected === 403 && res.statusCode === 403) expect(codeOf(res)).toBe('dataset.restricted');
          if (expected !== 'ok') expect(res.body).not.toContain('alpha');
        }
      }
      expect(failures).toEqual([]);
    });

    it('reads datastreams and SensorThings entities only of datasets it may read', async () => {
      const failures: string[] = [];
      for (const [route, rule] of Object.entries(RULES)) {
        if (rule.rule !== 'datastream' && rule.rule !== 'sensorthings') continue;
        for (const level of ['public', 'restricted', 'non-public'] as const) {
          const { thing, datastream } = things.get(datasetId('sensor', level))!;
          const can = reach(caller, level);
          const url = rule.rule === 'datastream' ? rule.url(datastream) : rule.url(thing, datastream);
          const res = await call(caller, url);
          // SensorThings has no "restricted" answer: what the caller may not read does not exist for them.
          const expected =
            can === 'data' ? 200 : rule.rule === 'datastream' && can === 'metadata' ? 403 : 404;
          if (res.statusCode !== expected)
            failures.push(`${route} (${level}): ${res.statusCode}, expected ${expected}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('never names a dataset it may not see in lists, search results, facets and counts', async () => {
      const failures: string[] = [];
      const hidden = LEVELS.filter((level) => reach(caller, level) === 'hidden');
      const visibleTables = LEVELS.filter((level) => reach(caller, level) !== 'hidden').length;
      const visibleSensors = (['public', 'restricted', 'non-public'] as const).filter(
        (level) => reach(caller, level) !== 'hidden',
      ).length;
      for (const rule of Object.values(RULES)) {
        if (rule.rule !== 'list') continue;
        for (const url of [rule.url, `${rule.url}${rule.url.includes('?') ? '&' : '?'}q=title`]) {
          let res = await call(caller, url);
          // Old search addresses (`/?q=`) move to the catalog: follow that once.
          if (res.statusCode === 301 && typeof res.headers.location === 'string')
            res = await call(caller, res.headers.location);
          if (res.statusCode !== 200) failures.push(`${url}: ${res.statusCode}`);
          for (const level of hidden)
            for (const kind of ['table', 'sensor'] as const)
              if (res.body.includes(datasetId(kind, level)))
                failures.push(`${url} names ${datasetId(kind, level)}`);
        }
      }
      const { results: departments } = (await call(caller, '/api/v1/departments')).json<{
        results: { id: string; dataset_count: number }[];
      }>();
      expect(departments.find((d) => d.id === 'public-works')?.dataset_count).toBe(
        visibleTables + visibleSensors,
      );
      const list = (await call(caller, '/api/v1/datasets?limit=100')).json<{
        total: number;
        facets: { department: { value: string; count: number }[] };
      }>();
      expect(list.total).toBe(visibleTables + visibleSensors);
      expect(list.facets.department.find((f) => f.value === 'public-works')?.count).toBe(
        visibleTables + visibleSensors,
      );
      for (const entity of ['Things', 'Datastreams', 'Observations', 'Locations']) {
        const res = await call(caller, `/sta/v1.1/${entity}?$count=true`);
        const body = res.json<{ '@iot.count': number; value: unknown[] }>();
        const readable = (['public', 'restricted', 'non-public'] as const).filter(
          (level) => reach(caller, level) === 'data',
        ).length;
        if (body['@iot.count'] !== readable || body.value.length !== readable)
          failures.push(`/sta/v1.1/${entity}: ${body['@iot.count']} entities, expected ${readable}`);
      }
      expect(failures).toEqual([]);
    });

    it('opens live feeds only of datasets and datastreams it may read', async () => {
      for (const level of ['restricted', 'non-public'] as const) {
        const id = datasetId('sensor', level);
        const can = reach(caller, level);
        if (can === 'data') continue; // streams: sensors-live.test.ts
        const byDataset = await call(caller, `/api/v1/live?dataset=${id}`);
        expect(byDataset.statusCode).toBe(can === 'hidden' ? 404 : 403);
        const byStream = await call(caller, `/api/v1/live?datastream=${things.get(id)!.datastream}`);
        expect(byStream.statusCode).toBe(can === 'hidden' ? 404 : 403);
      }
    });
  });

  it('sends anonymous callers of staff and account routes to sign in, and keeps developers out of staff routes', async () => {
    const failures: string[] = [];
    for (const [route, rule] of Object.entries(RULES)) {
      if (rule.rule !== 'staff' && rule.rule !== 'own') continue;
      const method = rule.method ?? 'GET';
      const payload = method === 'GET' ? undefined : {};
      const anonymous = await t.inject({ method, url: rule.url, payload });
      const toSignIn =
        anonymous.statusCode === 303 && String(anonymous.headers.location).startsWith('/signin');
      if (rule.page ? !toSignIn && anonymous.statusCode !== 401 : anonymous.statusCode !== 401)
        failures.push(`${route} anonymous: ${anonymous.statusCode} ${anonymous.headers.location ?? ''}`);
      const developer = await t.inject({ method, url: rule.url, headers: headers.get('developer'), payload });
      if (rule.rule === 'staff' && developer.statusCode !== 403)
        failures.push(`${route} developer: ${developer.statusCode}`);
      if (rule.rule === 'own' && (developer.statusCode === 401 || developer.statusCode >= 500))
        failures.push(`${route} developer: ${developer.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('offers the access-request form only for datasets the developer may see', async () => {
    for (const caller of ['developer', 'grantee'] as const) {
      for (const level of LEVELS) {
        const id = datasetId('table', level);
        const res = await call(caller, `/access/request?dataset=${id}`);
        const can = reach(caller, level);
        if (can === 'hidden') expect(res.statusCode, `${caller} ${id}`).toBe(404);
        if (can === 'hidden') expect(res.body).not.toContain(`Title of ${id}`);
        if (can === 'metadata') expect(res.statusCode, `${caller} ${id}`).toBe(200);
        const asked = await t.inject({
          method: 'POST',
          url: '/api/v1/access-requests',
          headers: headers.get(caller),
          payload: {
            dataset: id,
            purpose: 'A study of permits by neighborhood for the planning commission.',
            intended_use: 'Charts in a public report; no personal data is kept afterwards.',
          },
        });
        if (can === 'hidden') expect(asked.statusCode, `${caller} asks for ${id}`).toBe(404);
        else expect(asked.statusCode, `${caller} asks for ${id}`).not.toBe(404);
      }
    }
  });

  it('keeps staff-only routes closed to anonymous callers and to developers', async () => {
    const failures: string[] = [];
    for (const [route, rule] of Object.entries(RULES)) {
      if (rule.rule !== 'signed-in') continue;
      const method = rule.method ?? 'GET';
      const anonymous = await t.inject({ method, url: rule.url, payload: method === 'GET' ? undefined : {} });
      if (anonymous.statusCode !== 401) failures.push(`${route} anonymous: ${anonymous.statusCode}`);
      const developer = await t.inject({
        method,
        url: rule.url,
        headers: headers.get('developer'),
        payload: method === 'GET' ? undefined : {},
      });
      if (developer.statusCode !== rule.developer)
        failures.push(`${route} developer: ${developer.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
