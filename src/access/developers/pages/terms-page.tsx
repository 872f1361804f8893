/**
 * The terms of use that developers accept when they sign up: the city's own text (`content/terms.<lang>.md` in
 * its folder), in the visitor's language, under the version line that the sign-up records.
 */
import { h, type SafeHtml } from '../../../web/html.js';
import { readContent } from '../../../web/content/content-files.js';
import { ContentPage } from '../../../web/content/content-page.js';
import { NotFoundPage } from '../../../web/content/not-found-page.js';
import type { SiteInfo } from '../../../web/pages/layout.js';

export function TermsPage(props: { site: SiteInfo; version: string }): SafeHtml {
  const { site } = props;
  const doc = readContent(site.city.dir, 'terms', site.lang);
  // A city folder without terms is a configuration fault (logged at start); say so plainly rather than fail.
  if (!doc) return NotFoundPage({ site });
  const lead = (
    <p class="content-lead" lang={doc.fallback ? site.lang : undefined}>
      {site.t.content.termsVersion(props.version)}
    </p>
  );
  return <ContentPage site={site} name="terms" doc={doc} lead={lead} />;
}
