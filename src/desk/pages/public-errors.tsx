/**
 * Errors of the desk's public pages as pages: a resident gets a page in their language that says what happened
 * and where to go next, with the error's status. Anything that is not an AppError goes on to the app's handler.
 */
import { deskErrors } from '../shared-pages/desk-errors.js';

export { privatePage } from '../shared-pages/desk-errors.js';

const recordsErrors = deskErrors({
  className: 'records',
  links: (site) => [
    { href: '/records', label: site.t.records.backToForm },
    { href: '/records/log', label: site.t.records.logLink },
  ],
  /** "Not found" for an unknown follow link or a request number nobody may see. */
  notFound: (site) => ({ title: site.t.records.notFoundTitle, message: site.t.records.notFoundMessage }),
  formExpired: (site) => ({ title: site.t.records.formExpiredTitle, message: site.t.records.formExpired }),
  tooLarge: (site) => ({ title: site.t.records.tooLargeTitle, message: site.t.records.tooLarge }),
  refusedTitle: (site, notAllowed) =>
    notAllowed ? site.t.records.notAllowedTitle : site.t.records.cannotTitle,
});

export const DeskErrorPage = recordsErrors.ErrorPage;
export const sendNotFound = recordsErrors.sendNotFound;
export const installDeskErrors = recordsErrors.install;
