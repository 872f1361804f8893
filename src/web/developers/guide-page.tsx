import { renderProse } from '../content/prose.js';
import { GUIDE_GROUPS, GUIDES } from '../guides.js';
import { h, type SafeHtml } from '../html.js';
import { Layout, type SiteInfo } from '../pages/layout.js';

/** The guides, grouped by reader, as the design system's side navigation. */
function GuidesNav(props: { site: SiteInfo; current: string }): SafeHtml {
  const t = props.site.t.developers;
  return (
    <nav class="content-nav" aria-label={t.guideNav}>
      <p class="guides-home">
        <a href="/developers">{t.allGuides}</a>
      </p>
      {GUIDE_GROUPS.map((group, i) => (
        <div class="guides-group">
          <h2 class="guides-group-title" id={`guides-group-${i}`}>
            {group.title}
          </h2>
          <ul class="usa-sidenav" aria-labelledby={`guides-group-${i}`}>
            {group.names.map((name) => (
              <li class="usa-sidenav__item">
                <a
                  href={`/docs/${name}`}
                  class={name === props.current ? 'usa-current' : undefined}
                  aria-current={name === props.current ? 'page' : undefined}
                >
                  {GUIDES[name]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/**
 * A guide from `docs/`, rendered from its Markdown, with the list of guides beside it. The guides are English:
 * the route passes an English site, and the Layout tells visitors of other languages so in theirs.
 */
export function GuidePage(props: {
  site: SiteInfo;
  name: string;
  title: string;
  markdown: string;
}): SafeHtml {
  const { html } = renderProse(props.markdown);
  return (
    <Layout site={props.site} title={props.title} section="developers">
      <div class="content-layout">
        <article class="guide content-main">{html}</article>
        <GuidesNav site={props.site} current={props.name} />
      </div>
    </Layout>
  );
}
