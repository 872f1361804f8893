// Styles of the home page (served in the one theme stylesheet, after the design system's). Colours meet WCAG
// AA contrast on their backgrounds; the live figures change without motion for those who ask for less.
export const HOME_STYLES = `
.home-hero {
  margin: 0.5rem 0 2rem;
  padding: 1.5rem;
  border-radius: 0.5rem;
  background: #eef3fa;
  border-left: 0.5rem solid var(--accent);
}
.home-hero h1 {
  margin-top: 0;
  font-size: clamp(1.6rem, 6vw, 2.25rem);
}
.home-hero__tagline {
  font-size: 1.15rem;
  max-width: 44rem;
  margin: 0 0 1rem;
}
.home-search .usa-label {
  margin-top: 0;
  font-weight: 700;
}
.home-search .usa-hint {
  display: block;
  color: var(--muted);
  margin-bottom: 0.25rem;
}
.home-search__all {
  margin: 0.75rem 0 0;
}
.home-section {
  margin: 2.5rem 0 0;
}
.home-live {
  margin: 0 0 2rem;
}
.home-live h2,
.home-section h2 {
  margin-top: 0;
}
.home-live__intro,
.home-live__fine {
  color: var(--muted);
  margin: 0 0 1rem;
}
.home-live__fine {
  font-size: 0.9rem;
  margin-top: 1rem;
}
.home-live__cards {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
  gap: 1rem;
}
.home-live__card {
  border: 1px solid var(--line);
  border-top: 0.35rem solid var(--brand);
  border-radius: 0.25rem;
  padding: 1rem 1.25rem;
  background: #fff;
}
.home-live__title {
  font-size: 1.1rem;
  margin: 0 0 0.5rem;
}
.home-live__figure {
  font-size: 2.75rem;
  font-weight: 700;
  line-height: 1.1;
  margin: 0;
  font-variant-numeric: tabular-nums;
}
.home-live__unit {
  font-size: 1.1rem;
  font-weight: 400;
  text-decoration: none;
}
.home-live__caption {
  margin: 0.25rem 0 0.5rem;
}
.home-live__band {
  margin: 0.5rem 0 0.25rem;
}
.home-live__note {
  border-left: 0.25rem solid #8a4b00;
  background: #fef0c8;
  padding: 0.25rem 0.5rem;
  margin: 0.5rem 0;
  font-size: 0.95rem;
}
.home-live__link {
  margin: 0.5rem 0 0;
}
.aq-band {
  display: inline-block;
  padding: 0.15rem 0.6rem;
  border-radius: 999px;
  font-weight: 700;
  color: #1b1b1b;
  border: 1px solid #565c65;
}
.aq-band--good {
  background: #b7e1a1;
}
.aq-band--moderate {
  background: #ffe396;
}
.aq-band--sensitive {
  background: #ffc58f;
}
.aq-band--unhealthy {
  background: #ffb0a8;
}
.aq-band--very_unhealthy {
  background: #dcc1ea;
}
.aq-band--hazardous {
  background: #7e1a2e;
  color: #fff;
}
.is-updated {
  animation: home-live-updated 1.5s ease-out;
}
@keyframes home-live-updated {
  from {
    background-color: #fff3b0;
  }
  to {
    background-color: transparent;
  }
}
@media (prefers-reduced-motion: reduce) {
  .is-updated {
    animation: none;
  }
}
.home-featured.usa-card-group {
  margin-top: 0;
}
.home-featured__meta {
  color: var(--muted);
  font-size: 0.95rem;
}
.home-categories {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  gap: 0.75rem;
  margin: 0;
  padding: 0;
}
.home-categories a {
  display: flex;
  flex-direction: column;
  height: 100%;
  box-sizing: border-box;
  padding: 0.75rem 1rem;
  border: 1px solid var(--line);
  border-radius: 0.25rem;
  text-decoration: none;
}
.home-categories a:hover {
  background: var(--panel);
}
.home-categories__name {
  font-weight: 700;
  text-decoration: underline;
}
.home-categories__count {
  color: var(--muted);
}
.home-recent {
  margin: 0;
  padding: 0;
}
.home-recent li {
  padding: 0.5rem 0;
  border-bottom: 1px solid var(--line);
}
.home-recent__meta {
  display: block;
  color: var(--muted);
  font-size: 0.95rem;
}
`;
