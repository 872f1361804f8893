// Styles of the public status board (/status): the state tags (a word and a symbol on a colour, never colour
// alone), the summary, the tables and the folded groups of sensor feeds. Colours meet WCAG AA with white text;
// every layout works from 360 px up (wide tables scroll in their own region).
export const STATUS_STYLES = `
.status-board {
  padding-bottom: 2rem;
}
.status-board .usa-intro {
  max-width: 46rem;
  font-family: inherit;
  font-size: 1.15rem;
  line-height: 1.5;
}
.status-board h2 {
  font-size: 1.4rem;
  margin-top: 2rem;
}
.status-summary {
  max-width: 46rem;
  margin-top: 1.5rem;
}
.status-summary .usa-alert__heading {
  font-size: 1.2rem;
  margin-top: 0;
}
.status-summary__list {
  margin: 0.5rem 0;
}
.status-table {
  width: 100%;
  margin-top: 0.5rem;
}
.status-table th[scope='row'] {
  font-weight: 600;
  min-width: 10rem;
}
/* Cells may wrap (the design system keeps them on one line in scrolling tables): the table fits a desktop. */
.usa-table-container--scrollable .status-table td {
  white-space: normal;
  min-width: 7rem;
}
.status-number {
  text-align: right;
}
.status-tag {
  display: inline-flex;
  align-items: center;
  gap: 0.35rem;
  padding: 0.1rem 0.5rem;
  border-radius: 0.25rem;
  color: #fff;
  font-size: 0.9rem;
  font-weight: 700;
  line-height: 1.5;
  white-space: nowrap;
}
.status-tag__symbol {
  display: inline-block;
  min-width: 1em;
  text-align: center;
}
.status-tag--fresh {
  background: var(--ok);
}
.status-tag--overdue {
  background: #b50909;
}
.status-tag--silent {
  background: #1b1b1b;
}
.status-tag--unknown {
  background: #565c65;
}
.status-muted {
  color: #565c65;
}
.status-investigation {
  display: inline-block;
  padding: 0.1rem 0.5rem;
  border: 2px solid #8a4b00;
  border-radius: 0.25rem;
  color: #6b3a00;
  background: #fff5e6;
  font-weight: 600;
}
a.status-investigation:hover,
a.status-investigation:focus {
  color: #4a2800;
  background: #ffe8c2;
}
.status-group {
  margin-top: 1.5rem;
}
.status-group__heading {
  font-size: 1.15rem;
  margin: 0 0 0.25rem;
}
.status-fold > summary {
  cursor: pointer;
  padding: 0.25rem 0;
  font-weight: 600;
}
.status-fold > summary:focus {
  outline: 0.25rem solid #2491ff;
  outline-offset: 0.1rem;
}
.status-legend {
  margin: 0;
}
.status-legend > div {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1rem;
  align-items: baseline;
  margin-bottom: 0.75rem;
}
.status-legend dt {
  flex: 0 0 10rem;
}
.status-legend dd {
  flex: 1 1 18rem;
  margin: 0;
  max-width: 40rem;
}
`;
