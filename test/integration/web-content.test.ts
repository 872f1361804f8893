/**
 * The city's content pages (about, terms, licences, privacy, questions and answers) in every language, from the
 * Markdown in its folder, falling back to English when a translation is missing; and the page a browser gets for
 * an address nothing answers, while API clients keep the JSON error.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCityDir } from '../../src/city/city.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The title each page's Markdown gives in each language. */
const TITLES: Record<string, Record<'en' | 'vi' | 'es', string>> = {
  about: {
    en: 'About Westminster Open Data',
    vi: 'Giới thiệu Dữ liệu Mở Westminster',
    es: 'Acerca de Datos Abiertos de Westminster',
  },
  terms: { en: 'Terms of use', vi: 'Điều khoản sử dụng', es: 'Condiciones de uso' },
  licences: { en: 'Data licences', vi: 'Giấy phép dữ liệu', es: 'Licencias de datos' },
  privacy: { en: 'Privacy', vi: 'Quyền riêng tư', es: 'Privacidad' },
  faq: { en: 'Questions and answers', vi: 'Câu hỏi thường gặp', es: 'Preguntas frecuentes' },
};

const h1 = (body: string) => /<h1>([^<]*)<\/h1>/.exec(body)?.[1];

describeDb('content pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  for (const [name, titles] of Object.entries(TITLES)) {
    for (const lang of ['en', 'vi', 'es'] as const) {
      it(`serves /${name} in ${lang}, as text only`, async () => {
        const res = await t.inject({ url: `/${name}?lang=${lang}`, headers: HTML });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['content-language']).toBe(lang);
        expect(res.body).toContain(`<html lang="${lang}">`);
        expect(h1(res.body)).toBe(titles[lang]);
        expect(res.body).toContain(`<title>${titles[lang]} · `);
        // A text page ships no JavaScript, and it is the city's own text: no note that it is untranslated.
        expect(res.body).not.toMatch(/<script/i);
        expect(res.body).not.toContain('content-fallback');
        // The About item of the header is current, and the page is marked in the side list of pages.
        expect(res.body).toContain('<a href="/about" aria-current="page">');
        expect(res.body).toMatch(new RegExp(`<a href="/${name}" class="usa-current" aria-current="page">`));
      });
    }
  }

  it('answers what residents ask: live feeds, fees, enforcement, problems, unpublished data', async () => {
    const faq = (await t.inject('/faq?lang=en')).body;
    for (const question of [
      'Are live feeds available?',
      'Are there fees?',
      'Who makes sure the data is used properly?',
      'How do I report a problem with the data?',
      'How do I ask for data that is not published here?',
    ]) {
      expect(faq).toContain(question);
    }
    for (const fact of ['Server-Sent Events, MQTT and the OGC SensorThings API', 'direct', 'City Clerk']) {
      expect(faq).toContain(fact);
    }
    expect(faq).toContain('California Public Records Act');
    expect(faq).toContain('<a href="mailto:cityclerk@westminster-ca.example"');
    // Long pages list their sections, each linking to its heading.
    expect(faq).toMatch(/<a href="#are-there-fees">Are there fees\?<\/a>/);
    expect(faq).toContain('<h2 id="are-there-fees">');
    const about = (await t.inject('/about?lang=vi')).body;
    expect(about).toContain('dữ liệu tổng hợp');
    expect(about).toContain('8200 Westminster Boulevard, Westminster, CA 92683');
    const licences = (await t.inject('/licences?lang=es')).body;
    for (const licence of ['PDDL 1.0', 'CC0 1.0', 'ODC-By 1.0', 'CC BY 4.0', 'ODbL 1.0']) {
      expect(licences).toContain(licence);
    }
    const privacy = (await t.inject('/privacy?lang=en')).body;
    expect(privacy).toContain('plaza_lang');
    expect(privacy).toMatch(/only as a fingerprint/);
  });

  it('keeps the version of the terms under their title, in the visitor’s language', async () => {
    const version = t.config.termsVersion;
    expect((await t.inject('/terms?lang=en')).body).toContain(`Version ${version} of these terms.`);
    expect((await t.inject('/terms?lang=vi')).body).toContain(`Phiên bản ${version} của các điều khoản này.`);
    expect((await t.inject('/terms?lang=es')).body).toContain(`Versión ${version} de estas condiciones.`);
  });

  it('remembers a language chosen with ?lang= and uses it on the next page', async () => {
    const chosen = await t.inject('/about?lang=vi');
    const cookie = chosen.cookies.find((c) => c.name === 'plaza_lang');
    expect(cookie?.value).toBe('vi');
    const next = await t.inject({ url: '/privacy', cookies: { plaza_lang: 'vi' } });
    expect(next.body).toContain('<html lang="vi">');
    expect(h1(next.body)).toBe(TITLES.privacy!.vi);
    const asked = await t.inject({ url: '/privacy?lang=es', cookies: { plaza_lang: 'vi' } });
    expect(h1(asked.body)).toBe(TITLES.privacy!.es);
  });

  describe('for browsers and API clients at an unknown address', () => {
    it('shows browsers a page in their language, with a search of the catalog', async () => {
      const res = await t.inject({ url: '/no-such-page?lang=es', headers: HTML });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<html lang="es">');
      expect(h1(res.body)).toBe('Página no encontrada');
      expect(res.body).toMatch(/<form class="usa-search" role="search" method="get" action="\/datasets">/);
      expect(res.body).toMatch(/<input class="usa-input" id="not-found-q" type="search" name="q">/);
      expect(res.body).toContain('<meta name="robots" content="noindex">');
      expect(res.body).not.toMatch(/<script/i);
    });

    it('keeps the JSON error for API paths, clients that prefer JSON, and other methods', async () => {
      for (const request of [
        { url: '/no-such-page', headers: { accept: 'application/json' } },
        { url: '/no-such-page', headers: { accept: 'application/json, text/html;q=0.5' } },
        { url: '/no-such-page', headers: {} },
        { url: '/no-such-page', headers: { accept: '*/*' } },
        { url: '/api/v1/no-such-thing', headers: HTML },
        { url: '/api', headers: HTML },
        { url: '/resource/no-such-thing.json/more', headers: HTML },
        { url: '/assets/no-such-file.css', headers: HTML },
        { url: '/no-such-page', method: 'POST' as const, headers: HTML },
      ]) {
        const res = await t.inject(request);
        expect(res.statusCode, request.url).toBe(404);
        expect(res.headers['content-type'], request.url).toMatch(/^application\/json/);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('route.not_found');
      }
    });
  });
});

