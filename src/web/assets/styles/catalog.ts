// Styles of the catalog pages and of the search boxes and dataset cards other pages reuse (served in the one
// theme stylesheet, after the design system's). Colours meet WCAG AA contrast on their backgrounds.
export const CATALOG_STYLES = `
.search-box {
  display: flex;
  max-width: 44rem;
}
.search-box .usa-input {
  flex: 1 1 auto;
  max-width: none;
  min-width: 0;
  float: none;
}
.search-box [type='submit'] {
  flex: none;
  width: auto;
  padding: 0 1rem;
  background-color: var(--brand);
}
.search-box [type='submit']:hover {
  background-color: var(--brand-dark);
}
.catalog-search {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: 0.5rem 1.5rem;
  margin-bottom: 1rem;
}
.catalog-search__words {
  flex: 1 1 20rem;
}
.catalog-search__sort {
  flex: 0 1 20rem;
}
.catalog-search__sort-row {
  display: flex;
  gap: 0.5rem;
}
.catalog-search__sort-row .usa-select {
  margin-top: 0;
  flex: 1 1 auto;
}
.catalog-search__sort-row .usa-button {
  margin: 0;
  flex: none;
  width: auto;
}
.catalog-search__sort-row .usa-select {
  min-width: 0;
}
.catalog-search .usa-label {
  margin-top: 0;
}
.catalog-search .usa-select,
.catalog-search__sort-row .usa-button {
  height: 2.5rem;
  padding-top: 0;
  padding-bottom: 0;
}
@media (min-width: 30em) {
  .catalog-search .usa-select,
  .catalog-search__sort-row .usa-button {
    height: 3rem;
  }
}
.active-filters__list {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem;
  margin: 0 0 1rem;
  padding: 0;
}
.filter-chip {
  display: inline-flex;
  align-items: center;
  gap: 0.4rem;
  padding: 0.3rem 0.75rem;
  border: 1px solid var(--brand);
  border-radius: 999px;
  background: #eef3fa;
  color: var(--brand-dark);
  text-decoration: none;
  overflow-wrap: anywhere;
}
.filter-chip:hover,
.filter-chip:focus {
  background: #dbe6f5;
  color: var(--brand-dark);
  text-decoration: underline;
}
.filter-chip__x {
  font-weight: 700;
  font-size: 1.2rem;
  line-height: 1;
}
.catalog__to-filters {
  margin: 0 0 1rem;
}
.catalog__body {
  display: grid;
  grid-template-columns: minmax(0, 1fr);
  gap: 2rem;
}
@media (min-width: 48em) {
  .catalog__body {
    grid-template-columns: 15rem minmax(0, 1fr);
    grid-template-areas: 'filters results';
  }
  .catalog__results {
    grid-area: results;
  }
  .catalog__filters {
    grid-area: filters;
  }
  .catalog__to-filters {
    display: none;
  }
}
.catalog__filters-heading {
  font-size: 1.1rem;
  margin: 0 0 0.75rem;
}
.facet-group {
  margin-bottom: 1.25rem;
}
.facet__title {
  font-size: 1rem;
  margin: 0 0 0.25rem;
  padding-bottom: 0.25rem;
  border-bottom: 1px solid var(--line);
}
.facet__list {
  margin: 0;
  padding: 0;
}
.facet-link {
  display: flex;
  justify-content: space-between;
  gap: 0.5rem;
  padding: 0.3rem 0.5rem;
  border-radius: 4px;
  color: var(--brand);
  overflow-wrap: anywhere;
}
.facet-link:hover {
  background: var(--panel);
}
.facet-link__count {
  color: var(--muted);
  font-variant-numeric: tabular-nums;
  text-decoration: none;
  display: inline-block;
}
.facet-link--chosen {
  background: #eef3fa;
  font-weight: 700;
  box-shadow: inset 4px 0 0 var(--brand);
}
.facet-link--chosen .facet-link__label::before {
  content: '✓ ';
}
.facet__more > summary {
  cursor: pointer;
  color: var(--brand);
  text-decoration: underline;
  padding: 0.3rem 0.5rem;
}
.catalog__count {
  margin: 0 0 0.25rem;
  font-size: 1.35rem;
}
.catalog__showing {
  color: var(--muted);
  margin: 0 0 1rem;
}
.dataset-list {
  margin: 1rem 0 0;
  padding: 0;
}
.dataset-card.usa-card,
.dataset-card.usa-card:last-child {
  margin-bottom: 1rem;
}
.dataset-card .usa-card__container {
  margin: 0;
  border-width: 1px;
  border-radius: 0.25rem;
}
.dataset-card .usa-card__header {
  padding: 1rem 1rem 0.25rem;
}
.dataset-card .usa-card__body {
  padding: 0 1rem 0.75rem;
}
.dataset-card .usa-card__heading,
.home-featured .usa-card__heading {
  font-family: inherit;
  font-size: 1.2rem;
  line-height: 1.3;
}
.dataset-card__meta {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25rem 1rem;
  margin: 0 0 0.5rem;
  font-size: 0.95rem;
}
.dataset-card__summary {
  margin: 0;
}
.dataset-card__footer.usa-card__footer {
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  gap: 0.5rem 1rem;
  padding: 0.5rem 1rem;
  border-top: 1px solid var(--line);
  color: var(--muted);
  font-size: 0.95rem;
}
.format-chip {
  display: inline-block;
  margin-left: 0.3rem;
  padding: 0 0.4rem;
  border: 1px solid #71767a;
  border-radius: 3px;
  color: var(--ink);
  font-size: 0.85rem;
}
.access-tag.usa-tag {
  text-transform: none;
  font-size: 0.85rem;
}
.access-tag--public.usa-tag {
  background-color: #00703c;
}
.access-tag--closed.usa-tag {
  background-color: #8a4b00;
}
.access-tag--draft.usa-tag {
  background-color: #1b1b1b;
}
.usa-pagination {
  margin-top: 1.5rem;
}
.usa-pagination .usa-pagination__button.usa-current {
  background-color: var(--brand);
  border-color: var(--brand);
  color: #fff;
}
`;
