/**
 * Errors of the reports' public pages as pages in the visitor's language: an unknown report or link, a dataset
 * the visitor may not see, an expired form. Anything that is not an AppError goes on to the app's handler.
 */
import { deskErrors } from '../../shared-pages/desk-errors.js';

export { privatePage } from '../../shared-pages/desk-errors.js';

const reportErrors = deskErrors({
  className: 'reports',
  links: (site) => [
    { href: '/reports', label: site.t.reports.allReports },
    { href: '/datasets', label: site.t.common.navDatasets },
  ],
  /** "Not found" for an unknown link, a report that is not public, or a dataset the visitor may not see. */
  notFound: (site, request) =>
    /^\/datasets\//.test(request.url)
      ? {
          title: site.t.common.datasetNotFoundTitle,
          message: site.t.common.datasetNotFoundMessage(decodeURIComponent(request.url.split('/')[2] ?? '')),
        }
      : { title: site.t.reports.notFoundTitle, message: site.t.reports.notFoundMessage },
  formExpired: (site) => ({ title: site.t.reports.formExpiredTitle, message: site.t.reports.formExpired }),
  refusedTitle: (site, notAllowed) =>
    notAllowed ? site.t.reports.notAllowedTitle : site.t.reports.cannotTitle,
});

export const ReportErrorPage = reportErrors.ErrorPage;
export const sendNotFound = reportErrors.sendNotFound;
export const installReportErrors = reportErrors.install;
