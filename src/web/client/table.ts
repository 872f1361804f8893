/**
 * The table island: the table preview already works with links and forms; this only spares the full page
 * load. A sort, page, filter or page-size change fetches the same table as an HTML fragment from
 * `/datasets/{id}/table?...`, swaps it in, puts the state's URL in the address bar (so Back and sharing
 * work), and moves focus to the summary line so that screen readers hear the new rows. Anything unexpected
 * falls back to ordinary navigation. It also offers only the conditions that fit the chosen column.
 */
import { formTarget, fragmentUrl, isTableUrl } from './_table-url.js';

const VIEW = '[data-table-view]';

let inFlight: AbortController | undefined;
/** The address (path and query) of the table state shown, to tell a move between anchors from a new state. */
let shownAddress = `${window.location.pathname}${window.location.search}`;

function currentView(): HTMLElement | null {
  return document.querySelector<HTMLElement>(VIEW);
}

/** Limits the condition list to the chosen column's operators and shows the second value only for ranges. */
function fitConditions(view: HTMLElement): void {
  const column = view.querySelector<HTMLSelectElement>('#filter-column');
  const op = view.querySelector<HTMLSelectElement>('#filter-op');
  const between = view.querySelector<HTMLElement>('[data-between]');
  if (!column || !op) return;
  const update = () => {
    const allowed = (column.selectedOptions[0]?.dataset.ops ?? '').split(' ').filter(Boolean);
    for (const option of Array.from(op.options)) {
      const fits = allowed.length === 0 || allowed.includes(option.value);
      option.disabled = !fits;
      option.hidden = !fits;
    }
    if (op.selectedOptions[0]?.disabled) {
      const first = Array.from(op.options).find((o) => !o.disabled);
      if (first) op.value = first.value;
    }
    if (between) between.hidden = op.value !== 'between';
  };
  column.addEventListener('change', update);
  op.addEventListener('change', update);
  update();
}

async function show(page: URL, push: boolean): Promise<void> {
  const view = currentView();
  const fragment = view?.dataset.fragment;
  if (!view || !fragment) {
    window.location.assign(page.href);
    return;
  }
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  view.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(fragmentUrl(fragment, page), {
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const template = document.createElement('template');
    template.innerHTML = await response.text();
    const next = template.content.querySelector<HTMLElement>(VIEW);
    if (!next) throw new Error('no table in the answer');
    view.replaceWith(next);
    fitConditions(next);
    const address = next.dataset.url ?? `${page.pathname}${page.search}`;
    if (push) window.history.pushState({ table: true }, '', `${address}#table`);
    else window.history.replaceState({ table: true }, '', `${address}#table`);
    shownAddress = `${window.location.pathname}${window.location.search}`;
    const summary = next.querySelector<HTMLElement>('#table-summary');
    if (summary) {
      summary.tabIndex = -1;
      summary.focus({ preventScroll: true });
    }
    document.getElementById('table')?.scrollIntoView({ block: 'start' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') return;
    // The page itself always works: go there.
    window.location.assign(page.href);
  } finally {
    if (inFlight === controller) inFlight = undefined;
    view.removeAttribute('aria-busy');
  }
}

function start(): void {
  const section = document.getElementById('table');
  const view = currentView();
  if (!section || !view) return;
  fitConditions(view);

  section.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[href]');
    if (!link || !link.closest(VIEW)) return;
    const url = new URL(link.href, window.location.href);
    if (!isTableUrl(url)) return;
    event.preventDefault();
    void show(url, true);
  });

  section.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (!form.matches('form[data-table-form]') || form.method.toLowerCase() !== 'get') return;
    const url = formTarget(form, (event as SubmitEvent).submitter);
    if (!isTableUrl(url)) return;
    event.preventDefault();
    void show(url, true);
  });

  section.addEventListener('change', (event) => {
    const select = event.target as HTMLElement;
    if (select.id === 'table-size') select.closest('form')?.requestSubmit();
  });

  // Back and Forward between table states; a move between anchors (the skip link, the contents) needs nothing.
  window.addEventListener('popstate', () => {
    const url = new URL(window.location.href);
    const address = `${url.pathname}${url.search}`;
    if (!isTableUrl(url) || address === shownAddress) return;
    shownAddress = address;
    void show(url, false);
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
