import type { City } from '../../city/city.js';
import type { Formatter } from '../format.js';
import { Fragment, h, raw, type SafeHtml } from '../html.js';
import { messagesFor, type T } from '../i18n/index.js';
import { LANGS, LANGUAGES, type Lang } from '../i18n/lang.js';

export interface SiteInfo {
  cityName: string;
  city: City;
  /** The language this page is shown in (English on pages that are not translated). */
  lang: Lang;
  /** The visitor's chosen language (may differ from `lang` on an English-only page). */
  chosenLang: Lang;
  /** The interface strings of `lang`. */
  t: T;
  /** Dates and numbers for `lang`, in the city's time zone. */
  format: Formatter;
  /** The city's time zone (for islands that write times themselves). */
  timeZone: string;
  /** This page's path and query without `lang`. */
  path: string;
  /** Whether the page's address names its language (`?lang=`): then that address is the canonical one. */
  langInUrl: boolean;
  /** The portal's public base URL, for canonical URLs and structured data. */
  publicUrl: string;
  assets: { uswds: string; theme: string; island(name: string): string };
  /** The signed-in account, for the header's account links and sign-out form. */
  account?: AccountNav;
}

export interface AccountNav {
  name: string;
  /** Staff go to the staff console, developers to their account page. */
  staff: boolean;
  /** The session's CSRF token, for the sign-out form. */
  csrf: string;
}

export interface LayoutProps {
  site: SiteInfo;
  title: string;
  description?: string;
  /** Which navigation item is current ('datasets', 'live', 'departments', 'developers', 'about'). */
  section?: string;
  /** Client islands this page loads (entries of src/web/client); none means the page ships no JavaScript. */
  islands?: readonly string[];
  /** Extra stylesheets (vendor URLs) for the islands. */
  styles?: readonly string[];
  /** schema.org structured data, as JSON-LD. */
  jsonLd?: unknown;
  /** OpenGraph type ('website' by default). */
  ogType?: string;
  /** Whether search engines should index the page (false for search result pages with filters, forms). */
  index?: boolean;
  children?: unknown;
}

/** `?lang=xx` added to a path that may already have a query. */
export function withLang(path: string, lang: Lang): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

/** JSON for a script element: `<` escaped so that no string in it can close the element. */
export function jsonScript(value: unknown): SafeHtml {
  return raw(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028|\u2029/g, ''),
  );
}

function LanguageSwitcher(props: { site: SiteInfo }): SafeHtml {
  const { site } = props;
  return (
    <nav class="language-switcher" aria-label={site.t.common.language}>
      <ul>
        {LANGS.map((lang) => (
          <li>
            <a
              href={withLang(site.path, lang)}
              lang={lang}
              hreflang={lang}
              aria-current={lang === site.chosenLang ? 'true' : undefined}
            >
              {LANGUAGES[lang].name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function NavLink(props: { href: string; current: boolean; children?: unknown }): SafeHtml {
  return (
    <li>
      <a href={props.href} aria-current={props.current ? 'page' : undefined}>
        {props.children as SafeHtml}
      </a>
    </li>
  );
}

/** The frame of every page: skip link, header with navigation and languages, main landmark, footer. */
export function Layout(props: LayoutProps): SafeHtml {
  const { site } = props;
  const t = site.t.common;
  const siteTitle = t.siteTitle(site.cityName);
  const address = `${site.publicUrl}${site.path}`;
  // Each language version is its own page (`?lang=`), and the address without it is the default for search engines.
  const canonical = site.langInUrl ? withLang(address, site.lang) : address;
  const section = props.section;
  const islands = props.islands ?? [];
  return (
    <html lang={site.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${siteTitle}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.index === false ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={canonical} />
        {LANGS.map((lang) => (
          <link rel="alternate" hreflang={lang} href={withLang(address, lang)} />
        ))}
        <link rel="alternate" hreflang="x-default" href={address} />
        <meta property="og:site_name" content={siteTitle} />
        <meta property="og:title" content={props.title} />
        <meta property="og:type" content={props.ogType ?? 'website'} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={LANGUAGES[site.lang].locale.replace('-', '_')} />
        {props.description ? <meta property="og:description" content={props.description} /> : null}
        <meta name="theme-color" content={site.city.colours.primaryDark} />
        <link rel="stylesheet" href={site.assets.uswds} />
        {(props.styles ?? []).map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <link rel="stylesheet" href={site.assets.theme} />
        {props.jsonLd ? <script type="application/ld+json">{jsonScript(props.jsonLd)}</script> : null}
        {islands.map((name) => (
          <script src={site.assets.island(name)} defer></script>
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipLink}
        </a>
        <header class="site-header">
          <div class="site-topbar">
            <div class="wrap">
              <LanguageSwitcher site={site} />
            </div>
          </div>
          <div class="wrap site-header-row">
            <a class="site-name" href="/">
              {site.city.seal ? (
                <img class="seal" src="/assets/city/seal" alt="" width="40" height="40" />
              ) : (
                <span class="seal" aria-hidden="true"></span>
              )}
              <span>
                {site.cityName} <span class="site-sub">{t.openData}</span>
              </span>
            </a>
            <nav aria-label={t.mainNav} class="site-nav">
              <ul>
                <NavLink href="/datasets" current={section === 'datasets'}>
                  {t.navDatasets}
                </NavLink>
                <NavLink href="/live" current={section === 'live'}>
                  {t.navLive}
                </NavLink>
                <NavLink href="/departments" current={section === 'departments'}>
                  {t.navDepartments}
                </NavLink>
                <NavLink href="/developers" current={section === 'developers'}>
                  {t.navDevelopers}
                </NavLink>
                <NavLink href="/about" current={section === 'about'}>
                  {t.navAbout}
                </NavLink>
                {site.account ? (
                  <>
                    <li>
                      <a href={site.account.staff ? '/staff' : '/account'}>
                        {site.account.staff ? t.staffConsole : t.yourAccount}
                      </a>
                    </li>
                    <li>
                      <form method="post" action="/signout" class="inline-form">
                        <input type="hidden" name="_csrf" value={site.account.csrf} />
                        <button type="submit" class="link-button">
                          {t.signOut}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a href="/signin">{t.signIn}</a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">
          {site.lang !== site.chosenLang ? (
            <p class="english-only" lang={site.chosenLang}>
              {messagesFor(site.chosenLang).common.englishOnly}
            </p>
          ) : null}
          {props.children as SafeHtml}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <nav aria-label={t.footerLinks}>
              <ul class="footer-links">
                <li>
                  <a href="/about">{t.about}</a>
                </li>
                <li>
                  <a href="/terms">{t.terms}</a>
                </li>
                <li>
                  <a href="/licences">{t.licences}</a>
                </li>
                <li>
                  <a href="/privacy">{t.privacy}</a>
                </li>
                <li>
                  <a href="/faq">{t.faq}</a>
                </li>
                <li>
                  <a href="/records">{t.records}</a>
                </li>
                <li>
                  <a href="/api/docs">{t.apiReference}</a>
                </li>
                <li>
                  <a href="/status">{t.serviceStatus}</a>
                </li>
              </ul>
            </nav>
            <p>{t.footerPublisher(site.cityName)}</p>
            <p>{t.footerDemo}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
