/**
 * The records desk's staff pages: a department steward sees their department's requests and nothing of another
 * department's private ones; the Clerk works a request through the forms of its page, from routing to a written
 * partial denial, and every refusal comes back as a message next to the field, with what was typed kept.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStaff, sessionOf, type Browser } from '../fixtures/accounts.js';
import { createDataset, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const DAY = 24 * 3_600_000;

describeDb('records desk staff pages', () => {
  let t: TestApp;
  let clerk: Browser;
  let steward: Browser;
  let pwRequest: { id: string; number: string };
  let financeRequest: { id: string; number: string };
  let overdueRequest: { id: string; number: string };

  /** A urlencoded form post from a signed-in browser: the CSRF token only as the form's hidden field. */
  const post = (
    browser: Browser,
    url: string,
    fields: Record<string, string | string[]>,
    csrf = browser.csrf,
  ) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries({ _csrf: csrf, ...fields }))
      for (const value of [v].flat()) body.append(k, value);
    return t.inject({
      method: 'POST',
      url,
      headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  };

  /** A multipart form post (the release form) with one file; the CSRF field comes first, as the page puts it. */
  const postFile = (
    browser: Browser,
    url: string,
    fields: Record<string, string>,
    file: { name: string; type: string; content: string },
  ) => {
    const boundary = `----plaza${randomBytes(8).toString('hex')}`;
    const parts = Object.entries({ _csrf: browser.csrf, ...fields }).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="release-file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
    );
    return t.inject({
      method: 'POST',
      url,
      headers: { cookie: browser.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `${parts.join('')}--${boundary}--\r\n`,
    });
  };

  /** The page a form's 303 leads back to, with its notice. */
  async function followed(browser: Browser, res: LightMyRequestResponse): Promise<string> {
    expect(res.statusCode, res.body).toBe(303);
    const page = await browser.inject(String(res.headers.location));
    expect(page.statusCode).toBe(200);
    return page.body;
  }

  /** The text of an element's error message on a page. */
  const errorText = (body: string, id: string) =>
    new RegExp(`id="${id}-error"><span class="visually-hidden">Error: </span>([^<]*)<`).exec(body)?.[1];

  const submit = async (description: string, departmentId: string, now?: Date) => {
    const { request } = await t.app.services.desk.submit(
      {
        description,
        preferredFormat: 'electronic',
        departmentId,
        name: 'Rosa Requester',
        email: 'rosa@example.org',
      },
      now,
    );
    return { id: request.id, number: request.number };
  };

  beforeAll(async () => {
    t = await setUpApp();
    await t.app.services.catalog.upsertDepartment({ id: 'finance', name: 'Finance' });
    clerk = await sessionOf(t, await createStaff(t, [{ role: 'clerk' }], { name: 'Carla Clerk' }));
    steward = await sessionOf(
      t,
      await createStaff(t, [{ role: 'steward', department: 'public-works' }], { name: 'Sam Steward' }),
    );
    pwRequest = await submit(
      'Pothole repair logs for Bolsa Avenue in 2024, with dates and costs.',
      'public-works',
    );
    financeRequest = await submit('Every payment to Acme Paving in 2024, with invoice numbers.', 'finance');
    overdueRequest = await submit(
      'Street sweeping schedules for 2023.',
      'public-works',
      new Date(Date.now() - 30 * DAY),
    );
  });
  afterAll(() => t.close());

  it("shows a steward their department's requests, most urgent first, and nothing of another department's", async () => {
    const queue = await steward.inject('/staff/records');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.body).toContain(pwRequest.number);
    expect(queue.body).toContain(overdueRequest.number);
    expect(queue.body).not.toContain(financeRequest.number);
    expect(queue.body).not.toContain('Acme Paving');
    // Overdue first, with its state in words.
    expect(queue.body.indexOf(overdueRequest.number)).toBeLessThan(queue.body.indexOf(pwRequest.number));
    expect(queue.body).toContain('Overdue');
    expect(queue.body).toContain('On track');

    const own = await steward.inject(`/staff/records/${pwRequest.id}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.body).toContain('Pothole repair logs');
    expect(own.body).toContain('rosa@example.org');
    expect(own.body).toContain(`name="_csrf" value="${steward.csrf}"`);

    const other = await steward.inject(`/staff/records/${financeRequest.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Acme Paving');
    expect(other.body).not.toContain('rosa@example.org');
    const forms = await post(steward, `/staff/records/${financeRequest.id}/messages`, {
      'message-kind': 'internal',
      'message-body': 'Looking.',
    });
    expect(forms.statusCode).toBe(404);
  });

  it('filters the queue by department and deadline, and shows the Clerk every department', async () => {
    const home = await clerk.inject('/staff');
    expect(home.body).toContain('href="/staff/records"');
    const notTheirs = await steward.inject('/staff/records?department=finance&status=all');
    expect(notTheirs.body).not.toContain(financeRequest.number);
    const all = await clerk.inject('/staff/records');
    expect(all.body).toContain(financeRequest.number);
    expect(all.body).toContain(pwRequest.number);
    const finance = await clerk.inject('/staff/records?department=finance');
    expect(finance.body).toContain(financeRequest.number);
    expect(finance.body).not.toContain(pwRequest.number);
    const overdue = await clerk.inject('/staff/records?deadline=overdue');
    expect(overdue.body).toContain(overdueRequest.number);
    expect(overdue.body).not.toContain(pwRequest.number);
    const numbers = await clerk.inject('/staff/records/numbers');
    expect(numbers.statusCode).toBe(200);
    expect(numbers.body).toContain('Finance');
    expect(numbers.body).toContain('href="/api/v1/records-log.csv"');
  });

  it('refuses a form without its CSRF token', async () => {
    const res = await post(
      clerk,
      `/staff/records/${pwRequest.id}/messages`,
      { 'message-kind': 'internal', 'message-body': 'Forged.' },
      '',
    );
    expect(res.statusCode).toBe(403);
    const page = await clerk.inject(`/staff/records/${pwRequest.id}`);
    expect(page.body).not.toContain('Forged.');
  });

  it('lets the Clerk work a request through its page, refusing what the law does not allow', async () => {
    const base = `/staff/records/${pwRequest.id}`;
    const stewardId = steward.user.id;

    // Routing and assignment.
    let body = await followed(
      clerk,
      await post(clerk, `${base}/assign`, {
        'assign-departments': 'public-works',
        'assign-people': stewardId,
      }),
    );
    expect(body).toContain('The assignment is saved.');
    expect(body).toContain('People: Sam Steward.');

    // A public message and an internal note.
    body = await followed(
      clerk,
      await post(clerk, `${base}/messages`, {
        'message-kind': 'public',
        'message-body': 'We are gathering the logs from the yard.',
      }),
    );
    expect(body).toContain('The message is sent to the requester');
    expect(body).toContain('We are gathering the logs from the yard.');
    body = await followed(
      clerk,
      await post(clerk, `${base}/messages`, {
        'message-kind': 'internal',
        'message-body': 'Ask Ramon at the yard.',
      }),
    );
    expect(body).toContain('Internal note</strong> by Carla Clerk');

    // One extension, with the statute's reason and the notice; the form is gone after it.
    const refusedDays = await post(clerk, `${base}/extension`, {
      'extension-reason': 'voluminous',
      'extension-days': 'ten',
      'extension-notice': 'We need more time.',
    });
    expect(refusedDays.statusCode).toBe(422);
    expect(errorText(refusedDays.body, 'extension-days')).toContain('from 1 to 14');
    expect(refusedDays.body).toContain('We need more time.');
    body = await followed(
      clerk,
      await post(clerk, `${base}/extension`, {
        'extension-reason': 'voluminous',
        'extension-days': '10',
        'extension-notice': 'The logs fill twelve boxes; we need ten more days to review them.',
      }),
    );
    expect(body).toContain('The extension is recorded');
    expect(body).toContain('Extended by 10 days');
    expect(body).not.toContain(`action="${base}/extension"`);
    const second = await post(clerk, `${base}/extension`, {
      'extension-reason': 'consultation',
      'extension-days': '4',
      'extension-notice': 'Again.',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('There is a problem');
    expect(second.body).toMatch(/one extension only/);

    // Fees: a programming line without one of the statute's cases is refused next to its field.
    const fees = {
      'fees-0-kind': 'electronic_copy',
      'fees-0-description': 'USB drive',
      'fees-0-amount': '5.00',
      'fees-1-kind': 'programming',
      'fees-1-description': 'Report from the work-order system',
      'fees-1-amount': '40',
      'fees-payment': 'awaiting_payment',
    };
    const refusedFees = await post(clerk, `${base}/fees`, { ...fees, 'fees-justification': '' });
    expect(refusedFees.statusCode).toBe(422);
    expect(errorText(refusedFees.body, 'fees-justification')).toBeTruthy();
    expect(refusedFees.body).toContain('value="Report from the work-order system"');
    body = await followed(
      clerk,
      await post(clerk, `${base}/fees`, { ...fees, 'fees-justification': 'extraction' }),
    );
    expect(body).toContain('The fees are saved.');
    expect(body).toContain('$45.00 in all');
    expect(body).toContain('Awaiting payment');

    // A released file, for the requester and the public log.
    body = await followed(
      clerk,
      await postFile(
        clerk,
        `${base}/documents`,
        {
          'release-kind': 'upload',
          'release-title': 'Pothole logs, January to June',
          'release-visibility': 'public',
          'release-redaction': 'Crew phone numbers removed (Gov. Code 7927.700).',
        },
        { name: 'logs.csv', type: 'text/csv', content: 'date,street,cost\n2024-01-04,Bolsa Ave,1200\n' },
      ),
    );
    expect(body).toContain('The document is released.');
    expect(body).toContain('Pothole logs, January to June');
    expect(body).toContain('Crew phone numbers removed');
    const link = /<a href="([^"]+)">Pothole logs, January to June<\/a>/.exec(body)?.[1];
    expect(link).toBeTruthy();
    const file = await clerk.inject(link!.replace(/&amp;/g, '&'));
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('Bolsa Ave');

    // A partial denial without a responsible person is refused, with what was typed kept.
    const closing = {
      'close-reason': 'partially_fulfilled',
      'close-note': 'The logs are released; the claims file is withheld.',
      'close-exemptions': 'Gov. Code 7927.200 (pending litigation)',
      'close-explanation': 'The claims file is part of a pending claim against the city.',
    };
    const refusedClose = await post(clerk, `${base}/close`, closing);
    expect(refusedClose.statusCode).toBe(422);
    expect(errorText(refusedClose.body, 'close-person-0-name')).toMatch(/responsible/);
    expect(refusedClose.body).toContain('Gov. Code 7927.200 (pending litigation)</textarea>');
    expect(refusedClose.body).toMatch(/value="partially_fulfilled" checked/);
    const untitled = await post(clerk, `${base}/close`, { ...closing, 'close-person-0-name': 'Dana Ortiz' });
    expect(untitled.statusCode).toBe(422);
    expect(errorText(untitled.body, 'close-person-0-title')).toBe('Give the title of Dana Ortiz.');

    body = await followed(
      clerk,
      await post(clerk, `${base}/close`, {
        ...closing,
        'close-person-0-name': 'Dana Ortiz',
        'close-person-0-title': 'City Attorney',
      }),
    );
    expect(body).toContain('The request is closed');
    expect(body).toContain('Partial denial');
    expect(body).toContain('Dana Ortiz, City Attorney');
    expect(body).toContain('Gov. Code 7927.200 (pending litigation)');
    // Closed: no more forms that change it.
    expect(body).not.toContain(`action="${base}/close"`);
    expect(body).not.toContain(`action="${base}/fees"`);

    // Published to the public log afterwards, and the dataset published from the logs linked to it.
    body = await followed(
      clerk,
      await post(clerk, `${base}/publication`, { 'publication-choice': 'publish' }),
    );
    expect(body).toContain('The request is in the public log.');
    await createDataset(t, { id: 'pothole-repairs', title: 'Pothole repairs' });
    const unknown = await post(clerk, `${base}/datasets`, { 'dataset-id': 'no-such-dataset' });
    expect(unknown.statusCode).toBe(422);
    expect(errorText(unknown.body, 'dataset-id')).toBeTruthy();
    body = await followed(clerk, await post(clerk, `${base}/datasets`, { 'dataset-id': 'pothole-repairs' }));
    expect(body).toContain('The dataset is linked to the request.');
    expect(body).toContain('href="/datasets/pothole-repairs"');

    // The requester asks the Clerk to reconsider the denial; the Clerk decides on the page.
    const asked = await t.app.services.desk.askReconsideration(
      pwRequest.id,
      { kind: 'requester', requestId: pwRequest.id },
      { subject: 'denial', reason: 'The claim was settled last month.' },
    );
    const rid = asked.reconsiderations[0]!.id;
    const prefix = `rc-${rid}`;
    body = (await clerk.inject(base)).body;
    expect(body).toContain('The claim was settled last month.');
    expect(body).toContain(`action="${base}/reconsiderations/${rid}"`);
    // The decision is the Clerk's: the department's steward sees the request wait for it.
    const stewardView = (await steward.inject(base)).body;
    expect(stewardView).toContain('Waiting for the City Clerk&#39;s decision.');
    expect(stewardView).not.toContain(`action="${base}/reconsiderations/${rid}"`);
    const noNote = await post(clerk, `${base}/reconsiderations/${rid}`, {
      [`${prefix}-decision`]: 'reversed',
    });
    expect(noNote.statusCode).toBe(422);
    expect(errorText(noNote.body, `${prefix}-note`)).toBe('Explain the decision to the requester.');
    expect(noNote.body).toContain(`name="${prefix}-decision" value="reversed" checked`);
    body = await followed(
      clerk,
      await post(clerk, `${base}/reconsiderations/${rid}`, {
        [`${prefix}-decision`]: 'reversed',
        [`${prefix}-note`]: 'The claim is settled: the file will be released.',
      }),
    );
    expect(body).toContain('The reconsideration decision is recorded');
    expect(body).toContain('The claim is settled: the file will be released.');
  });

  it('keeps a request private only with a reason', async () => {
    const base = `/staff/records/${overdueRequest.id}`;
    const refused = await post(clerk, `${base}/publication`, { 'publication-choice': 'private' });
    expect(refused.statusCode).toBe(422);
    expect(errorText(refused.body, 'publication-reason')).toBeTruthy();
    const body = await followed(
      clerk,
      await post(clerk, `${base}/publication`, {
        'publication-choice': 'private',
        'publication-reason': 'Names a minor (Welf. & Inst. Code 827).',
      }),
    );
    expect(body).toContain('Kept private: Names a minor');
  });

  it("shows another department's published request as the public log does, with no form to change it", async () => {
    const clerkViewer = {
      kind: 'staff' as const,
      userId: clerk.user.id,
      name: 'Carla Clerk',
      clerk: true,
      admin: false,
      departments: [],
    };
    await t.app.services.desk.setPublished(financeRequest.id, clerkViewer, true);
    const page = await steward.inject(`/staff/records/${financeRequest.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This request belongs to another department');
    expect(page.body).not.toContain('rosa@example.org');
    expect(page.body).not.toContain(`action="/staff/records/${financeRequest.id}/`);
  });
});
