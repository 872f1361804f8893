// The portal's stylesheet, kept as a module so that it travels with the code in every way it is run.
export const BASE_STYLES = `/* Plaza: a plain, accessible stylesheet (no external fonts or assets). Colours meet WCAG 2.1 AA contrast. */
:root {
  --ink: #1b1b1b;
  --muted: #4a4a4a;
  --brand: #005ea2;
  --brand-dark: #1a4480;
  --line: #dfe1e2;
  --panel: #f5f6f7;
  --ok: #00703c;
  --warn: #8a4b00;
  font-family:
    'Plaza Sans',
    system-ui,
    -apple-system,
    'Segoe UI',
    Roboto,
    'Helvetica Neue',
    Arial,
    sans-serif;
  color: var(--ink);
  line-height: 1.5;
}
body {
  margin: 0;
  background: #fff;
}
.wrap {
  max-width: 72rem;
  margin: 0 auto;
  padding: 0 1rem;
}
a {
  color: var(--brand);
}
a:hover {
  color: var(--brand-dark);
}
:focus-visible {
  outline: 3px solid #2491ff;
  outline-offset: 2px;
}
.skip-link {
  position: absolute;
  left: -999px;
  top: 0;
  background: #fff;
  padding: 0.5rem 1rem;
  z-index: 10;
}
.skip-link:focus {
  left: 0.5rem;
}
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
.site-header {
  background: var(--brand-dark);
  color: #fff;
}
.site-topbar {
  background: #0b1a30;
  font-size: 0.9rem;
}
.site-topbar .wrap {
  display: flex;
  justify-content: flex-end;
}
.language-switcher ul {
  list-style: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1rem;
  margin: 0;
  padding: 0.35rem 0;
}
.language-switcher a {
  color: #fff;
  padding: 0.25rem 0;
}
.language-switcher a[aria-current] {
  font-weight: 700;
  text-decoration-thickness: 2px;
}
.site-header-row {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 0.5rem 1.5rem;
  padding-top: 0.75rem;
  padding-bottom: 0.75rem;
}
.site-name {
  color: #fff;
  font-weight: 700;
  font-size: 1.25rem;
  line-height: 1.2;
  text-decoration: none;
  display: flex;
  align-items: center;
  gap: 0.6rem;
}
.site-name:hover,
.site-name:visited {
  color: #fff;
}
.site-name:hover {
  text-decoration: underline;
}
.site-sub {
  font-weight: 400;
}
.seal {
  display: inline-block;
  flex: none;
  width: 2.5rem;
  height: 2.5rem;
  border-radius: 50%;
  background: #162e51;
}
.site-nav ul {
  list-style: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1.25rem;
  margin: 0;
  padding: 0;
}
.site-nav a,
.site-nav a:visited,
.site-nav .link-button {
  color: #fff;
  display: inline-block;
  padding: 0.35rem 0;
}
.site-nav a[aria-current='page'] {
  font-weight: 700;
  box-shadow: inset 0 -3px 0 var(--accent);
  text-decoration: none;
}
.site-header :focus-visible {
  outline-color: #fff;
}
@media (max-width: 40rem) {
  .site-name {
    font-size: 1.1rem;
  }
  .site-nav ul {
    gap: 0 1rem;
  }
}
main {
  padding-top: 1.5rem;
  padding-bottom: 3rem;
  min-height: 60vh;
}
h1 {
  font-size: 2rem;
  line-height: 1.2;
  margin: 0.5rem 0 1rem;
}
h2 {
  font-size: 1.25rem;
  margin: 1.5rem 0 0.5rem;
}
h3 {
  font-size: 1.1rem;
  margin: 0 0 0.25rem;
}
button {
  font-size: 1rem;
  padding: 0.5rem 1.25rem;
  background: var(--brand);
  color: #fff;
  border: 0;
  border-radius: 4px;
  cursor: pointer;
}
button:hover {
  background: var(--brand-dark);
}
@media (max-width: 48rem) {
  .dataset-grid {
    grid-template-columns: 1fr !important;
  }
}
.meta {
  color: var(--muted);
  font-size: 0.95rem;
}
.badge {
  display: inline-block;
  border: 1px solid var(--line);
  background: var(--panel);
  border-radius: 999px;
  padding: 0.1rem 0.6rem;
  font-size: 0.85rem;
  margin-right: 0.4rem;
}
.badge-ok {
  border-color: var(--ok);
  color: var(--ok);
  background: #ecf3ec;
}
.badge-warn {
  border-color: var(--warn);
  color: var(--warn);
  background: #fef0c8;
}
.pager {
  display: flex;
  gap: 1rem;
  align-items: center;
  padding-top: 1rem;
  border-top: 1px solid var(--line);
}
.breadcrumb {
  font-size: 0.95rem;
}
.dataset-grid {
  display: grid;
  grid-template-columns: 1fr 20rem;
  gap: 2rem;
}
.metadata {
  background: var(--panel);
  padding: 1rem;
  border-radius: 4px;
  align-self: start;
}
.metadata h2 {
  margin-top: 0;
}
.metadata dl {
  margin: 0;
}
.kv {
  margin-bottom: 0.6rem;
}
.kv dt {
  font-weight: 600;
  font-size: 0.9rem;
}
.kv dd {
  margin: 0;
  overflow-wrap: anywhere;
}
.table-scroll {
  overflow-x: auto;
  /* Screen-reader text inside a scrolling table stays inside it, so it never widens the page. */
  position: relative;
}
table {
  border-collapse: collapse;
  width: 100%;
  font-size: 0.95rem;
}
th,
td {
  text-align: left;
  padding: 0.4rem 0.6rem;
  border-bottom: 1px solid var(--line);
  vertical-align: top;
}
thead th {
  background: var(--panel);
}
.downloads {
  padding-left: 1.25rem;
}
.downloads li {
  margin: 0.3rem 0;
}
.licence-note {
  font-size: 0.95rem;
}
.site-footer {
  border-top: 4px solid var(--brand);
  background: var(--panel);
  font-size: 0.95rem;
  color: var(--muted);
}
.site-footer .wrap {
  padding-top: 1.25rem;
  padding-bottom: 1.5rem;
}
.footer-links {
  list-style: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.5rem;
  margin: 0 0 1rem;
  padding: 0;
}
.footer-links a {
  display: inline-block;
  padding: 0.2rem 0;
}
.english-only {
  border-left: 0.5rem solid var(--accent);
  background: var(--panel);
  padding: 0.5rem 1rem;
  margin: 0 0 1rem;
}
main:focus {
  outline: none;
}
/* The design system's components in the portal's font (one family to download, with Vietnamese) and colours. */
body,
[class*='usa-'] {
  font-family:
    'Plaza Sans',
    system-ui,
    -apple-system,
    'Segoe UI',
    Roboto,
    Arial,
    sans-serif;
}
.usa-button {
  background-color: var(--brand);
}
.usa-button:hover,
.usa-button:active {
  background-color: var(--brand-dark);
}
.usa-button--outline,
.usa-button--outline:visited {
  background-color: transparent;
  box-shadow: inset 0 0 0 2px var(--brand);
  color: var(--brand);
}
.usa-button--outline:hover {
  background-color: transparent;
  box-shadow: inset 0 0 0 2px var(--brand-dark);
  color: var(--brand-dark);
}
.usa-link,
.usa-prose a {
  color: var(--brand);
}
code {
  font-size: 0.9em;
  background: var(--panel);
  padding: 0 0.2rem;
  border-radius: 3px;
}
.guide {
  max-width: 62rem;
}
.guide pre {
  background: var(--panel);
  border: 1px solid var(--line);
  border-radius: 4px;
  padding: 0.75rem;
  overflow-x: auto;
}
.guide pre code {
  padding: 0;
  background: none;
}
.guide table {
  display: block;
  overflow-x: auto;
}

/* Forms, notices and account pages (sign-in, developer account, staff console). */
.inline-form {
  display: inline;
  margin: 0;
}
.link-button {
  background: none;
  border: 0;
  padding: 0;
  color: inherit;
  font: inherit;
  text-decoration: underline;
  cursor: pointer;
}
.link-button:hover {
  background: none;
}
.form {
  max-width: 36rem;
}
.form .field {
  margin: 0 0 1rem;
}
.form label,
.form legend {
  display: block;
  font-weight: 600;
  margin-bottom: 0.25rem;
}
.form .hint {
  display: block;
  color: var(--muted);
  font-size: 0.9rem;
  margin-bottom: 0.25rem;
}
.form input[type='text'],
.form input[type='email'],
.form input[type='password'],
.form input[type='date'],
.form input[type='url'],
.form input[type='file'],
.form select,
.form textarea {
  width: 100%;
  box-sizing: border-box;
  font: inherit;
  padding: 0.5rem;
  border: 1px solid var(--muted);
  border-radius: 4px;
}
.form textarea {
  min-height: 6rem;
}
.form .error-message {
  display: block;
  color: #b50909;
  font-weight: 600;
}
.form .field-error input,
.form .field-error select,
.form .field-error textarea {
  border: 2px solid #b50909;
}
.button-secondary {
  background: #fff;
  color: var(--brand);
  border: 2px solid var(--brand);
}
.button-secondary:hover {
  background: var(--panel);
}
.button-danger {
  background: #b50909;
}
.button-danger:hover {
  background: #8b0a03;
}
.alert {
  border-left: 0.5rem solid var(--brand);
  background: #e7f6f8;
  padding: 0.75rem 1rem;
  margin: 1rem 0;
}
.alert-error {
  border-color: #b50909;
  background: #f4e3db;
}
.alert-ok {
  border-color: var(--ok);
  background: #ecf3ec;
}
.alert-warn {
  border-color: var(--warn);
  background: #fef0c8;
}
.secret {
  font-family: ui-monospace, monospace;
  word-break: break-all;
  background: var(--panel);
  border: 1px dashed var(--muted);
  padding: 0.5rem;
}
`;
