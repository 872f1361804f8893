/**
 * The account pages in Vietnamese and Spanish: a resident or developer who chose a language keeps it through
 * signing in (and its errors), signing up (and its problems), the account page with its access requests, and
 * the access request form. The headings and labels are the language's, and the page says which it is.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeveloper, sessionOf, type Browser } from '../fixtures/accounts.js';
import { openForm, postForm } from '../fixtures/developer-forms.js';
import { createDataset, importCsv, report, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

/** What each page says in each language (written out here, so that a catalog slip shows). */
const WORDS = {
  vi: {
    signIn: 'Đăng nhập',
    email: 'Địa chỉ email',
    password: 'Mật khẩu',
    forgot: 'Quên mật khẩu?',
    enterEmail: 'Hãy nhập địa chỉ email của bạn.',
    errorPrefix: 'Lỗi: ',
    wrongPassword: 'Địa chỉ email hoặc mật khẩu không đúng.',
    signUp: 'Tạo tài khoản nhà phát triển',
    yourName: 'Họ và tên',
    acceptTerms: 'Tôi chấp nhận điều khoản sử dụng',
    problem: 'Có vấn đề cần sửa',
    acceptProblem: 'Hãy chấp nhận điều khoản sử dụng để tạo tài khoản.',
    shortPassword: 'Hãy dùng ít nhất 12 ký tự.',
    account: 'Tài khoản của bạn',
    apiKeys: 'Khóa API',
    rateLimits: 'Giới hạn truy cập',
    perHour: 'mỗi giờ',
    requests: 'Yêu cầu truy cập',
    requestTitle: 'Yêu cầu quyền truy cập Dataset tree-ages',
    purpose: 'Mục đích',
    intendedUse: 'Cách sử dụng dự kiến',
    writeMore: 'Mục đích: hãy viết ít nhất 20 ký tự',
    send: 'Gửi yêu cầu',
    requestPage: 'Yêu cầu truy cập: Dataset tree-ages',
    sentTo: 'Yêu cầu của bạn đã được gửi đến Public Works.',
    pending: 'Đang chờ',
    withdraw: 'Rút lại yêu cầu này',
  },
  es: {
    signIn: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    forgot: '¿Olvidó su contraseña?',
    enterEmail: 'Escriba su correo electrónico.',
    errorPrefix: 'Error: ',
    wrongPassword: 'El correo electrónico o la contraseña no son correctos.',
    signUp: 'Crear una cuenta de desarrollador',
    yourName: 'Su nombre',
    acceptTerms: 'Acepto las condiciones de uso',
    problem: 'Hay un problema',
    acceptProblem: 'Acepte las condiciones de uso para crear una cuenta.',
    shortPassword: 'Use al menos 12 caracteres.',
    account: 'Su cuenta',
    apiKeys: 'Claves de API',
    rateLimits: 'Límites de uso',
    perHour: 'por hora',
    requests: 'Solicitudes de acceso',
    requestTitle: 'Solicitar acceso a Dataset tree-ages',
    purpose: 'Propósito',
    intendedUse: 'Uso previsto',
    writeMore: 'Propósito: escriba al menos 20 caracteres',
    send: 'Enviar la solicitud',
    requestPage: 'Solicitud de acceso: Dataset tree-ages',
    sentTo: 'Su solicitud se envió a Public Works.',
    pending: 'Pendiente',
    withdraw: 'Retirar esta solicitud',
  },
} as const;

let address = 0;
/** A client address of its own for each sign-in, so that the per-address slow-down of one does not touch another. */
const newIp = () => `203.0.113.${++address}`;

/** The page is in `lang`: the document says so, the header too, and no "English only" notice shows. */
function inLanguage(res: LightMyRequestResponse, lang: string) {
  expect(res.body).toContain(`<html lang="${lang}">`);
  expect(res.headers['content-language']).toBe(lang);
  expect(res.body).not.toContain('class="english-only"');
}

const h1 = (res: LightMyRequestResponse) => /<h1>([^<]*)<\/h1>/.exec(res.body)?.[1];
const label = (res: LightMyRequestResponse, id: string) =>
  new RegExp(`<label for="${id}">([^<]*)</label>`).exec(res.body)?.[1];

