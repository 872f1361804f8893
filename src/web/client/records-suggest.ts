/**
 * The duty to assist while the requester types: under the request form's description, published datasets that
 * may already answer it, from the catalog's public search (`/api/v1/datasets?q=...&limit=5`, one search for each
 * telling word, merged: see public-suggest.ts). A polite live region says how many were found; the list itself is
 * drawn like the server draws it after the no-script "check for datasets first" step. Words come from the
 * container's data attributes, in the page's language.
 */
import {
  MIN_SUGGEST_CHARS,
  mergeSuggestions,
  suggestionSearchUrl,
  suggestionSummary,
  suggestionTerms,
} from '../../desk/pages/public-suggest.js';

interface Found {
  id: string;
  title: string;
  description: string;
  department: { name: string };
}

const DEBOUNCE_MS = 600;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function draw(results: HTMLElement, words: DOMStringMap, found: readonly Found[]): void {
  results.replaceChildren();
  if (found.length === 0) {
    results.append(element('p', 'records-suggest__none', words.none ?? ''));
    return;
  }
  const section = element('section', 'records-suggest__found');
  section.setAttribute('aria-labelledby', 'records-suggest-heading');
  const heading = element('h3', 'records-suggest__heading', words.heading ?? '');
  heading.id = 'records-suggest-heading';
  const list = element('ul', 'usa-list usa-list--unstyled records-suggest__list');
  for (const dataset of found) {
    const item = element('li', 'records-suggest__item');
    const link = element('a', '', dataset.title);
    link.href = `/datasets/${encodeURIComponent(dataset.id)}`;
    link.target = '_blank';
    link.rel = 'noopener';
    link.append(element('span', 'usa-sr-only', ` ${words.newTab ?? ''}`));
    item.append(link, element('span', 'records-suggest__department', dataset.department.name));
    const summary = suggestionSummary(dataset.description);
    if (summary) item.append(element('span', 'records-suggest__summary', summary));
    list.append(item);
  }
  section.append(heading, element('p', 'records-suggest__intro', words.intro ?? ''), list);
  results.append(section);
}

function start(): void {
  const box = document.querySelector<HTMLElement>('[data-records-suggest]');
  const field = document.querySelector<HTMLTextAreaElement>('textarea#description');
  const status = box?.querySelector<HTMLElement>('[data-records-suggest-status]');
  const results = box?.querySelector<HTMLElement>('[data-records-suggest-results]');
  if (!box || !field || !status || !results) return;
  const words = box.dataset;
  const counts = JSON.parse(words.found ?? '[]') as string[];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: AbortController | undefined;
  let asked = '';

  async function suggest(text: string): Promise<void> {
    const terms = text.trim().length < MIN_SUGGEST_CHARS ? [] : suggestionTerms(text, [words.ignore ?? '']);
    const key = terms.join(' ');
    if (key === asked) return;
    asked = key;
    running?.abort();
    if (terms.length === 0) {
      results!.replaceChildren();
      status!.textContent = '';
      return;
    }
    const controller = new AbortController();
    running = controller;
    try {
      const lists = await Promise.all(
        terms.map(async (term) => {
          const response = await fetch(suggestionSearchUrl(term), {
            headers: { accept: 'application/json' },
            signal: controller.signal,
          });
          if (!response.ok) return [];
          return ((await response.json()) as { results?: Found[] }).results ?? [];
        }),
      );
      if (controller.signal.aborted) return;
      const found = mergeSuggestions(lists);
      draw(results!, words, found);
      status!.textContent = found.length === 0 ? (words.none ?? '') : (counts[found.length - 1] ?? '');
    } catch {
      // Offline or aborted: the form works without suggestions, and the "check" button still asks the server.
      if (!controller.signal.aborted) asked = '';
    }
  }

  field.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void suggest(field.value), DEBOUNCE_MS);
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
