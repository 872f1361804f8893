/** Addresses of the table island: the page URL a control leads to, and the fragment URL of the same state. */

/** The page URL a GET form of the table would navigate to (its action with the form's fields as query). */
export function formTarget(form: HTMLFormElement, submitter?: HTMLElement | null): URL {
  const url = new URL(form.action, window.location.href);
  const data = new FormData(form, submitter ?? undefined);
  const search = new URLSearchParams();
  for (const [name, value] of data) if (typeof value === 'string') search.append(name, value);
  url.search = search.toString();
  return url;
}

/** Whether a link or form leads to this page's table (same page, another table state). */
export function isTableUrl(url: URL): boolean {
  return url.origin === window.location.origin && url.pathname === window.location.pathname;
}

/** The fragment route for the state of a page URL: `/datasets/{id}/table?...`. */
export function fragmentUrl(fragment: string, page: URL): string {
  return `${fragment}${page.search}`;
}
