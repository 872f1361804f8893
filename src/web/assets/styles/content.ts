// Styles of the content pages, the guides' frame and the page-not-found page (served in the one theme stylesheet,
// after the design system's). The text comes first in reading order; the list of sibling pages follows it,
// below on a phone and beside it on wider screens, so that the keyboard's order matches what is seen.
export const CONTENT_STYLES = `
.content-layout {
  display: grid;
  grid-template-columns: minmax(0, 1fr);
  gap: 1.5rem 3rem;
}
@media (min-width: 56rem) {
  .content-layout {
    grid-template-columns: minmax(0, 1fr) 16rem;
  }
}
.content-main {
  min-width: 0;
}
.content-nav {
  align-self: start;
}
.content-nav .usa-sidenav {
  margin: 0;
}
.usa-sidenav a:not(.usa-button).usa-current {
  color: var(--brand);
}
.usa-sidenav a:not(.usa-button).usa-current::after {
  background-color: var(--brand);
}
.content-body {
  max-width: 46rem;
}
.content-body > h1,
.content-body > h2,
.content-body > h3 {
  font-family: inherit;
  line-height: 1.25;
}
.content-body > h1 {
  font-size: 2rem;
  margin: 0.5rem 0 1rem;
}
.content-body > h2 {
  font-size: 1.4rem;
  margin-top: 2rem;
}
.content-lead {
  font-size: 1.1rem;
  color: var(--muted);
}
.content-body blockquote {
  margin: 1rem 0;
  padding: 0.75rem 1rem;
  border-left: 0.5rem solid var(--accent);
  background: var(--panel);
}
.content-body blockquote p {
  margin: 0.25rem 0;
}
.content-body table,
.guide table {
  display: block;
  overflow-x: auto;
  max-width: 100%;
}
.content-body :not(pre) > code,
.guide :not(pre) > code {
  overflow-wrap: break-word;
}
.content-body pre {
  background: var(--panel);
  border: 1px solid var(--line);
  border-radius: 4px;
  padding: 0.75rem;
  overflow-x: auto;
}
.content-body pre code {
  padding: 0;
  background: none;
}
.content-fallback {
  margin-top: 0;
}
.on-this-page {
  background: var(--panel);
  border-radius: 4px;
  padding: 0.75rem 1rem;
  margin: 1rem 0 1.5rem;
}
.on-this-page h2 {
  font-size: 1rem;
  margin: 0 0 0.25rem;
}
.on-this-page ul {
  margin: 0;
  padding-left: 1.25rem;
}
.on-this-page li {
  margin: 0.2rem 0;
}
.not-found-search .usa-search {
  max-width: 36rem;
}
.not-found-links li {
  margin: 0.3rem 0;
}
`;