describeDb('content pages of a city that has not translated everything', () => {
  let t: TestApp;
  let city: string;
  beforeAll(async () => {
    city = mkdtempSync(join(tmpdir(), 'plaza-city-'));
    copyFileSync(join(defaultCityDir(), 'city.json'), join(city, 'city.json'));
    copyFileSync(join(defaultCityDir(), 'holidays.json'), join(city, 'holidays.json'));
    mkdirSync(join(city, 'content'));
    writeFileSync(join(city, 'content', 'about.en.md'), '# About *Testville*\n\nWe publish **data**.\n');
    writeFileSync(
      join(city, 'content', 'about.vi.md'),
      '# Giới thiệu Testville\n\nChúng tôi công bố dữ liệu.\n',
    );
    writeFileSync(join(city, 'content', 'terms.en.md'), '# Rules\n\nBe kind to the servers.\n');
    t = await createTestApp({ config: { cityDir: city } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(city, { recursive: true, force: true });
  });

  it('shows the English text with a note in the visitor’s language when a translation is missing', async () => {
    const res = await t.inject('/about?lang=es');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain('Esta página todavía no está traducida al español. Se muestra en inglés.');
    // The English text says it is English; the interface around it stays Spanish.
    expect(res.body).toMatch(/<article class="usa-prose content-body" lang="en"><h1>About Testville<\/h1>/);
    expect(res.body).toContain('<strong>data</strong>');
    expect(res.body).toContain('<a href="/about" aria-current="page">Acerca de</a>');
  });

  it('uses a translation where there is one, and English for English visitors without a note', async () => {
    const vi = await t.inject('/about?lang=vi');
    expect(h1(vi.body)).toBe('Giới thiệu Testville');
    expect(vi.body).not.toContain('content-fallback');
    const en = await t.inject('/about?lang=en');
    expect(h1(en.body)).toBe('About Testville');
    expect(en.body).not.toContain('content-fallback');
  });

  it('keeps the version line of the terms in the visitor’s language above English terms', async () => {
    const res = await t.inject('/terms?lang=vi');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Rules');
    expect(res.body).toMatch(/<p class="content-lead" lang="vi">Phiên bản [^<]+<\/p>/);
  });

  it('answers "not found" for a page the city has not written in any language', async () => {
    const res = await t.inject({ url: '/faq?lang=vi', headers: HTML });
    expect(res.statusCode).toBe(404);
    expect(h1(res.body)).toBe('Không tìm thấy trang');
  });
});
