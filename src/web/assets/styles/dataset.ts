// Styles of the dataset page (served in the one theme stylesheet, after the design system's).
export const DATASET_STYLES = `
.dataset-header h1 {
  margin-bottom: 0.5rem;
  overflow-wrap: anywhere;
}
.dataset-facts {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1.5rem;
  margin: 0 0 0.75rem;
}
.dataset-facts div {
  display: flex;
  gap: 0.4rem;
}
.dataset-facts dt {
  color: var(--muted);
}
.dataset-facts dt::after {
  content: ':';
}
.dataset-facts dd {
  margin: 0;
}
.dataset-badges {
  list-style: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0.4rem;
  margin: 0 0 0.5rem;
  padding: 0;
}
.dataset-badges .usa-tag {
  font-size: 0.85rem;
  text-transform: none;
  padding: 0.15rem 0.55rem;
  border-radius: 999px;
  background: #565c65;
  color: #fff;
}
.dataset-badges .badge-fresh {
  background: var(--ok);
}
.dataset-badges .badge-overdue {
  background: #b50909;
}
.dataset-badges .badge-public {
  background: var(--brand-dark);
}
.dataset-badges .badge-restricted {
  background: var(--warn);
}
.freshness-note {
  margin: 0.25rem 0 0.75rem;
  max-width: 48rem;
}
.dataset-actions {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  margin: 0.75rem 0 1rem;
}
.dataset-actions .usa-button {
  margin: 0;
}
.dataset-contents {
  border-top: 1px solid var(--line);
  border-bottom: 1px solid var(--line);
  padding: 0.5rem 0;
  margin-bottom: 1rem;
}
.dataset-contents__heading {
  font-size: 0.95rem;
  margin: 0 0 0.25rem;
}
.dataset-contents ul {
  list-style: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1.25rem;
  margin: 0;
  padding: 0;
}
.dataset-contents a {
  display: inline-block;
  padding: 0.2rem 0;
}
.dataset-grid .description {
  min-width: 0;
}
.dataset-grid .usa-prose > p {
  max-width: 42rem;
}
.metadata {
  min-width: 0;
}
.metadata .attribution-line {
  display: block;
  font-size: 0.9rem;
  margin-top: 0.2rem;
}
.keyword-list {
  list-style: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0.1rem 0.75rem;
  margin: 0;
  padding: 0;
}
.dataset-section {
  margin-top: 2rem;
  min-width: 0;
}
.dataset-section > h2 {
  border-bottom: 2px solid var(--line);
  padding-bottom: 0.25rem;
}
.restricted-notice {
  max-width: 48rem;
}
.restricted-notice .usa-button {
  margin-top: 0.25rem;
}
.schema-table td,
.schema-table th {
  overflow-wrap: break-word;
}
.schema-table td:nth-child(3),
.schema-table td:nth-child(5) {
  white-space: nowrap;
}
.downloads li {
  margin: 0.5rem 0;
}
.download-link {
  font-weight: 700;
  display: inline-block;
  min-width: 4.5rem;
  padding: 0.15rem 0;
}
.download-note {
  color: var(--muted);
}
.licence-reminder {
  margin-top: 1rem;
  max-width: 48rem;
}
.licence-reminder .usa-summary-box__heading {
  font-size: 1.05rem;
}
.attribution {
  font-style: italic;
}
.endpoints {
  margin: 0.5rem 0 1rem;
}
.endpoint {
  padding: 0.4rem 0;
  border-bottom: 1px solid var(--line);
}
.endpoint dt {
  font-weight: 600;
}
.endpoint dd {
  margin: 0;
  overflow-wrap: anywhere;
}
.endpoint code {
  overflow-wrap: anywhere;
  word-break: break-all;
}
.api-example {
  border: 1px solid var(--line);
  border-radius: 4px;
  margin: 0 0 0.5rem;
}
.api-example summary {
  cursor: pointer;
  font-weight: 600;
  padding: 0.5rem 0.75rem;
}
.api-example[open] summary {
  border-bottom: 1px solid var(--line);
  background: var(--panel);
}
.api-example pre {
  margin: 0;
  padding: 0.75rem;
  overflow-x: auto;
  font-size: 0.85rem;
  line-height: 1.45;
}
.api-example pre code {
  background: none;
  padding: 0;
}
.copy-bar {
  display: flex;
  align-items: center;
  gap: 0.75rem;
  padding: 0.5rem 0.75rem 0;
}
.copy-button.usa-button {
  margin: 0;
  padding: 0.4rem 0.9rem;
  font-size: 0.9rem;
}
.copy-status {
  color: var(--ok);
  font-weight: 600;
}
.api-guides {
  overflow-wrap: anywhere;
}
.feedback-links {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
}
.feedback-links .usa-button {
  margin: 0;
}
`;
