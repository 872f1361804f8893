/**
 * Mail delivery: with PLAZA_SMTP_URL set, outbox messages reach a real SMTP server (To, Subject, a link in the
 * body intact, through quoted-printable), enforcement notices and password-reset mail among them; a failing
 * server leads to retries with a growing wait and no message lost. Without SMTP, mail stays in the outbox and
 * admins read it in the development mailbox.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/access/mail/mailer.js';
import { createDeveloper, createKey, createStaff, sessionOf } from '../fixtures/accounts.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const FROM = 'Westminster Open Data <opendata@westminster.example>';
/** A link as mail breaks it: long, with `=`, `&`, `%`, `_` and `-` that quoted-printable must carry intact. */
const LINK =
  'http://plaza.test/signin/reset?token=Zm9vYmFy_LONG-token-value-0123456789abcdefghijklmnopqrstuvwxyz&next=%2Faccount%2Fkeys%3Fa%3D1%26b%3D2&x=y=z';

/** Waits until a condition on the database holds. */
async function until<T>(read: () => Promise<T>, holds: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeDb('mail: SMTP delivery and the development mailbox', () => {
  describe('with SMTP', () => {
    let smtp: TestSmtp;
    let t: TestApp;
    const row = (id: string) =>
      t.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    beforeAll(async () => {
      smtp = await startSmtp();
      t = await createTestApp({ env: { PLAZA_SMTP_URL: smtp.url, PLAZA_MAIL_FROM: FROM } });
    });
    afterEach(() => smtp.refuse(undefined));
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    it('delivers a queued message: recipient, subject and a link intact', async () => {
      const before = smtp.messages.length;
      const id = await t.app.services.access.outbox.enqueue({
        to: 'Dana@Example.org',
        subject: 'Réinitialisez votre mot de passe — Westminster',
        body: `Bonjour,\n\nUse this link within the hour (it is longer than a mail line may be):\n\n${LINK}\n\nMerci.\n`,
        kind: 'password_reset',
      });
      const mail = await smtp.waitFor(before + 1);
      expect(mail.envelope).toEqual({ from: 'opendata@westminster.example', to: ['dana@example.org'] });
      expect(mail.headers.get('to')).toBe('dana@example.org');
      expect(mail.headers.get('from')).toBe(FROM);
      expect(mail.subject).toBe('Réinitialisez votre mot de passe — Westminster');
      expect(mail.headers.get('message-id')).toBe(`<${id}@plaza.test>`);
      expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
      // The raw message wraps and escapes the link; decoded, it is the same link.
      expect(mail.raw).not.toContain(LINK);
      expect(mail.text).toContain(`\n${LINK}\n`);
      expect(mail.text).toContain('Bonjour,');
      const sent = await until(
        () => row(id),
        (r) => r.sent_at !== null,
      );
      expect(sent).toMatchObject({ attempts: 0, last_error: null });
    });

    it('mails an enforcement notice to the holder', async () => {
      const before = smtp.messages.length;
      const dev = await createDeveloper(t, { name: 'Dana', email: 'dana-notice@example.org' });
      const key = await createKey(t, dev, 'harbor app');
      const res = await t.injectAsAdmin({
        method: 'POST',
        url: `/api/v1/admin/keys/${key.id}/suspend`,
        payload: {
          category: 'licence_breach',
          reason: 'The tiles carry no attribution.',
          until: '2099-06-01',
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const mail = await smtp.waitFor(before + 1);
      expect(mail.envelope.to).toEqual(['dana-notice@example.org']);
      expect(mail.subject).toBe('Your API key "harbor app" is suspended');
      expect(mail.text).toContain('The tiles carry no attribution.');
      expect(mail.text).toContain('until Jun 1, 2099, 12:00 AM PDT');
      expect(mail.text).toContain('reply to this message');
      expect(mail.text).not.toContain(key.secret);
    });

    it('mails a password reset link that works when followed', async () => {
      const before = smtp.messages.length;
      const dev = await createDeveloper(t, { email: 'forgetful@example.org' });
      const form = await t.inject('/signin/forgot');
      expect(form.statusCode).toBe(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const asked = await t.inject({
        method: 'POST',
        url: '/signin/forgot',
        headers: { cookie },
        payload: { email: dev.email, _csrf: csrf },
      });
      expect(asked.statusCode, asked.body).toBe(200);
      const mail = await smtp.waitFor(before + 1);
      expect(mail.envelope.to).toEqual([dev.email]);
      expect(mail.subject).toMatch(/^Reset your password/);
      const link = /http:\/\/plaza\.test\/signin\/reset\?token=\S+/.exec(mail.text)![0];
      const page = await t.inject(link.replace('http://plaza.test', ''));
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(dev.email);
    });

    it('retries a refused message with a growing wait, and loses nothing', async () => {
      const before = smtp.messages.length;
      const outbox = t.app.services.access.outbox;
      smtp.refuse({ code: 451, message: 'Mailbox busy, try again later' });
      const started = Date.now();
      const id = await outbox.enqueue({
        to: 'retry@example.org',
        subject: 'Retry me',
        body: `Link: ${LINK}\n`,
        kind: 'test',
      });
      const first = await until(
        () => row(id),
        (r) => r.attempts === 1,
      );
      expect(first.sent_at).toBeNull();
      expect(first.last_error).toMatch(/451/);
      const wait = Date.parse(first.next_attempt_at) - started;
      expect(wait).toBeGreaterThan(55_000);
      expect(wait).toBeLessThan(65_000 + (Date.now() - started));

      // A minute passes (moved rather than waited for); the next message wakes the mailer, which tries both.
      const later = async () => {
        await t.db.kysely
          .updateTable('outbox')
          .set({ next_attempt_at: new Date(Date.now() - 1000).toISOString() })
          .where('id', '=', id)
          .execute();
      };
      await later();
      const second = await outbox.enqueue({
        to: 'retry@example.org',
        subject: 'Second',
        body: 'Two.\n',
        kind: 'test',
      });
      const again = await until(
        () => row(id),
        (r) => r.attempts === 2,
      );
      expect(Date.parse(again.next_attempt_at) - Date.now()).toBeGreaterThan(110_000);
      await until(
        () => row(second),
        (r) => r.attempts === 1,
      );
      expect(smtp.refused()).toBeGreaterThanOrEqual(3);

      // The server is back.
      smtp.refuse(undefined);
      await later();
      await t.db.kysely
        .updateTable('outbox')
        .set({ next_attempt_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', second)
        .execute();
      await outbox.enqueue({ to: 'retry@example.org', subject: 'Third', body: 'Three.\n', kind: 'test' });
      await smtp.waitFor(before + 3);
      await until(
        () => row(id),
        (r) => r.sent_at !== null,
      );
      const subjects = smtp.messages.slice(before).map((m) => m.subject);
      expect(subjects.sort()).toEqual(['Retry me', 'Second', 'Third']);
      const delivered = smtp.messages.slice(before).find((m) => m.subject === 'Retry me')!;
      expect(delivered.text).toContain(LINK);
      expect(await row(id)).toMatchObject({ attempts: 2, last_error: null });
    });

    it('shows delivery in the mailbox, without the text of messages', async () => {
      const admin = await sessionOf(t, await createStaff(t, [{ role: 'admin' }]));
      const id = await t.app.services.access.outbox.enqueue({
        to: 'private@example.org',
        subject: 'A private link',
        body: `Secret link: ${LINK}\n`,
        kind: 'password_reset',
      });
      await until(
        () => row(id),
        (r) => r.sent_at !== null,
      );
      const list = (await admin.inject('/staff/mailbox')).body;
      expect(list).toContain('Mail is delivered over SMTP');
      expect(list).toContain('A private link');
      const one = await admin.inject(`/staff/mailbox/${id}`);
      expect(one.statusCode).toBe(200);
      expect(one.body).toContain('private@example.org');
      expect(one.body).not.toContain('Secret link');
    });
  });

  describe('when the SMTP server cannot be reached', () => {
    it('counts a failed attempt and keeps the message', async () => {
      const closed = await startSmtp();
      const url = closed.url;
      await closed.close();
      const t = await createTestApp({ env: { PLAZA_SMTP_URL: url } });
      try {
        const id = await t.app.services.access.outbox.enqueue({
          to: 'nobody@example.org',
          subject: 'Nowhere to go',
          body: 'Hello.\n',
          kind: 'test',
        });
        const failed = await until(
          () => t.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
          (r) => r.attempts === 1,
        );
        expect(failed.sent_at).toBeNull();
        expect(failed.last_error).toMatch(/ECONNREFUSED|ESOCKET|connect/i);
      } finally {
        await t.close();
      }
    });
  });

  describe('without SMTP', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('keeps mail in the outbox, for admins to read in the mailbox', async () => {
      const outbox = t.app.services.access.outbox;
      const id = await outbox.enqueue({
        to: 'dev@example.org',
        subject: 'Confirm your address',
        body: `Open ${LINK} to confirm.\n`,
        kind: 'verify_email',
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await outbox.get(id)).toMatchObject({ sentAt: null, attempts: 0 });

      const admin = await sessionOf(t, await createStaff(t, [{ role: 'admin' }]));
      const list = await admin.inject('/staff/mailbox');
      expect(list.statusCode).toBe(200);
      const html = list.body;
      expect(html).toContain('Mail is not being delivered because PLAZA_SMTP_URL is unset');
      expect(html).toContain(`href="/staff/mailbox/${id}"`);
      expect(html).toContain('Confirm your address');
      const filtered = (await admin.inject('/staff/mailbox?to=someone-else@example.org')).body;
      expect(filtered).not.toContain('Confirm your address');

      const one = await admin.inject(`/staff/mailbox/${id}`);
      expect(one.statusCode).toBe(200);
      // The text is shown as text: the link is there, escaped for HTML.
      expect(one.body).toContain(LINK.replace(/&/g, '&amp;'));
      expect((await admin.inject('/staff/mailbox/no-such-message')).statusCode).toBe(404);
    });

    it('sends each message once when two nodes deliver the same outbox', async () => {
      const outbox = t.app.services.access.outbox;
      const sent: string[][] = [[], []];
      const node = (i: number) =>
        createMailer({
          outbox,
          transport: {
            async send(mail) {
              await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
              sent[i]!.push(mail.subject);
            },
            close: () => undefined,
          },
          from: FROM,
          domain: 'plaza.test',
          log: { info: () => undefined, warn: () => undefined, error: () => undefined },
          batch: 5,
        });
      const nodes = [node(0), node(1)];
      const ids: string[] = [];
      for (let i = 0; i < 30; i++)
        ids.push(
          await outbox.enqueue({ to: 'many@example.org', subject: `n${i}`, body: 'x\n', kind: 'test' }),
        );
      nodes.forEach((n) => n.start());
      try {
        await until(
          () => Promise.all(ids.map((id) => outbox.get(id))),
          (mails) => mails.every((m) => m?.sentAt !== null),
        );
      } finally {
        await Promise.all(nodes.map((n) => n.stop()));
      }
      // (The message of the test before is due too, and is sent once like the others.)
      const all = [...sent[0]!, ...sent[1]!].filter((subject) => /^n\d+$/.test(subject));
      expect(all.length).toBe(30);
      expect(new Set(all).size).toBe(30);
    });

    it('may not be read by anyone but admins', async () => {
      const clerk = await sessionOf(t, await createStaff(t, [{ role: 'clerk' }]));
      const developer = await sessionOf(t, await createDeveloper(t));
      for (const who of [clerk, developer]) {
        const res = await who.inject('/staff/mailbox');
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain('Confirm your address');
      }
      const anonymous = await t.inject('/staff/mailbox');
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe('/signin?next=%2Fstaff%2Fmailbox');
    });
  });
});
