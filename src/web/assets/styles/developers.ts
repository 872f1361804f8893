// Styles of the developers page and the guides' side navigation (served in the one theme stylesheet, after the
// design system's).
export const DEVELOPERS_STYLES = `
.developers {
  max-width: 56rem;
}
.developers > section > h2 {
  font-size: 1.6rem;
  margin-top: 2.5rem;
}
.developers .usa-intro {
  max-width: 46rem;
  font-family: inherit;
  font-size: 1.2rem;
  line-height: 1.5;
}
.developers .usa-process-list__heading {
  font-family: inherit;
  font-size: 1.15rem;
}
.developers .usa-process-list {
  max-width: 100%;
}
.developers .usa-process-list__item {
  max-width: 100%;
  min-width: 0;
}
.code-sample {
  background: var(--panel);
  border: 1px solid var(--line);
  border-radius: 4px;
  padding: 0.75rem;
  margin: 0.5rem 0 1rem;
  overflow-x: auto;
  font-size: 0.9rem;
  line-height: 1.4;
}
.code-sample code {
  padding: 0;
  background: none;
  font-size: inherit;
}
.developers :not(pre) > code {
  overflow-wrap: break-word;
}
.rate-limits th,
.rate-limits td {
  padding: 0.5rem;
}
@media (max-width: 30rem) {
  .rate-limits {
    font-size: 0.9rem;
  }
}
.rate-limits caption {
  text-align: left;
  font-weight: 700;
  padding-bottom: 0.25rem;
}
.rate-limits td,
.rate-limits thead th:not(:first-child) {
  text-align: right;
  font-variant-numeric: tabular-nums;
}
.standards li {
  margin: 0.35rem 0;
}
.guides-home {
  margin-top: 0;
}
.guides-group-title {
  font-size: 0.95rem;
  margin: 1.25rem 0 0.25rem;
  color: var(--muted);
}
`;
