/**
 * The records desk's public form and the requester's private pages, the way a browser without JavaScript uses
 * them: the form refuses bad input next to each field and stores nothing, its "check for datasets first" step
 * suggests published datasets and keeps what was typed and attached, a filed request gets an acknowledgement
 * with its number, due date and private link, and the follow page lets its requester (and nobody else) see the
 * City's answer, withdraw the request or ask for a reconsideration of a denial.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeskViewer } from '../../src/desk/records/records.types.js';
import { createStaff } from '../fixtures/accounts.js';
import { cookiesOf, csrfOf, mailsTo, postForm } from '../fixtures/developer-forms.js';
import { createDataset, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const BOUNDARY = 'records-pages-boundary';

interface FilePart {
  name: string;
  type: string;
  content: string | Buffer;
}

/** A multipart body as the form sends it: fields in order (repeated names allowed), then the files. */
function multipart(fields: [string, string][], files: FilePart[] = []): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of fields)
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const file of files.length ? files : [{ name: '', type: 'application/octet-stream', content: '' }]) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="attachments"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

describeDb('records desk: the public form and the requester’s pages', () => {
  let t: TestApp;
  let clerk: DeskViewer;

  const countRequests = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('records_requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Opens the form like a browser: its token and the cookie that goes with it. */
  async function openForm(
    lang?: string,
  ): Promise<{ csrf: string; cookie: string; page: LightMyRequestResponse }> {
    const page = await t.inject(`/records${lang ? `?lang=${lang}` : ''}`);
    expect(page.statusCode, page.body).toBe(200);
    const form = cookiesOf(page).plaza_form;
    expect(form).toBeTruthy();
    return { csrf: csrfOf(page.body), cookie: `plaza_form=${form}`, page };
  }

  async function send(
    fields: [string, string][],
    files: FilePart[] = [],
    session?: { csrf: string; cookie: string },
  ) {
    const { csrf, cookie } = session ?? (await openForm());
    return t.inject({
      method: 'POST',
      url: '/records',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, cookie },
      payload: multipart([['_csrf', csrf], ...fields], files),
    });
  }

  /** Files a request through the form; returns the follow token. */
  async function file(description: string, extra: [string, string][] = []): Promise<string> {
    const res = await send([['description', description], ...extra, ['action', 'send']]);
    expect(res.statusCode, res.body).toBe(303);
    const match = /^\/records\/filed\/([A-Za-z0-9_-]+)$/.exec(String(res.headers.location));
    expect(match, String(res.headers.location)).not.toBeNull();
    return match![1]!;
  }

  beforeAll(async () => {
    t = await setUpApp();
    const res = await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/police',
      payload: { id: 'police', name: 'Police' },
    });
    expect(res.statusCode, res.body).toBe(204);
    await createDataset(t, {
      id: 'street-trees',
      title: 'Street Trees',
      description: 'Every tree the City planted along its streets, with species and planting date.',
    });
    await createDataset(t, { id: 'tree-audit', title: 'Tree Risk Audit', access_level: 'non-public' });
    const user = await createStaff(t, [{ role: 'clerk' }], { name: 'Pat Clerk' });
    clerk = { kind: 'staff', userId: user.id, name: 'Pat Clerk', clerk: true, admin: false, departments: [] };
  });
  afterAll(() => t.close());

  it('shows the law in plain words and a form that works without JavaScript', async () => {
    const { page } = await openForm();
    const html = page.body;
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(html).toContain('<h1>Public records requests</h1>');
    expect(html).toContain('Within 10 days');
    expect(html).toContain('by up to 14 days');
    expect(html).toContain('direct cost of copies');
    expect(html).toContain('The City must help you');
    expect(html).toContain('names each person responsible');
    expect(html).toContain('ask the City Clerk to reconsider a denial or a fee within 30 days');
    expect(html).toContain('petition to the superior court');
    expect(html).toContain('<form method="post" action="/records" enctype="multipart/form-data"');
    // Electronic first, and checked unless the requester chooses otherwise.
    const formats = [...html.matchAll(/name="preferredFormat" value="(\w+)"/g)].map((m) => m[1]);
    expect(formats).toEqual(['electronic', 'paper', 'inspection']);
    expect(html).toMatch(/value="electronic" checked/);
    expect(html).toContain('<option value="police">Police</option>');
    expect(html).toContain('name="website"');
    expect(html).toContain('without one, your private link is the only way to follow your request');
    expect(html).toContain('href="/records/log"');
    expect(html).toContain('href="/records/numbers"');
    expect(html).toMatch(/<script src="\/assets\/js\/records-suggest\.[0-9a-f]+\.js" defer><\/script>/);
  });

  it('refuses bad input next to each field, keeps what was typed and stores nothing', async () => {
    const res = await send([
      ['description', ''],
      ['preferredFormat', 'paper'],
      ['departmentId', 'nowhere'],
      ['name', 'Ana <Ruiz>'],
      ['email', 'ana-at-example'],
      ['phone', '555'],
      ['action', 'send'],
    ]);
    expect(res.statusCode).toBe(422);
    const html = res.body;
    expect(html).toContain('There are 4 problems with the form');
    expect(html).toMatch(/id="description-error">[^]*?Describe the records you want\./);
    expect(html).toContain('aria-describedby="email-hint email-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="ana-at-example"');
    expect(html).toContain('value="Ana &lt;Ruiz&gt;"');
    expect(html).toMatch(/value="paper" checked/);
    expect(html).toContain('<a href="#departmentId">Choose a department from the list.</a>');
    expect(await countRequests()).toBe(0);
  });

  it('refuses a form without its token, and a form with the hidden field filled in', async () => {
    const forged = await t.inject({
      method: 'POST',
      url: '/records',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart([
        ['description', 'Budget emails from 2024 and 2025'],
        ['action', 'send'],
      ]),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('The form expired');
    const bot = await send([
      ['description', 'Budget emails from 2024 and 2025'],
      ['website', 'https://spam.example'],
      ['action', 'send'],
    ]);
    expect(bot.statusCode).toBe(422);
    expect(bot.body).toContain('This field must stay empty.');
    expect(await countRequests()).toBe(0);
  });

  it('checks for datasets first without JavaScript, keeping the values and the attached files', async () => {
    const session = await openForm();
    const res = await send(
      [
        ['description', 'Where did the City plant street trees on Beach Boulevard?'],
        ['email', 'ana@example.org'],
        ['action', 'check'],
      ],
      [{ name: 'map.txt', type: 'text/plain', content: 'Beach Blvd between Bolsa and Westminster' }],
      session,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Published datasets that may already answer your request');
    expect(res.body).toContain('href="/datasets/street-trees" target="_blank" rel="noopener">Street Trees');
    // A dataset the public may not see is never suggested.
    expect(res.body).not.toContain('tree-audit');
    expect(res.body).toContain('Where did the City plant street trees on Beach Boulevard?</textarea>');
    expect(res.body).toContain('value="ana@example.org"');
    const kept = /name="keep" value="([a-f0-9]{32})" checked/.exec(res.body);
    expect(kept, 'the attached file is kept for the next step').not.toBeNull();
    expect(res.body).toContain('map.txt (');
    expect(await countRequests()).toBe(0);

    // Another form cannot claim the file; this one files it with the request.
    const stranger = await send(
      [
        ['description', 'Anything at all, please'],
        ['keep', kept![1]!],
        ['action', 'check'],
      ],
      [],
    );
    expect(stranger.body).not.toContain('map.txt');
    const filed = await send(
      [
        ['description', 'Where did the City plant street trees on Beach Boulevard?'],
        ['email', 'ana@example.org'],
        ['keep', kept![1]!],
        ['action', 'send'],
      ],
      [],
      session,
    );
    expect(filed.statusCode, filed.body).toBe(303);
    // The desk took its own copy: nothing is left waiting in the form's spool.
    expect(readdirSync(join(t.config.dataDir, 'spool', 'records'))).toEqual([]);
    const token = String(filed.headers.location).split('/').pop()!;
    const follow = await t.inject(`/records/follow/${token}`);
    expect(follow.body).toContain('Files you sent');
    expect(follow.body).toContain('map.txt');
  });

  it('says so when an attachment is too large, and keeps the rest of the form', async () => {
    const before = await countRequests();
    const res = await send(
      [
        ['description', 'Photos of the Civic Center fountain repairs'],
        ['action', 'send'],
      ],
      [{ name: 'huge.bin', type: 'application/octet-stream', content: Buffer.alloc(10 * 1024 * 1024 + 1) }],
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('A file was larger than 10.0 MB and was not attached.');
    expect(res.body).toContain('Photos of the Civic Center fountain repairs</textarea>');
    expect(await countRequests()).toBe(before);
  });

  it('files a request: acknowledgement with number, due date and the private link, and an email', async () => {
    const token = await file('All police incident reports for the Westminster Mall in January 2026', [
      ['preferredFormat', 'electronic'],
      ['departmentId', 'police'],
      ['name', 'Ana Ruiz'],
      ['email', 'ana.ruiz@example.org'],
    ]);
    const ack = await t.inject(`/records/filed/${token}`);
    expect(ack.statusCode).toBe(200);
    expect(ack.headers['cache-control']).toBe('private, no-store');
    expect(ack.headers['referrer-policy']).toBe('no-referrer');
    expect(ack.body).toContain('<meta name="robots" content="noindex">');
    expect(ack.body).toMatch(/Your request number is <strong class="records-number">R\d{2}-\d{4}<\/strong>/);
    expect(ack.body).toMatch(/Due (Monday|Tuesday|Wednesday|Thursday|Friday), [A-Z][a-z]+ \d{1,2}, \d{4}:/);
    expect(ack.body).toContain('Keep this link');
    expect(ack.body).toContain(`http://plaza.test/records/follow/${token}`);
    expect(ack.body).toContain('We sent an acknowledgement with this link');
    const [mail] = await mailsTo(t, 'ana.ruiz@example.org');
    expect(mail?.body).toContain(`/records/follow/${token}`);

    const follow = await t.inject(`/records/follow/${token}`);
    expect(follow.statusCode).toBe(200);
    expect(follow.headers['cache-control']).toBe('private, no-store');
    expect(follow.headers['referrer-policy']).toBe('no-referrer');
    expect(follow.body).toContain('<meta name="robots" content="noindex">');
    expect(follow.body).toContain('All police incident reports for the Westminster Mall in January 2026');
    expect(follow.body).toContain('Police');
    expect(follow.body).toMatch(/records-tag--open[^>]*>.*Open/);
    expect(follow.body).toContain('Withdraw your request');
  });

  it('says when no email was given that the link is the only way to follow', async () => {
    const token = await file('Minutes of the Planning Commission, March 2026');
    const ack = await t.inject(`/records/filed/${token}`);
    expect(ack.body).toContain('You gave no email address');
  });

  it('shows a requester only their own request; an unknown link is a 404 page', async () => {
    const mine = await file('Traffic signal timing plans for Brookhurst Street');
    const theirs = await file('Overtime records of the Fire Department in 2025');
    const page = await t.inject(`/records/follow/${mine}`);
    expect(page.body).toContain('Traffic signal timing plans');
    expect(page.body).not.toContain('Overtime records');
    for (const url of [
      `/records/follow/${'x'.repeat(43)}`,
      `/records/follow/${theirs.slice(0, -1)}`,
      `/records/filed/${'y'.repeat(43)}`,
    ]) {
      const res = await t.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Request not found');
    }
    const forged = await t.inject({
      method: 'POST',
      url: `/records/follow/${'x'.repeat(43)}/withdraw`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'confirm=yes',
    });
    expect(forged.statusCode).toBe(403);
  });

  it('withdraws a request only with the confirmation ticked', async () => {
    const token = await file('Noise complaints about the Bolsa Avenue night market');
    const { csrf, cookie } = await openForm();
    const unconfirmed = await postForm(t, `/records/follow/${token}/withdraw`, { _csrf: csrf }, cookie);
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('Tick the box to confirm');
    const done = await postForm(
      t,
      `/records/follow/${token}/withdraw`,
      { _csrf: csrf, confirm: 'yes' },
      cookie,
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/records/follow/${token}?done=withdrawn`);
    const page = await t.inject(String(done.headers.location));
    expect(page.body).toContain('Your request is withdrawn.');
    expect(page.body).toContain('Closed: withdrawn');
    expect(page.body).not.toContain('Withdraw your request');
  });

  it('shows a written denial with the people responsible, and takes a request for reconsideration', async () => {
    const token = await file('Personnel file of a named police officer', [['departmentId', 'police']]);
    const { id } = (await t.app.services.desk.byFollowToken(token))!;
    await t.app.services.desk.close(id, clerk, {
      reason: 'denied',
      note: 'Withheld in full.',
      denial: {
        scope: 'full',
        exemptions: ['Gov. Code 7927.705 (personnel records)'],
        responsible: [{ name: 'Jordan Lee', title: 'Police Records Manager' }],
        explanation: 'Personnel records are exempt from disclosure.',
      },
    });
    const page = await t.inject(`/records/follow/${token}`);
    expect(page.body).toContain('The City denied your request');
    expect(page.body).toContain('Gov. Code 7927.705 (personnel records)');
    expect(page.body).toContain('Jordan Lee, Police Records Manager');
    expect(page.body).toContain('petition to the superior court');
    expect(page.body).toMatch(/About the denial: ask by \w+day, /);
    expect(page.body).toContain('Ask for a reconsideration');

    const { csrf, cookie } = await openForm();
    const empty = await postForm(
      t,
      `/records/follow/${token}/reconsideration`,
      { _csrf: csrf, subject: 'denial', reason: ' ' },
      cookie,
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Say why it should be reconsidered.');
    const asked = await postForm(
      t,
      `/records/follow/${token}/reconsideration`,
      { _csrf: csrf, subject: 'denial', reason: 'The officer’s name was already made public.' },
      cookie,
    );
    expect(asked.statusCode, asked.body).toBe(303);
    const after = await t.inject(String(asked.headers.location));
    expect(after.body).toContain('Your request for reconsideration was sent to the City Clerk.');
    expect(after.body).toContain('Reconsideration of the denial');
    expect(after.body).toContain('waiting for the Clerk');
    expect(after.body).not.toContain('Ask for a reconsideration');
  });

  it('shows released records, fees and public messages to the requester, and never internal notes', async () => {
    const token = await file('Bid documents for the 2026 street resurfacing contract');
    const { id } = (await t.app.services.desk.byFollowToken(token))!;
    const desk = t.app.services.desk;
    await desk.addMessage(id, clerk, { kind: 'public', body: 'We found 3 bid packages.' });
    await desk.addMessage(id, clerk, { kind: 'internal', body: 'Ask Public Works about the fourth.' });
    const path = join(t.config.dataDir, 'bids.pdf');
    writeFileSync(path, '%PDF-1.4 bids');
    await desk.release(id, clerk, {
      kind: 'upload',
      title: 'Bid packages',
      visibility: 'requester',
      fileName: 'bids.pdf',
      path,
    });
    await desk.release(id, clerk, {
      kind: 'offline',
      title: 'Plan sheets',
      visibility: 'staff',
      description: 'At City Hall',
    });
    await desk.setFees(id, clerk, {
      lines: [{ kind: 'duplication', description: '40 pages at $0.10', amountCents: 400 }],
      payment: 'awaiting_payment',
    });
    const page = await t.inject(`/records/follow/${token}`);
    expect(page.body).toContain('We found 3 bid packages.');
    expect(page.body).not.toContain('Ask Public Works about the fourth.');
    expect(page.body).toMatch(/<a href="[^"]+" download="bids\.pdf">Bid packages<\/a>/);
    expect(page.body).toContain('released to you only');
    expect(page.body).not.toContain('Plan sheets');
    expect(page.body).toContain('40 pages at $0.10');
    expect(page.body).toContain('$4.00');
    expect(page.body).toContain('Waiting for your payment');
    const link = /<a href="([^"]+)" download="bids\.pdf">/.exec(page.body)![1]!;
    const download = await t.inject(link);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('%PDF-1.4 bids');
  });

  it('speaks Vietnamese and Spanish', async () => {
    const vi = await openForm('vi');
    expect(vi.page.body).toContain('<html lang="vi">');
    expect(vi.page.body).toContain('<h1>Yêu cầu hồ sơ công khai</h1>');
    expect(vi.page.body).toContain('tòa thượng thẩm');
    const es = await openForm('es');
    expect(es.page.body).toContain('<h1>Solicitudes de registros públicos</h1>');
    expect(es.page.body).toContain('tribunal superior');
    const token = await file('Contratos de limpieza de calles de 2025');
    const follow = await t.inject({ url: `/records/follow/${token}`, headers: { cookie: 'plaza_lang=es' } });
    expect(follow.body).toContain('Esta es su página privada.');
    expect(follow.body).toContain('Retirar su solicitud');
  });
});
