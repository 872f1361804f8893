/**
 * The services' answers in the page's language: errors by their stable codes, password problems by the rule
 * they name. The JSON API keeps the services' English words; anything not known here is shown as it came,
 * marked as English.
 */
import type { AppError } from '../../errors.js';
import type { T } from '../../web/i18n/index.js';
import type { SiteInfo } from '../../web/pages/layout.js';
import { MAX_PASSWORD, MIN_PASSWORD } from '../passwords.js';
import type { Notice } from './form-fields.js';

/** "give your name" -> "Give your name." */
export const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/** A message as it came from a service, marked English when the page is not. */
export const asIs = (site: SiteInfo, text: string): { text: string; lang?: string } =>
  site.lang === 'en' ? { text } : { text, lang: 'en' };

/** A problem of `passwordProblem` (src/access/passwords.ts) as a sentence in the page's language. */
export function passwordProblemText(problem: string, t: T['signin']): string {
  switch (problem) {
    case `use at least ${MIN_PASSWORD} characters`:
      return t.passwordTooShort(MIN_PASSWORD);
    case `use at most ${MAX_PASSWORD} characters`:
      return t.passwordTooLong(MAX_PASSWORD);
    case 'do not use your email address in your password':
      return t.passwordHasEmail;
    case 'do not repeat one character':
      return t.passwordRepeats;
    default:
      return sentence(problem);
  }
}

const detail = (error: AppError, name: string) => {
  const value = error.details?.[name];
  return typeof value === 'string' && value ? value : undefined;
};

/** Why signing in (or a form before it) was refused, as the notice above the form. */
export function signInNotice(error: AppError, site: SiteInfo): Notice {
  const t = site.t.signin;
  const until = detail(error, 'until');
  switch (error.code) {
    case 'auth.invalid_credentials':
      return { kind: 'error', text: t.invalidCredentials };
    case 'auth.account_locked':
      return { kind: 'error', text: t.locked(until ? site.format.dateTime(until) : '—') };
    case 'auth.account_suspended':
      return { kind: 'error', text: t.suspended(until ? site.format.dateTime(until) : undefined) };
    case 'auth.csrf':
      return { kind: 'error', text: t.formExpired };
    default:
      return { kind: 'error', ...asIs(site, error.message) };
  }
}
