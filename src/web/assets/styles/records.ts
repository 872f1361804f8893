// Styles of the records desk's public pages: the request form with its dataset suggestions, the acknowledgement,
// the requester's private page, the public log and the numbers (served in the one theme stylesheet, after the
// design system's). Colours meet WCAG AA on their backgrounds; every layout works from 360 px up.
import { deskFacts, deskHoneypot, deskIntro, deskKeep, deskPage } from './desk.js';

export const RECORDS_STYLES = `
${deskPage('records')}
${deskIntro('records')}
.records-links {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.5rem;
  margin: 1rem 0 1.5rem;
}
.records-ask > h2,
.records-after > h2,
.records-section > h2 {
  font-size: 1.4rem;
  margin-top: 2rem;
}
.usa-form.records-form,
.records .usa-form {
  max-width: 40rem;
}
.records .usa-form .usa-input,
.records .usa-form .usa-select,
.records .usa-form .usa-textarea {
  max-width: 100%;
}
.records .usa-form .usa-textarea {
  height: auto;
}
.records-marker {
  color: var(--muted);
  font-weight: 400;
}
.records-contact {
  margin-top: 2rem;
}
.records-contact .usa-legend--large {
  font-size: 1.3rem;
}
${deskHoneypot('records')}
.records-file {
  display: block;
  max-width: 100%;
  margin-top: 0.5rem;
  font: inherit;
}
.records-kept {
  margin-bottom: 1rem;
}
.records-form__public-note {
  margin-top: 1.5rem;
  color: var(--muted);
}
.records-form__buttons {
  display: flex;
  flex-wrap: wrap;
  gap: 0.75rem;
  margin-top: 1rem;
}
.records-form__buttons .usa-button {
  margin-right: 0;
}
.records-errors ul {
  margin: 0.5rem 0 0;
}
.records-suggest__found {
  margin-top: 1rem;
  padding: 0.75rem 1rem;
  background: var(--panel);
  border-left: 0.35rem solid var(--brand);
}
.records-suggest__heading {
  font-size: 1.1rem;
  margin: 0 0 0.25rem;
}
.records-suggest__intro,
.records-suggest__none {
  margin: 0.25rem 0 0.5rem;
  color: var(--muted);
}
.records-suggest__item {
  margin: 0.5rem 0 0.75rem;
}
.records-suggest__item a {
  font-weight: 700;
}
.records-suggest__department,
.records-suggest__summary {
  display: block;
  color: var(--muted);
  font-size: 0.95rem;
}
.records-rights {
  margin-top: 2rem;
}
.records-rights__list li {
  margin-bottom: 0.5rem;
  max-width: none;
}
.records-rights__law {
  font-size: 0.9rem;
  color: var(--muted);
  margin-bottom: 0;
}
.records-tag {
  text-transform: none;
  font-size: 0.95rem;
  padding: 0.15rem 0.5rem;
  background-color: #3d4551;
  color: #fff;
  white-space: normal;
}
.records-tag--open {
  background-color: var(--brand-dark);
}
.records-tag--extended {
  background-color: #8a4b00;
}
.records-due--overdue strong {
  color: #b50909;
}
.records-due--due_soon strong {
  color: #8a4b00;
}
${deskFacts('records')}
.records-written {
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  max-width: 48rem;
  margin: 0.5rem 0;
}
.records-description {
  padding: 0.75rem 1rem;
  background: var(--panel);
  border-radius: 4px;
}
.records-private-note {
  border-left: 0.35rem solid #8a4b00;
  background: #fef0c8;
  padding: 0.5rem 1rem;
  max-width: 48rem;
}
.records-number {
  font-size: 1.4rem;
  white-space: nowrap;
}
.records-filed > .usa-alert {
  margin-top: 1.5rem;
}
.records-filed__due {
  font-size: 1.15rem;
}
${deskKeep('records')}
.records-messages,
.records-documents,
.records-reconsiderations {
  max-width: 48rem;
}
.records-message,
.records-document,
.records-reconsideration {
  border-top: 1px solid var(--line);
  padding: 0.5rem 0;
}
.records-message__meta,
.records-document__meta,
.records-document__kind {
  color: var(--muted);
  font-size: 0.95rem;
  margin: 0.25rem 0;
}
.records-document__title {
  margin: 0.25rem 0;
  font-weight: 700;
}
.records-document__kind {
  font-weight: 400;
}
.records-denial,
.records-extension {
  max-width: 48rem;
  margin: 1.5rem 0;
}
.records-denial h3 {
  font-size: 1.05rem;
  margin: 1rem 0 0.25rem;
}
.records-fees {
  width: 100%;
  max-width: 40rem;
}
.records-amount {
  text-align: right;
  white-space: nowrap;
}
.records-remedies {
  max-width: 48rem;
}
.records-withdraw .usa-button--secondary {
  background-color: #b50909;
}
.records-withdraw .usa-button--secondary:hover,
.records-withdraw .usa-button--secondary:active {
  background-color: #8b0a03;
}
.records-log-filters {
  max-width: 60rem;
  padding: 0.25rem 1rem 1rem;
  background: var(--panel);
  border-radius: 4px;
}
.records-log-filters .usa-input,
.records-log-filters .usa-select {
  max-width: 100%;
}
/* The design system floats every search field (for its search box); this one stands alone. */
.records-log-filters [type='search'] {
  float: none;
  box-sizing: border-box;
  width: 100%;
  height: 2.5rem;
}
.records-log-filters__row {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
  gap: 0 1rem;
}
.records-log-filters__buttons {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem 1rem;
  margin-top: 1rem;
}
.records-log__count {
  font-size: 1.2rem;
  margin-top: 1.5rem;
}
.records-log__item {
  border-top: 1px solid var(--line);
  padding: 0.75rem 0;
  max-width: 56rem;
}
.records-log__number {
  font-size: 1.15rem;
  margin: 0 0 0.25rem;
}
.records-log__meta,
.records-log__departments,
.records-log__description {
  margin: 0.25rem 0;
}
.records-log__departments {
  color: var(--muted);
}
.records-figures {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
  gap: 1rem;
  margin: 1rem 0 2rem;
}
.records-figure {
  background: var(--panel);
  border-top: 0.3rem solid var(--brand);
  padding: 0.75rem 1rem;
}
.records-figure__value {
  font-size: 2rem;
  font-weight: 700;
  margin: 0;
  line-height: 1.2;
}
.records-figure__label {
  margin: 0.25rem 0 0;
}
.records-numbers__table {
  width: 100%;
}
.records-numbers__explained {
  color: var(--muted);
  max-width: 48rem;
}
`;
