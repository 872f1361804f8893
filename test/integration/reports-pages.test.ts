/**
 * The quality reports' pages the way a browser without JavaScript uses them: the form of a dataset refuses bad
 * input next to each field, keeps what was typed and stores nothing; software that fills the hidden field is
 * refused; a filed report gets an acknowledgement with its number and private link; the public status page and
 * list never show a report about data the public may not read; the staff pages are for stewards, who triage a
 * report with forms; the dataset page links the form and lists its open public reports; every label is in
 * English, Vietnamese and Spanish.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cookiesOf, csrfOf } from '../fixtures/developer-forms.js';
import { DESCRIPTION, newIp, setUpReports, type ReportsApp } from '../fixtures/reports-api.js';
import { describeDb } from '../support/index.js';

describeDb('quality reports: the public and staff pages', () => {
  let r: ReportsApp;

  const countReports = async () =>
    Number(
      (
        await r.t.db.kysely
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Opens a dataset's form like a browser: its token and the cookie that goes with it. */
  async function openForm(
    path: string,
  ): Promise<{ csrf: string; cookie: string; page: LightMyRequestResponse }> {
    const page = await r.t.inject(path);
    expect(page.statusCode, page.body).toBe(200);
    const form = cookiesOf(page).plaza_form;
    expect(form).toBeTruthy();
    return { csrf: csrfOf(page.body), cookie: `plaza_form=${form}`, page };
  }

  /** Sends the form of a dataset as a browser does (a new address each time, unless given). */
  async function send(dataset: string, fields: Record<string, string>, ip = newIp()) {
    const { csrf, cookie } = await openForm(`/datasets/${dataset}/report`);
    return r.t.inject({
      method: 'POST',
      url: `/datasets/${dataset}/report`,
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  }

  /** Files through the form; returns the acknowledgement's address and the report's number. */
  async function fileWithForm(dataset: string, fields: Record<string, string> = {}) {
    const res = await send(dataset, { kind: 'wrong_values', description: DESCRIPTION, ...fields });
    expect(res.statusCode, res.body).toBe(303);
    const filed = res.headers.location as string;
    expect(filed).toMatch(/^\/reports\/filed\/[A-Za-z0-9_-]+/);
    const ack = await r.t.inject(filed);
    expect(ack.statusCode).toBe(200);
    const number = /class="reports-number">(Q\d{2}-\d{4})</.exec(ack.body)?.[1];
    expect(number).toBeTruthy();
    const follow = /href="(http:\/\/[^"]+\/reports\/follow\/[^"]+)"/.exec(ack.body)?.[1];
    expect(follow).toBeTruthy();
    return { ack, number: number!, follow: new URL(follow!).pathname };
  }

  beforeAll(async () => {
    r = await setUpReports();
  });
  afterAll(() => r.t.close());

  it('offers a form with the eight kinds, the sensor and the period prefilled from a chart link', async () => {
    const stream = r.air[1]!;
    const { page } = await openForm(
      `/datasets/air/report?datastream=${stream}&from=2026-03-01T16:00:00Z&to=2026-03-02T16:00:00Z&row=12`,
    );
    const body = page.body;
    for (const kind of ['wrong_values', 'missing_data', 'out_of_date', 'sensor_fault', 'wrong_location'])
      expect(body).toContain(`id="kind-${kind}"`);
    expect(body).toContain('id="kind-metadata_error"');
    expect(body).toContain('id="kind-licence_question"');
    expect(body).toContain('id="kind-other"');
    expect(body).toContain('A sensor seems broken');
    expect(body).toMatch(new RegExp(`<option value="${stream}" selected>`));
    // The city's local time (Los Angeles: eight hours behind UTC in March).
    expect(body).toContain('name="timeFrom" type="datetime-local" value="2026-03-01T08:00"');
    expect(body).toContain('name="timeTo" type="datetime-local" value="2026-03-02T08:00"');
    expect(body).toContain('name="rowRef" type="text" value="12"');
    expect(body).toContain('name="website"');
    expect(page.headers['cache-control']).toContain('no-store');
  });

  it('does not find the form of a dataset the visitor may not see', async () => {
    for (const id of ['np-data', 'draft-data', 'no-such-dataset']) {
      const res = await r.t.inject(`/datasets/${id}/report`);
      expect(res.statusCode, id).toBe(404);
      expect(res.body).not.toContain('Internal work orders');
    }
    const restricted = await r.t.inject('/datasets/res-data/report');
    expect(restricted.statusCode).toBe(200);
    expect(restricted.body).toContain('neither is your report');
  });

  it('refuses bad input next to each field, keeps every value and stores nothing', async () => {
    const res = await send('air', {
      kind: '',
      description: 'Too short',
      email: 'not-an-address',
      rowRef: 'row 7 & 8',
      timeFrom: '2026-03-02T10:00',
      timeTo: '2026-03-01T10:00',
      datastream: String(r.air[0]),
    });
    expect(res.statusCode).toBe(422);
    const body = res.body;
    expect(body).toContain('There are 4 problems');
    for (const message of [
      'Choose the kind of problem.',
      'Describe the problem in at least 10 characters.',
      'Enter an email address like name@example.com, or leave it empty.',
      'The end of the period must come after its start.',
    ]) {
      // Once in the summary at the top, once next to its field.
      expect(body.split(message).length - 1, message).toBe(2);
    }
    expect(body).toContain('<a href="#kind-wrong_values">');
    expect(body).toContain('>Too short</textarea>');
    expect(body).toContain('value="not-an-address"');
    expect(body).toContain('value="row 7 &amp; 8"');
    expect(body).toContain('value="2026-03-02T10:00"');
    expect(body).toContain(`<option value="${r.air[0]}" selected>`);
    expect(body).toContain('aria-invalid="true"');
    expect(await countReports()).toBe(0);

    const badTime = await send('potholes', {
      kind: 'other',
      description: DESCRIPTION,
      timeFrom: '2026-02-30',
    });
    expect(badTime.statusCode).toBe(422);
    expect(badTime.body).toContain('Enter a date and time like 2026-03-01 08:30');
    expect(await countReports()).toBe(0);
  });

  it('refuses a form whose hidden field was filled, and one without its token', async () => {
    const res = await send('potholes', {
      kind: 'other',
      description: DESCRIPTION,
      website: 'http://spam.example',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('looks as if it was filled in by software');
    const noToken = await r.t.inject({
      method: 'POST',
      url: '/datasets/potholes/report',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ kind: 'other', description: DESCRIPTION }).toString(),
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('The form has expired');
    expect(await countReports()).toBe(0);
  });

  it('files a report with the form: the desk holds it and the acknowledgement shows its number', async () => {
    const { ack, number, follow } = await fileWithForm('air', {
      kind: 'sensor_fault',
      datastream: String(r.air[0]),
      timeFrom: '2026-03-01T08:00',
      timeTo: '2026-03-01T20:00',
      email: 'resident@example.org',
    });
    expect(ack.body).toContain('Thank you: your report was received');
    expect(ack.body).toContain('We also sent the link to the email address you gave.');
    expect(ack.headers['referrer-policy']).toBe('no-referrer');
    expect(ack.headers['x-robots-tag']).toBe('noindex');
    const report = await r.t.app.services.reports.publicView(number);
    expect(report.kind).toBe('sensor_fault');
    expect(report.datastream?.id).toBe(r.air[0]);
    expect(report.timeFrom).toBe('2026-03-01T16:00:00.000Z');
    expect(report.timeTo).toBe('2026-03-02T04:00:00.000Z');
    expect(report.department.name).toBe('Public Works');

    const page = await r.t.inject(follow);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.headers['cache-control']).toContain('private');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-robots-tag']).toBe('noindex');
    expect(page.body).toContain(`Your report ${number}`);
    expect(page.body).toContain(`href="/reports/${number}"`);
    expect((await r.t.inject('/reports/follow/not-a-token')).statusCode).toBe(404);
  });

  it('shows a public report publicly, with its text moderated, and hides every report about non-public data', async () => {
    const open = await fileWithForm('potholes', {
      description: 'The values are wrong, write to me at someone@example.org for details.',
    });
    const status = await r.t.inject(`/reports/${open.number}`);
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('Pothole repairs');
    expect(status.body).toContain('href="/datasets/potholes"');
    expect(status.body).not.toContain('someone@example.org');
    expect(status.body).toContain('Received');

    const hidden = await fileWithForm('res-data', { description: 'Inspection 42 has the wrong date on it.' });
    // The public may not read the restricted sensors: the form offers none of them, and refuses one named.
    const named = await send('res-air', {
      kind: 'sensor_fault',
      description: DESCRIPTION,
      datastream: String(r.resAir),
    });
    expect(named.statusCode).toBe(422);
    expect(named.body).toContain('Choose one of the sensors of this dataset, or none.');
    expect(named.body).toContain('id="datastream"');
    const sensor = await fileWithForm('res-air', { kind: 'sensor_fault' });
    for (const number of [hidden.number, sensor.number]) {
      const res = await r.t.inject(`/reports/${number}`);
      expect(res.statusCode, number).toBe(404);
      expect(res.body).not.toContain('Restricted inspections');
    }
    for (const unknown of ['Q99-9999', 'nonsense'])
      expect((await r.t.inject(`/reports/${unknown}`)).statusCode).toBe(404);
    // The reporter still reads it through the private link, without a public page to point to.
    const mine = await r.t.inject(hidden.follow);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Inspection 42 has the wrong date on it.');
    expect(mine.body).not.toContain(`href="/reports/${hidden.number}"`);

    const list = await r.t.inject('/reports');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(open.number);
    expect(list.body).not.toContain(hidden.number);
    expect(list.body).not.toContain(sensor.number);
    expect(list.body).not.toContain('Restricted inspections');
    const filtered = await r.t.inject('/reports?dataset=res-data&status=all');
    expect(filtered.body).not.toContain(hidden.number);
    expect(filtered.body).toContain('No report matches.');
  });

  it('keeps the staff pages for stewards and admins', async () => {
    const anonymous = await r.t.inject('/staff/reports');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/signin');
    expect((await r.viewer.inject('/staff/reports')).statusCode).toBe(403);
    expect((await r.works.inject('/staff/reports')).statusCode).toBe(200);
    const posted = await r.t.inject({
      method: 'POST',
      url: '/staff/reports/Q26-0001/replies',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'body=hello',
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toContain('/signin');
  });

  it('lets a steward triage a report with forms, and the reporter and the public see the answer', async () => {
    const { number, follow } = await fileWithForm('potholes', { kind: 'out_of_date' });
    const queue = await r.works.inject('/staff/reports');
    expect(queue.body).toContain(`href="/staff/reports/${number}"`);
    const police = await r.police.inject('/staff/reports');
    expect(police.body).not.toContain(number);

    const page = await r.works.inject(`/staff/reports/${number}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Acknowledge');
    expect(page.body).toContain('Quinn Works');
    const form = (path: string, fields: Record<string, string>) =>
      r.works.inject({
        method: 'POST',
        url: `/staff/reports/${number}/${path}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: r.works.csrf, ...fields }).toString(),
      });

    const ack = await form('status', { status: 'acknowledged' });
    expect(ack.statusCode, ack.body).toBe(303);
    expect(ack.headers.location).toBe(`/staff/reports/${number}?done=acknowledged`);
    expect((await r.works.inject(ack.headers.location as string)).body).toContain(
      'The report is acknowledged',
    );
    expect((await form('assign', { assignee: r.works2.user.id })).statusCode).toBe(303);
    expect((await form('replies', { body: 'We are re-running the import tonight.' })).statusCode).toBe(303);
    expect((await form('notes', { body: 'The nightly job failed on Tuesday.' })).statusCode).toBe(303);

    const refused = await form('status', { status: 'wont_fix', note: '' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('needs a reason');

    expect(
      (await form('status', { status: 'resolved', note: 'The import ran; the data is current.' })).statusCode,
    ).toBe(303);
    const staff = await r.works.inject(`/staff/reports/${number}`);
    expect(staff.body).toContain('The nightly job failed on Tuesday.');
    expect(staff.body).toContain('Quinn Works');

    for (const path of [follow, `/reports/${number}`]) {
      const res = await r.t.inject(path);
      expect(res.body, path).toContain('We are re-running the import tonight.');
      expect(res.body, path).toContain('The import ran; the data is current.');
      expect(res.body, path).toContain('Resolved');
      expect(res.body, path).not.toContain('The nightly job failed on Tuesday.');
    }
  });

  it('links the form from the dataset page and lists only its open public reports', async () => {
    const { number } = await fileWithForm('police-data', { kind: 'wrong_location' });
    const page = await r.t.inject('/datasets/police-data');
    const feedback = page.body.slice(page.body.indexOf('id="feedback"'));
    expect(feedback).toContain('href="/datasets/police-data/report"');
    expect(feedback).toContain('Report a problem with this data');
    expect(feedback).not.toContain('mailto:');
    expect(feedback).not.toContain('open an email');
    expect(feedback).toContain('A problem report goes to the dataset&#39;s steward');
    expect(feedback).toContain(`href="/reports/${number}"`);
    expect(feedback).toContain('Wrong location, received');

    const restricted = await r.t.inject('/datasets/res-data');
    const part = restricted.body.slice(restricted.body.indexOf('id="feedback"'));
    expect(part).toContain('href="/datasets/res-data/report"');
    expect(part).not.toContain('Open problem reports');
    expect(part).not.toContain('/reports/Q');
  });

  it('speaks Vietnamese and Spanish', async () => {
    const vi = await r.t.inject('/datasets/potholes/report?lang=vi');
    expect(vi.body).toContain('<html lang="vi"');
    expect(vi.body).toContain('Đây là loại sự cố gì?');
    expect(vi.body).toContain('Cảm biến hỏng');
    expect(vi.body).toContain('Gửi báo cáo');
    const es = await r.t.inject('/datasets/potholes/report?lang=es');
    expect(es.body).toContain('¿Qué tipo de problema es?');
    expect(es.body).toContain('Falla de un sensor');
    expect(es.body).toContain('Enviar informe');
    const list = await r.t.inject('/reports?lang=es&status=all');
    expect(list.body).toContain('Informes de problemas');
    const listVi = await r.t.inject('/reports?lang=vi');
    expect(listVi.body).toContain('Các báo cáo sự cố');
  });
});
