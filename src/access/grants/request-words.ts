/**
 * What the access-request service answers, in the page's language: form problems by their field and rule, and
 * errors by their stable codes. The JSON API keeps the service's English; an answer not known here is shown as
 * it came, marked as English.
 */
import type { AppError } from '../../errors.js';
import type { SiteInfo } from '../../web/pages/layout.js';
import { asIs } from '../accounts/form-messages.js';
import { TEXT_MAX, TEXT_MIN } from './requests.schema.js';

type Problem = { field: string; message: string };

/** A problem of the request form (see `checkText` and `create` in ./requests.service.ts). */
export function requestProblem(problem: Problem, site: SiteInfo): Problem {
  const t = site.t.account;
  const known: Record<string, string> = {
    [`write at least ${TEXT_MIN} characters`]: t.reqWriteAtLeast(TEXT_MIN),
    [`write at most ${TEXT_MAX} characters`]: t.reqWriteAtMost(TEXT_MAX),
    'ask for elevated or partner': t.reqAskForTier,
    'ask either for a dataset or for a tier': t.reqDatasetOrTier,
  };
  return {
    field: problem.field,
    message: Object.hasOwn(known, problem.message) ? known[problem.message]! : problem.message,
  };
}

/** The title of an error page, by the error's status. */
export function requestErrorTitle(error: AppError, site: SiteInfo): string {
  const t = site.t.account;
  if (error.status === 404) return t.errNotFound;
  if (error.status === 403) return t.errNotAllowed;
  if (error.status === 409) return t.reqErrNothing;
  return t.reqErrFailed;
}

const detail = (error: AppError, name: string) => {
  const value = error.details?.[name];
  return typeof value === 'string' ? value : '';
};

/** Why it is not needed: the dataset is public, already readable, or the tier already held. */
function notNeeded(error: AppError, site: SiteInfo): { text: string; lang?: string } {
  const t = site.t.account;
  const isPublic = /^"(.+)" is public:/.exec(error.message);
  if (isPublic) return { text: t.reqPublic(isPublic[1]!) };
  const reads = /^You already read "(.+)"\.$/.exec(error.message);
  if (reads) return { text: t.reqAlreadyReads(reads[1]!) };
  const tier = /^Your account already has the (\w+) tier\.$/.exec(error.message);
  if (tier) return { text: t.reqHasTier(tier[1]!) };
  return asIs(site, error.message);
}

/** The words of an error of the requester's pages, with their language when it is not the page's. */
export function requestErrorText(error: AppError, site: SiteInfo): { text: string; lang?: string } {
  const t = site.t.account;
  switch (error.code) {
    case 'access_request.not_found':
      return { text: t.reqNotFound(detail(error, 'id')) };
    case 'access_request.duplicate':
      return { text: t.reqDuplicate(detail(error, 'id')) };
    case 'access_request.not_needed':
      return notNeeded(error, site);
    case 'access_request.developers_only':
      return { text: t.reqDevelopersOnly };
    case 'access_request.not_pending':
      return { text: t.reqNotPending(t.reqStatus(detail(error, 'status'))) };
    case 'dataset.not_found':
      return { text: site.t.common.datasetNotFoundMessage(detail(error, 'id')) };
    default:
      return asIs(site, error.message);
  }
}
