// Styles of a dataset's table preview (served in the one theme stylesheet, after the design system's).
export const TABLE_STYLES = `
.table-filter .usa-fieldset {
  border: 1px solid var(--line);
  border-radius: 4px;
  padding: 0.25rem 1rem 0.75rem;
}
.table-filter .usa-legend {
  font-weight: 700;
  padding: 0 0.25rem;
  margin-top: 0;
}
.table-filter__fields {
  display: flex;
  flex-wrap: wrap;
  gap: 0 1rem;
  align-items: flex-end;
}
.table-filter__field {
  flex: 1 1 11rem;
  min-width: 0;
}
.table-filter__field[hidden] {
  display: none;
}
.table-filter .usa-label {
  margin-top: 0.5rem;
}
.table-filter .usa-input,
.table-filter .usa-select {
  max-width: none;
  width: 100%;
}
.table-filter__submit .usa-button {
  margin-top: 0.75rem;
}
.table-filter .usa-hint {
  color: var(--muted);
  font-size: 0.9rem;
  margin: 0.5rem 0 0;
  max-width: 48rem;
}
.table-problems ul {
  margin: 0.25rem 0 0;
  padding-left: 1.25rem;
}
.active-filters {
  margin: 1rem 0 0.5rem;
}
.active-filters__heading {
  font-size: 1rem;
  margin-bottom: 0.25rem;
}
.active-filters li {
  margin: 0.25rem 0;
}
.filter-tag.usa-tag {
  text-transform: none;
  font-size: 0.9rem;
  background: var(--panel);
  color: var(--ink);
  border: 1px solid var(--line);
  overflow-wrap: anywhere;
}
.table-summary {
  font-weight: 600;
  margin: 1rem 0 0.5rem;
}
.table-summary:focus {
  outline: none;
}
.table-view[aria-busy='true'] {
  opacity: 0.6;
}
.table-scroll {
  max-width: 100%;
  /* Keeps visually hidden text in the table inside the scrolled box, so the page itself never scrolls sideways. */
  position: relative;
}
.table-scroll:focus-visible {
  outline: 3px solid #2491ff;
}
.preview-table,
.latest-readings {
  margin: 0;
  font-size: 0.9rem;
}
.preview-table caption,
.latest-readings caption {
  text-align: left;
  font-weight: 600;
  padding-bottom: 0.35rem;
}
.preview-table th,
.preview-table td {
  white-space: nowrap;
  max-width: 22rem;
  overflow: hidden;
  text-overflow: ellipsis;
}
.preview-table .num,
.latest-readings .num {
  text-align: right;
  font-variant-numeric: tabular-nums;
}
.sort-link {
  color: var(--ink);
  text-decoration: none;
  display: inline-flex;
  gap: 0.3rem;
  align-items: baseline;
}
.sort-link:hover {
  text-decoration: underline;
}
.sort-mark {
  color: var(--muted);
  font-size: 0.75rem;
}
th[aria-sort] .sort-mark {
  color: var(--brand-dark);
}
.table-footer {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 2rem;
  align-items: flex-end;
  justify-content: space-between;
  margin-top: 0.5rem;
}
.table-pager.usa-pagination {
  margin: 0.5rem 0 0;
}
.table-pager .usa-pagination__list {
  flex-wrap: wrap;
  justify-content: flex-start;
  gap: 0.25rem 0;
}
/* The design system hides Previous and Next on phones (it shows icons we do not load): keep the words. */
.table-pager .usa-pagination__arrow {
  display: inherit;
}
.table-pager .usa-pagination__item {
  flex: 0 0 auto;
}
.table-size {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  align-items: flex-end;
}
.table-size .usa-label {
  margin: 0;
  width: 100%;
}
.table-size .usa-select {
  width: auto;
  margin: 0;
}
.table-size .usa-button {
  margin: 0;
}
`;