describeDb('account pages in Vietnamese and Spanish', () => {
  let t: TestApp;
  let developer: Browser;

  beforeAll(async () => {
    t = await setUpApp();
    await createDataset(t, { id: 'tree-ages', access_level: 'restricted' });
    report(await importCsv(t, 'tree-ages', 'n\n1\n'));
    developer = await sessionOf(t, await createDeveloper(t, { name: 'Lan Nguyen' }));
  });
  afterAll(() => t.close());

  for (const lang of ['vi', 'es'] as const) {
    const w = WORDS[lang];
    const cookie = (more?: string) => [more, `plaza_lang=${lang}`].filter(Boolean).join('; ');

    /** Asks for the restricted dataset as a browser without JavaScript does: session cookie, hidden token. */
    const askFor = (who: Browser, purpose: string) =>
      t.inject({
        method: 'POST',
        url: '/access/request',
        headers: { cookie: cookie(who.cookie), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: who.csrf,
          dataset: 'tree-ages',
          purpose,
          intended_use: 'A map in our community newsletter, kept for a year.',
        }).toString(),
      });

    describe(lang, () => {
      it('shows the sign-in page in the chosen language, and remembers the choice', async () => {
        const res = await t.inject({ url: `/signin?lang=${lang}`, remoteAddress: newIp() });
        expect(res.statusCode).toBe(200);
        inLanguage(res, lang);
        expect(h1(res)).toBe(w.signIn);
        expect(label(res, 'email')).toBe(w.email);
        expect(label(res, 'password')).toBe(w.password);
        expect(res.body).toContain(`<button type="submit">${w.signIn}</button>`);
        expect(res.body).toContain(`<a href="/signin/forgot">${w.forgot}</a>`);
        expect(res.cookies.find((c) => c.name === 'plaza_lang')?.value).toBe(lang);
      });

      it('says what is wrong with a sign-in in the chosen language', async () => {
        const ip = newIp();
        const form = await t.inject({ url: '/signin', remoteAddress: ip, headers: { cookie: cookie() } });
        inLanguage(form, lang);
        const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
        const formCookie = form.cookies.find((c) => c.name === 'plaza_form')!.value;
        const send = (fields: Record<string, string>) =>
          t.inject({
            method: 'POST',
            url: '/signin',
            remoteAddress: ip,
            headers: {
              cookie: cookie(`plaza_form=${formCookie}`),
              'content-type': 'application/x-www-form-urlencoded',
            },
            payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
          });

        const empty = await send({ email: '', password: '' });
        expect(empty.statusCode).toBe(400);
        inLanguage(empty, lang);
        expect(empty.body).toMatch(
          new RegExp(`id="email-error"><span class="visually-hidden">${w.errorPrefix}</span>${w.enterEmail}`),
        );

        const wrong = await send({ email: developer.user.email, password: 'not the password at all' });
        expect(wrong.statusCode).toBe(401);
        inLanguage(wrong, lang);
        expect(wrong.body).toContain(w.wrongPassword);
      });

      it('shows the sign-up form and its problems in the chosen language', async () => {
        const page = await t.inject({ url: '/developers/signup', headers: { cookie: cookie() } });
        expect(page.statusCode).toBe(200);
        inLanguage(page, lang);
        expect(h1(page)).toBe(w.signUp);
        expect(label(page, 'name')).toBe(w.yourName);
        expect(page.body).toContain(w.acceptTerms);

        const form = await openForm(t, `/developers/signup?lang=${lang}`);
        const res = await postForm(
          t,
          '/developers/signup',
          { _csrf: form.csrf, name: 'Lan', email: `lan-${lang}@example.org`, password: 'short' },
          cookie(form.cookie),
        );
        expect(res.statusCode).toBe(422);
        inLanguage(res, lang);
        expect(res.body).toContain(`<h2 id="error-summary-title">${w.problem}</h2>`);
        expect(res.body).toContain(w.acceptProblem);
        expect(res.body).toContain(w.shortPassword);
      });

      it('shows the account page, with its access requests, in the chosen language', async () => {
        const res = await t.inject({ url: '/account', headers: { cookie: cookie(developer.cookie) } });
        expect(res.statusCode).toBe(200);
        inLanguage(res, lang);
        expect(h1(res)).toBe(w.account);
        expect(res.body).toContain(`<h2 id="keys">${w.apiKeys}</h2>`);
        expect(res.body).toContain(`<h2 id="limits">${w.rateLimits}</h2>`);
        expect(res.body).toContain(w.perHour);
        expect(res.body).toContain(`<h2 id="access-requests">${w.requests}</h2>`);
      });

      it('shows the access request form and its problems in the chosen language', async () => {
        const res = await t.inject({
          url: '/access/request?dataset=tree-ages',
          headers: { cookie: cookie(developer.cookie) },
        });
        expect(res.statusCode, res.body).toBe(200);
        inLanguage(res, lang);
        expect(h1(res)).toBe(w.requestTitle);
        expect(label(res, 'purpose')).toBe(w.purpose);
        expect(label(res, 'intended_use')).toBe(w.intendedUse);
        expect(res.body).toContain(`<button type="submit">${w.send}</button>`);

        const sent = await askFor(developer, 'Too short.');
        expect(sent.statusCode).toBe(422);
        inLanguage(sent, lang);
        expect(sent.body).toContain(w.writeMore);
      });

      it('shows the request that was sent, and the list of requests, in the chosen language', async () => {
        const asker = await sessionOf(t, await createDeveloper(t));
        const sent = await askFor(asker, 'Mapping the age of street trees for a shade study.');
        expect(sent.statusCode, sent.body).toBe(303);
        const page = await t.inject({
          url: sent.headers.location!,
          headers: { cookie: cookie(asker.cookie) },
        });
        expect(page.statusCode).toBe(200);
        inLanguage(page, lang);
        expect(h1(page)).toBe(w.requestPage);
        expect(page.body).toContain(w.sentTo);
        expect(page.body).toContain(w.withdraw);
        const list = await t.inject({ url: '/access/requests', headers: { cookie: cookie(asker.cookie) } });
        inLanguage(list, lang);
        expect(list.body).toContain(`>${w.pending}</span>`);
      });
    });
  }

  it('keeps English for those who chose nothing', async () => {
    const res = await t.inject({ url: '/signin', remoteAddress: newIp() });
    expect(res.body).toContain('<html lang="en">');
    expect(h1(res)).toBe('Sign in');
  });
});
