/**
 * Published datasets that may already answer a request, found on the server for the form's no-script "check for
 * datasets first" step: the same searches the island makes (see public-suggest.ts), as the public sees the
 * catalog, and the same list it draws.
 */
import type { CatalogService } from '../../catalog/catalog.service.js';
import { PUBLIC_VIEWER } from '../../catalog/catalog.service.js';
import { h, raw, type SafeHtml } from '../../web/html.js';
import type { SiteInfo } from '../../web/pages/layout.js';
import { mergeSuggestions, suggestionSummary, suggestionTerms, SUGGEST_LIMIT } from './public-suggest.js';

export interface Suggestion {
  id: string;
  title: string;
  department: string;
  summary: string;
}

/** The suggestions for a request's description: only published, public datasets, whoever asks. */
export async function findSuggestions(
  catalog: Pick<CatalogService, 'list'>,
  description: string,
  ignore: string,
): Promise<Suggestion[]> {
  const terms = suggestionTerms(description, [ignore]);
  const lists = await Promise.all(
    terms.map(async (q) => (await catalog.list({ q, limit: SUGGEST_LIMIT }, PUBLIC_VIEWER)).results),
  );
  return mergeSuggestions(lists).map((d) => ({
    id: d.id,
    title: d.title,
    department: d.department.name,
    summary: suggestionSummary(d.description),
  }));
}

/** The list under the description (the island draws the same markup). */
export function SuggestionList(props: { site: SiteInfo; suggestions: readonly Suggestion[] }): SafeHtml {
  const t = props.site.t.records;
  if (props.suggestions.length === 0) return <p class="records-suggest__none">{t.suggestNone}</p>;
  return (
    <section class="records-suggest__found" aria-labelledby="records-suggest-heading">
      <h3 class="records-suggest__heading" id="records-suggest-heading">
        {t.suggestHeading}
      </h3>
      <p class="records-suggest__intro">{t.suggestIntro}</p>
      <ul class="usa-list usa-list--unstyled records-suggest__list">
        {props.suggestions.map((s) => (
          <li class="records-suggest__item">
            <a href={`/datasets/${encodeURIComponent(s.id)}`} target="_blank" rel="noopener">
              {s.title}
              <span class="usa-sr-only"> {t.opensNewTab}</span>
            </a>
            <span class="records-suggest__department">{s.department}</span>
            {s.summary ? <span class="records-suggest__summary">{s.summary}</span> : raw('')}
          </li>
        ))}
      </ul>
    </section>
  );
}
