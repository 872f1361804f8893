/**
 * The records desk's public record: the log lists published requests only, searchable and filterable by the URL,
 * and never says who asked; a published request's page shows its public messages, public documents and linked
 * public datasets; the numbers page counts every request. In English, Vietnamese and Spanish.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeskViewer, NewRequest } from '../../src/desk/records/records.types.js';
import { createStaff } from '../fixtures/accounts.js';
import { createDataset, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

describeDb('records desk: the public log, a published request and the numbers', () => {
  let t: TestApp;
  let clerk: DeskViewer;
  const numbers: Record<string, string> = {};

  const submit = async (key: string, input: Partial<NewRequest> & { description: string }) => {
    const { request } = await t.app.services.desk.submit({ preferredFormat: 'electronic', ...input });
    numbers[key] = request.number;
    return request.id;
  };

  beforeAll(async () => {
    t = await setUpApp();
    for (const [id, name] of [
      ['police', 'Police'],
      ['finance', 'Finance'],
    ]) {
      const res = await t.injectAsAdmin({
        method: 'PUT',
        url: `/api/v1/departments/${id}`,
        payload: { id, name },
      });
      expect(res.statusCode, res.body).toBe(204);
    }
    await createDataset(t, { id: 'overtime-2025', title: 'Overtime Hours 2025' });
    await createDataset(t, { id: 'overtime-raw', title: 'Overtime Raw Extract', access_level: 'non-public' });
    const user = await createStaff(t, [{ role: 'clerk' }], { name: 'Pat Clerk' });
    clerk = { kind: 'staff', userId: user.id, name: 'Pat Clerk', clerk: true, admin: false, departments: [] };
    const desk = t.app.services.desk;

    const overtime = await submit('overtime', {
      description: 'Overtime paid to Finance staff in 2025, by month',
      departmentId: 'finance',
      name: 'Marisol Identity',
      email: 'marisol.identity@example.org',
      phone: '714-555-0199',
    });
    await desk.addMessage(overtime, clerk, { kind: 'public', body: 'Published as a dataset.' });
    await desk.addMessage(overtime, clerk, { kind: 'internal', body: 'Payroll export run by IT.' });
    const path = join(t.config.dataDir, 'summary.csv');
    writeFileSync(path, 'month,hours\n2025-01,12\n');
    await desk.release(overtime, clerk, {
      kind: 'upload',
      title: 'Monthly summary',
      visibility: 'public',
      fileName: 'summary.csv',
      path,
    });
    await desk.release(overtime, clerk, {
      kind: 'upload',
      title: 'Names of staff',
      visibility: 'requester',
      fileName: 'names.csv',
      path: writeTemp('names.csv'),
    });
    await desk.linkDataset(overtime, clerk, 'overtime-2025');
    await desk.linkDataset(overtime, clerk, 'overtime-raw');
    await desk.close(overtime, clerk, { reason: 'fulfilled', note: 'Released.' });
    await desk.setPublished(overtime, clerk, true);

    const stops = await submit('stops', {
      description: 'Traffic stop data of the Police Department for 2024',
      departmentId: 'police',
      name: 'Quinn Private',
    });
    await desk.setPublished(stops, clerk, true);

    await submit('hidden', {
      description: 'Complaint about my neighbour at 123 Secret Lane',
      name: 'Nia Neighbour',
    });
  });
  afterAll(() => t.close());

  function writeTemp(name: string): string {
    const path = join(t.config.dataDir, name);
    writeFileSync(path, 'x');
    return path;
  }

  it('lists published requests only, never who asked', async () => {
    const res = await t.inject('/records/log');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(res.body).toContain('<h1>Public log of records requests</h1>');
    expect(res.body).toContain('2 requests');
    expect(res.body).toContain(`<a href="/records/log/${numbers.overtime}">Request ${numbers.overtime}</a>`);
    expect(res.body).toContain(`<a href="/records/log/${numbers.stops}">Request ${numbers.stops}</a>`);
    expect(res.body).toContain('Closed: records released');
    expect(res.body).not.toContain(numbers.hidden!);
    expect(res.body).not.toContain('Secret Lane');
    for (const identity of ['Marisol', 'marisol.identity', '555-0199', 'Quinn', 'Nia Neighbour'])
      expect(res.body).not.toContain(identity);
    expect(res.body).toContain('href="/api/v1/records-log.csv"');
  });

  it('searches and filters the log by the URL, and links to the same selection as CSV', async () => {
    const words = await t.inject('/records/log?q=overtime');
    expect(words.body).toContain('1 request');
    expect(words.body).toContain(numbers.overtime!);
    expect(words.body).not.toContain(numbers.stops!);
    expect(words.body).toContain('value="overtime"');
    expect(words.body).toContain('<meta name="robots" content="noindex">');
    expect(words.body).toContain('href="/api/v1/records-log.csv?q=overtime"');
    const open = await t.inject('/records/log?status=open&department=police');
    expect(open.body).toContain(numbers.stops!);
    expect(open.body).not.toContain(numbers.overtime!);
    expect(open.body).toMatch(/<option value="police" selected>Police<\/option>/);
    const future = await t.inject('/records/log?from=2099-01-01');
    expect(future.body).toContain('No published request matches this search.');
    const csv = await t.inject('/api/v1/records-log.csv?q=overtime');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(numbers.overtime!);
    expect(csv.body).not.toContain('Marisol');
  });

  it('shows a published request with its public messages, documents and public datasets', async () => {
    const res = await t.inject(`/records/log/${numbers.overtime}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Overtime paid to Finance staff in 2025, by month');
    expect(res.body).toContain('Finance');
    expect(res.body).toContain('Published as a dataset.');
    expect(res.body).not.toContain('Payroll export run by IT.');
    expect(res.body).toMatch(/<a href="[^"]+" download="summary\.csv">Monthly summary<\/a>/);
    expect(res.body).not.toContain('Names of staff');
    expect(res.body).toContain('<a href="/datasets/overtime-2025">Overtime Hours 2025</a>');
    expect(res.body).not.toContain('Overtime Raw Extract');
    for (const identity of ['Marisol', 'marisol.identity', '555-0199'])
      expect(res.body).not.toContain(identity);
    const link = /<a href="([^"]+)" download="summary\.csv">/.exec(res.body)![1]!;
    expect((await t.inject(link)).body).toBe('month,hours\n2025-01,12\n');
  });

  it('answers 404 for a request that is not published, or does not exist', async () => {
    for (const url of [`/records/log/${numbers.hidden}`, '/records/log/R99-9999', '/records/log/nonsense']) {
      const res = await t.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Request not found');
      expect(res.body).not.toContain('Secret Lane');
    }
  });

  it('shows the numbers by department', async () => {
    const res = await t.inject('/records/numbers');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>How quickly the City answers records requests</h1>');
    expect(res.body).toMatch(/id="figure-open">\s*2\s*</);
    expect(res.body).toMatch(/id="figure-on-time">\s*100%\s*</);
    expect(res.body).toContain('<th scope="row">Finance</th>');
    expect(res.body).toContain('<th scope="row">Police</th>');
    expect(res.body).toContain('href="/api/v1/records-log.csv"');
  });

  it('speaks Vietnamese and Spanish', async () => {
    const vi = await t.inject('/records/log?lang=vi');
    expect(vi.body).toContain('<html lang="vi">');
    expect(vi.body).toContain('<h1>Sổ công khai các yêu cầu hồ sơ</h1>');
    expect(vi.body).toContain('2 yêu cầu');
    const es = await t.inject(`/records/log/${numbers.overtime}?lang=es`);
    expect(es.body).toContain(`<h1>Solicitud ${numbers.overtime}</h1>`);
    expect(es.body).toContain('Cerrada: registros entregados');
    const numbersVi = await t.inject('/records/numbers?lang=vi');
    expect(numbersVi.body).toContain('Theo sở ban ngành');
    const numbersEs = await t.inject('/records/numbers?lang=es');
    expect(numbersEs.body).toMatch(/id="figure-on-time">\s*100\s*%\s*</);
  });
});
