/**
 * What the developer services answer, in the page's language: sign-up problems by their field (and rule), and
 * errors by their stable codes. The JSON API keeps the services' English; an answer not known here is shown as
 * it came, marked as English.
 */
import type { AppError } from '../../../errors.js';
import type { SiteInfo } from '../../../web/pages/layout.js';
import { asIs, passwordProblemText, sentence } from '../../accounts/form-messages.js';
import { MAX_KEYS } from '../../keys/keys.service.js';
import type { Problem } from '../developer-errors.js';

/** A problem of `signUpProblems` (../signup.service.ts) as a sentence in the page's language. */
export function signUpProblem(problem: Problem, site: SiteInfo): Problem {
  const t = site.t.account;
  const message = (() => {
    switch (problem.field) {
      case 'name':
        return problem.message === 'give your name' ? t.giveName : t.nameTooLong(200);
      case 'email':
        return t.validEmail;
      case 'password':
        return passwordProblemText(problem.message, site.t.signin);
      case 'acceptTerms':
        return t.acceptTermsProblem;
      default:
        return sentence(problem.message);
    }
  })();
  return { field: problem.field, message };
}

/** The words of an error of the developer pages, with their language when it is not the page's. */
export function developerErrorText(error: AppError, site: SiteInfo): { text: string; lang?: string } {
  const t = site.t.account;
  const id = typeof error.details?.id === 'string' ? error.details.id : '';
  const retry = error.details?.retryAfter;
  switch (error.code) {
    case 'auth.csrf':
      return { text: site.t.signin.formExpired };
    case 'account.verify_invalid':
      return { text: t.verifyInvalid };
    case 'account.verify_used':
      return { text: t.verifyUsed };
    case 'account.verify_expired':
      return { text: t.verifyExpired };
    case 'account.verify_wait':
      return typeof retry === 'number' ? { text: t.verifyWait(retry) } : asIs(site, error.message);
    case 'account.already_verified':
      return { text: t.alreadyVerified };
    case 'account.unverified':
      return { text: t.unverified };
    case 'api_key.not_found':
      return { text: t.keyNotFound(id) };
    case 'api_key.limit':
      return { text: t.keyLimit(MAX_KEYS) };
    case 'api_key.invalid':
      return { text: t.keyNameProblem };
    case 'auth.key_revoked':
      return { text: t.keyRevoked };
    default:
      return asIs(site, error.message);
  }
}
