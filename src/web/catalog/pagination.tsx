/** The design system's pagination: previous, the first and last page, the pages around this one, next. */
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';

/** The page numbers to show, with null for a gap: 1 … 4 5 [6] 7 8 … 20. */
export function pageSlots(current: number, total: number, around = 1): (number | null)[] {
  const shown = new Set<number>([1, total]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= total) shown.add(p);
  const pages = [...shown].sort((a, b) => a - b);
  const slots: (number | null)[] = [];
  pages.forEach((p, i) => {
    const before = pages[i - 1];
    if (before !== undefined && p - before === 2) slots.push(before + 1);
    else if (before !== undefined && p - before > 2) slots.push(null);
    slots.push(p);
  });
  return slots;
}

export function Pagination(props: {
  site: SiteInfo;
  page: number;
  pages: number;
  href: (page: number) => string;
}): SafeHtml {
  const { site, page, pages, href } = props;
  if (pages <= 1) return <></>;
  const t = site.t.catalog;
  const n = (p: number) => site.format.number(p);
  return (
    <nav aria-label={t.pagination} class="usa-pagination">
      <ul class="usa-pagination__list">
        {page > 1 ? (
          <li class="usa-pagination__item usa-pagination__arrow">
            <a href={href(page - 1)} class="usa-pagination__link usa-pagination__previous-page" rel="prev">
              <span aria-hidden="true">‹ </span>
              <span class="usa-pagination__link-text">{t.previous}</span>
            </a>
          </li>
        ) : null}
        {pageSlots(page, pages).map((p) =>
          p === null ? (
            <li class="usa-pagination__item usa-pagination__overflow">
              <span aria-hidden="true">…</span>
            </li>
          ) : (
            <li class="usa-pagination__item usa-pagination__page-no">
              <a
                href={href(p)}
                class={`usa-pagination__button${p === page ? ' usa-current' : ''}`}
                aria-label={t.page(n(p))}
                aria-current={p === page ? 'page' : undefined}
              >
                {n(p)}
              </a>
            </li>
          ),
        )}
        {page < pages ? (
          <li class="usa-pagination__item usa-pagination__arrow">
            <a href={href(page + 1)} class="usa-pagination__link usa-pagination__next-page" rel="next">
              <span class="usa-pagination__link-text">{t.next}</span>
              <span aria-hidden="true"> ›</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
