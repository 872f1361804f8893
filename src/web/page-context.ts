/**
 * What every server-rendered page needs from the request: the site's name and the signed-in account for the
 * header, the visitor's language with its messages and formatter, the asset URLs, and a way to send the page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../access/sessions/sessions.service.js';
import { isStaff } from '../access/principal.js';
import type { City } from '../city/city.js';
import type { ThemeAsset } from './assets/assets.routes.js';
import type { Islands } from './assets/islands.js';
import { vendorUrl } from './assets/vendor.js';
import { formatter, type Formatter } from './format.js';
import { renderDocument, type SafeHtml } from './html.js';
import { messagesFor, type T } from './i18n/index.js';
import { LANG_COOKIE, LANGUAGES, LANGS, pickLang, type Lang } from './i18n/lang.js';
import type { SiteInfo } from './pages/layout.js';

export interface PageContext {
  /**
   * The Layout's site info for this request. Public pages pass `{ localized: true }` and are shown in the
   * visitor's language; the others (staff console, account pages) are English and say so to other languages.
   */
  site(request: FastifyRequest, options?: { localized?: boolean }): SiteInfo;
  /** Sends a whole page (a Layout) as HTML, private to the visitor. */
  send(reply: FastifyReply, page: SafeHtml, status?: number): FastifyReply;
  /** Sends a public page: shared caches may keep it for `maxAge` seconds unless the visitor is signed in. */
  sendPublic(
    reply: FastifyReply,
    page: SafeHtml,
    options?: { status?: number; maxAge?: number },
  ): FastifyReply;
}

export interface PageAssets {
  city: City;
  islands: Islands;
  theme: ThemeAsset;
  publicUrl: string;
  timeZone: string;
}

/** The language of a request: `?lang=`, the cookie, Accept-Language, English. */
export function requestLang(request: FastifyRequest): Lang {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  return pickLang({
    query: typeof query === 'string' ? query : undefined,
    cookie: request.cookies?.[LANG_COOKIE],
    acceptLanguage: request.headers['accept-language'],
  });
}

/** The request's path and query without `lang` (the address of the same page in any language). */
export function pathWithoutLang(url: string): string {
  const parsed = new URL(url, 'http://x');
  parsed.searchParams.delete('lang');
  const query = parsed.searchParams.toString();
  return query ? `${parsed.pathname}?${query}` : parsed.pathname;
}

export function pageContext(assets: PageAssets): PageContext {
  const formatters = new Map<Lang, Formatter>(
    LANGS.map((lang) => [lang, formatter(assets.timeZone, LANGUAGES[lang].locale)]),
  );
  const uswds = vendorUrl('uswds', 'css/uswds.min.css');
  const island = (name: string) => assets.islands.url(name);

  const finish = (reply: FastifyReply) => {
    const request = reply.request;
    const query = (request.query as Record<string, unknown> | undefined)?.lang;
    const lang = requestLang(request);
    // `?lang=` is remembered, so that the next page (and the next visit) is in the same language.
    const remember = typeof query === 'string' && query === lang && request.cookies?.[LANG_COOKIE] !== lang;
    if (remember) {
      reply.setCookie(LANG_COOKIE, lang, { path: '/', maxAge: 31_536_000, sameSite: 'lax', httpOnly: false });
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('Content-Language', lang)
      .header('Vary', 'Cookie, Accept-Language');
  };

  return {
    site(request, options = {}) {
      const chosen = requestLang(request);
      const asked = (request.query as Record<string, unknown> | undefined)?.lang;
      const lang: Lang = options.localized ? chosen : 'en';
      const t: T = messagesFor(lang);
      const user = request.principal?.user;
      const base: SiteInfo = {
        cityName: assets.city.name,
        city: assets.city,
        lang,
        chosenLang: chosen,
        t,
        format: formatters.get(lang) ?? formatter(assets.timeZone),
        timeZone: assets.timeZone,
        path: pathWithoutLang(request.url),
        langInUrl: asked === lang,
        publicUrl: assets.publicUrl,
        assets: { uswds, theme: assets.theme.url, island },
      };
      if (!user || !request.session) return base;
      return {
        ...base,
        account: {
          name: user.name || user.email,
          staff: isStaff(request.principal),
          csrf: csrfToken(request.session),
        },
      };
    },
    send: (reply, page, status = 200) =>
      finish(reply).status(status).header('Cache-Control', 'private, no-store').send(renderDocument(page)),
    sendPublic: (reply, page, options = {}) =>
      finish(reply)
        .status(options.status ?? 200)
        .header(
          'Cache-Control',
          // A page that sets the language cookie, or was asked for by someone signed in or with a key (who may
          // see more than the public), is never shared.
          reply.request.session ||
            (reply.request.principal && reply.request.principal.via !== 'anonymous') ||
            reply.hasHeader('set-cookie')
            ? 'private, no-store'
            : `public, max-age=${options.maxAge ?? 60}`,
        )
        .send(renderDocument(page)),
  };
}
