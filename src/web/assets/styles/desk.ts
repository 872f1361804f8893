// The rules every desk's public pages share (records requests, quality reports), written once for a desk's class
// prefix (`records`, `reports`) and placed by each desk's styles where its own rules stand, so that every desk
// keeps its own class names and the order of its rules.

/** The page's outer block and its lead paragraph. */
export const deskPage = (p: string) => `.${p} {
  padding-bottom: 2rem;
}`;

export const deskIntro = (p: string) => `.${p} .usa-intro {
  max-width: 46rem;
  font-family: inherit;
  font-size: 1.15rem;
  line-height: 1.5;
}`;

/** The honeypot field: out of sight, still in the page for software that fills every field. */
export const deskHoneypot = (p: string) => `.${p}-hp {
  position: absolute;
  left: -10000px;
  width: 1px;
  height: 1px;
  overflow: hidden;
}`;

/** The acknowledgement's box with the private link to keep, the link in full and easy to copy. */
export const deskKeep = (p: string) => `.${p}-keep {
  max-width: 48rem;
  margin: 1.5rem 0;
}
.${p}-keep__link {
  font-family: ui-monospace, monospace;
  font-size: 1rem;
  word-break: break-all;
  background: #fff;
  border: 1px dashed var(--muted);
  padding: 0.5rem;
}`;

/** A list of facts: one column on phones, names beside values from 40em. */
export const deskFacts = (p: string) => `.${p}-facts {
  display: grid;
  grid-template-columns: 1fr;
  gap: 0.25rem 1.5rem;
  margin: 1rem 0 1.5rem;
}
.${p}-facts dt {
  font-weight: 700;
}
.${p}-facts dd {
  margin: 0 0 0.5rem;
}
@media (min-width: 40em) {
  .${p}-facts {
    grid-template-columns: max-content 1fr;
  }
  .${p}-facts dd {
    margin: 0;
  }
}`;
