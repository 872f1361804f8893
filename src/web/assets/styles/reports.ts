// Styles of the quality reports' pages (the form, the acknowledgement, the private and public report pages, the
// public list, the staff triage) and of the "Report a problem" links and "under investigation" badges of the
// dataset page, the chart and the live map. Colours meet WCAG AA on their backgrounds; layouts work from 360 px.
import { deskFacts, deskHoneypot, deskIntro, deskKeep, deskPage } from './desk.js';

export const REPORTS_STYLES = `
${deskPage('reports')}
.reports-list,
.reports-filed,
.reports-follow {
  padding-top: 1.5rem;
}
${deskIntro('reports')}
.reports-section > h2 {
  font-size: 1.4rem;
  margin-top: 2rem;
}
.usa-form.reports-form {
  max-width: 40rem;
}
.reports-form .usa-input,
.reports-form .usa-select,
.reports-form .usa-textarea {
  max-width: 100%;
}
.reports-form .usa-textarea {
  height: auto;
}
.reports-form .usa-radio__label-description {
  color: var(--muted);
}
.reports-period {
  margin-top: 1.5rem;
}
.reports-period__fields {
  display: flex;
  flex-wrap: wrap;
  gap: 0 1.5rem;
}
.reports-period__fields .reports-time {
  flex: 1 1 14rem;
  margin-top: 0.75rem;
}
${deskHoneypot('reports')}
.reports-form__buttons {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.75rem 1.5rem;
  margin-top: 2rem;
}
.reports-form__buttons .usa-button {
  margin: 0;
}
.reports-number {
  font-size: 1.3rem;
  letter-spacing: 0.02em;
}
${deskKeep('reports')}
.reports-private-note,
.reports-note {
  color: var(--muted);
}
${deskFacts('reports')}
.reports-written {
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  max-width: 46rem;
}
.reports-answer {
  max-width: 48rem;
  margin: 1.5rem 0;
}
.reports-replies {
  max-width: 48rem;
}
.reports-reply {
  border-left: 4px solid var(--line);
  padding: 0.25rem 0 0.25rem 1rem;
  margin: 0 0 1rem;
}
.reports-reply__meta {
  margin: 0 0 0.25rem;
}
.reports-reply .reports-written {
  margin: 0;
}
.reports-timeline {
  list-style: none;
  padding: 0;
  margin: 0;
  max-width: 48rem;
}
.reports-timeline__item {
  position: relative;
  padding: 0 0 1rem 1.5rem;
  border-left: 2px solid var(--line);
  margin-left: 0.4rem;
}
.reports-timeline__item::before {
  content: '';
  position: absolute;
  left: -0.45rem;
  top: 0.3rem;
  width: 0.8rem;
  height: 0.8rem;
  border-radius: 50%;
  background: #fff;
  border: 2px solid var(--brand-dark, #1a4480);
}
.reports-timeline__item time {
  display: block;
  color: var(--muted);
  font-size: 0.95rem;
}
.reports-timeline__what {
  font-weight: 700;
}
.reports-timeline__item .reports-written {
  margin: 0.25rem 0 0;
}
.reports-tag {
  font-size: 0.95rem;
  padding: 0.15rem 0.5rem;
  text-transform: none;
}
.reports-tag--received {
  background: #5c5c5c;
}
.reports-tag--acknowledged,
.reports-tag--in_progress {
  background: #1a4480;
}
.reports-tag--resolved {
  background: #19613a;
}
.reports-tag--wont_fix {
  background: #6f3331;
}
.reports-more {
  margin-top: 2rem;
}
.reports-more li {
  margin-bottom: 0.5rem;
}
.reports-filter {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: 0.5rem 1.5rem;
  margin: 1rem 0 1.5rem;
}
.reports-filter .usa-fieldset legend {
  font-weight: 700;
}
.reports-filter__choices {
  display: flex;
  flex-wrap: wrap;
  gap: 0 1.5rem;
}
.reports-filter .usa-button {
  margin: 0;
}
.reports-table {
  width: 100%;
}
.reports-table th[scope='row'] {
  white-space: nowrap;
}
.reports-sensor {
  display: block;
  color: var(--muted);
  font-size: 0.95rem;
}
.reports-pager {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.5rem;
  margin-top: 1.5rem;
}
.reports-open {
  margin-top: 1.5rem;
}
.reports-open h3 {
  font-size: 1.15rem;
}
.reports-open__list li {
  margin-bottom: 0.5rem;
}
.reports-badge {
  display: inline-block;
  margin: 0.5rem 0;
  padding: 0.25rem 0.6rem;
  border: 1px solid #936f38;
  border-left-width: 4px;
  background: #faf3d1;
  color: #1b1b1b;
  font-weight: 700;
}
.reports-badge[hidden] {
  display: none;
}
.reports-badge a {
  color: #1b1b1b;
}
.reports-badge--small {
  margin: 0.25rem 0 0;
  padding: 0.1rem 0.4rem;
  font-size: 0.9rem;
  font-weight: 600;
}
.chart-report {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0 1.5rem;
}
.chart-report p {
  margin: 0.5rem 0;
}
.live-report {
  display: block;
  font-weight: 400;
  font-size: 0.9rem;
}
.live-report .reports-badge {
  display: inline-block;
  margin-right: 0.5rem;
}
.live-popup .reports-badge {
  margin: 0.25rem 0;
}
.reports-staff-grid {
  display: grid;
  grid-template-columns: minmax(0, 1fr);
  gap: 0 2.5rem;
}
@media (min-width: 64em) {
  .reports-staff-grid {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  }
}
.reports-staff-form {
  margin-bottom: 2rem;
}
.reports-staff-form textarea {
  width: 100%;
}
`;
