import { h, raw, type SafeHtml } from '../html.js';
import { summary } from '../markdown.js';
import { Layout, type SiteInfo } from '../pages/layout.js';
import type { ContentDoc, ContentName } from './content-files.js';
import { renderProse, type Section } from './prose.js';

/** Pages with this many sections or more list them at the top. */
const TOC_FROM = 5;

function PagesNav(props: { site: SiteInfo; current: ContentName }): SafeHtml {
  const t = props.site.t.common;
  const pages: { name: ContentName; label: string }[] = [
    { name: 'about', label: t.about },
    { name: 'faq', label: t.faq },
    { name: 'terms', label: t.terms },
    { name: 'licences', label: t.licences },
    { name: 'privacy', label: t.privacy },
  ];
  return (
    <nav class="content-nav" aria-label={props.site.t.content.pagesNav}>
      <ul class="usa-sidenav">
        {pages.map((page) => (
          <li class="usa-sidenav__item">
            <a
              href={`/${page.name}`}
              class={page.name === props.current ? 'usa-current' : undefined}
              aria-current={page.name === props.current ? 'page' : undefined}
            >
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The list of a long page's sections, linking to their headings. */
export function OnThisPage(props: { label: string; lang?: string; sections: readonly Section[] }): SafeHtml {
  return (
    <nav class="on-this-page" aria-labelledby="on-this-page">
      <h2 id="on-this-page" lang={props.lang}>
        {props.label}
      </h2>
      <ul>
        {props.sections.map((s) => (
          <li>
            <a href={`#${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A page of the city's own text (about, terms, licences, privacy, questions and answers). `lead` goes under
 * the title (the terms' version line; in the visitor's language, so it carries its own `lang` when the text
 * fell back to English). No islands: a text page ships no JavaScript.
 */
export function ContentPage(props: {
  site: SiteInfo;
  name: ContentName;
  doc: ContentDoc;
  lead?: SafeHtml;
}): SafeHtml {
  const { site, doc } = props;
  const prose = renderProse(doc.body);
  // The list of sections goes after the introduction, before the first section.
  const first = prose.html.html.indexOf('<h2');
  const intro = raw(first < 0 ? prose.html.html : prose.html.html.slice(0, first));
  const sections = raw(first < 0 ? '' : prose.html.html.slice(first));
  return (
    <Layout site={site} title={doc.title} description={summary(doc.body)} section="about">
      <div class="content-layout">
        <div class="content-main">
          {doc.fallback ? (
            <div class="usa-alert usa-alert--info usa-alert--slim content-fallback">
              <div class="usa-alert__body">
                <p class="usa-alert__text">{site.t.content.notTranslated}</p>
              </div>
            </div>
          ) : null}
          <article class="usa-prose content-body" lang={doc.lang === site.lang ? undefined : doc.lang}>
            <h1>{doc.title}</h1>
            {props.lead ?? null}
            {intro}
            {prose.sections.length >= TOC_FROM ? (
              <OnThisPage
                label={site.t.content.onThisPage}
                lang={doc.fallback ? site.lang : undefined}
                sections={prose.sections}
              />
            ) : null}
            {sections}
          </article>
        </div>
        <PagesNav site={site} current={props.name} />
      </div>
    </Layout>
  );
}
