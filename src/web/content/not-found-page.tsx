import { vendorUrl } from '../assets/vendor.js';
import { h, type SafeHtml } from '../html.js';
import { Layout, type SiteInfo } from '../pages/layout.js';

/**
 * "Page not found" for people who came with a browser: what happened, a search of the catalog, and the pages
 * most people look for. Like the error page, it is not for search engines.
 */
export function NotFoundPage(props: { site: SiteInfo; title?: string; message?: string }): SafeHtml {
  const { site } = props;
  const t = site.t.common;
  const c = site.t.content;
  const title = props.title ?? t.notFoundTitle;
  return (
    <Layout site={site} title={title} index={false}>
      <h1>{title}</h1>
      <p>{props.message ?? t.notFoundMessage}</p>
      <section class="not-found-search" aria-labelledby="not-found-search">
        <h2 id="not-found-search">{c.searchHeading}</h2>
        <form class="usa-search" role="search" method="get" action="/datasets">
          <label class="usa-sr-only" for="not-found-q">
            {c.searchLabel}
          </label>
          <input class="usa-input" id="not-found-q" type="search" name="q" />
          <button class="usa-button" type="submit">
            <span class="usa-search__submit-text">{c.searchButton}</span>
            <img
              src={vendorUrl('uswds', 'img/usa-icons-bg/search--white.svg')}
              class="usa-search__submit-icon"
              alt={c.searchButton}
            />
          </button>
        </form>
      </section>
      <h2>{c.notFoundPlaces}</h2>
      <ul class="not-found-links">
        <li>
          <a href="/">{t.navHome}</a>
        </li>
        <li>
          <a href="/datasets">{t.searchAll}</a>
        </li>
        <li>
          <a href="/live">{t.navLive}</a>
        </li>
        <li>
          <a href="/developers">{t.navDevelopers}</a>
        </li>
        <li>
          <a href="/faq">{t.faq}</a>
        </li>
      </ul>
    </Layout>
  );
}
