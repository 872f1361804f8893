/**
 * Errors of the reports' public pages as pages in the visitor's language: an unknown report or link, a dataset
 * the visitor may not see, an expired form. Anything that is not an AppError goes on to the app's handler.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../errors.js';
import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import type { PageContext } from '../../../web/page-context.js';

export function ReportErrorPage(props: {
  site: SiteInfo;
  title: string;
  message: string;
  messageLang?: string;
}): SafeHtml {
  const { site } = props;
  const t = site.t.reports;
  return (
    <Layout site={site} title={props.title} index={false}>
      <div class="reports">
        <h1>{props.title}</h1>
        <p lang={props.messageLang && props.messageLang !== site.lang ? props.messageLang : undefined}>
          {props.message}
        </p>
        <ul class="usa-list">
          <li>
            <a href="/reports">{t.allReports}</a>
          </li>
          <li>
            <a href="/datasets">{site.t.common.navDatasets}</a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}

/** The private pages' headers: the token in the address must not travel to other sites or into indexes. */
export function privatePage(reply: FastifyReply): FastifyReply {
  return reply.header('Referrer-Policy', 'no-referrer').header('X-Robots-Tag', 'noindex');
}

/** "Not found" for an unknown link, a report that is not public, or a dataset the visitor may not see. */
export function sendNotFound(pages: PageContext, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const site = pages.site(request, { localized: true });
  const t = site.t.reports;
  const datasetMissing = /^\/datasets\//.test(request.url);
  return pages.send(
    reply,
    ReportErrorPage({
      site,
      title: datasetMissing ? site.t.common.datasetNotFoundTitle : t.notFoundTitle,
      message: datasetMissing
        ? site.t.common.datasetNotFoundMessage(decodeURIComponent(request.url.split('/')[2] ?? ''))
        : t.notFoundMessage,
    }),
    404,
  );
}

export function installReportErrors(scope: FastifyInstance, pages: PageContext): void {
  scope.setErrorHandler((error, request, reply) => {
    if (!(error instanceof AppError)) throw error;
    const site = pages.site(request, { localized: true });
    const t = site.t.reports;
    if (error.status === 404) return sendNotFound(pages, request, reply);
    if (error.code === 'auth.csrf')
      return pages.send(
        reply,
        ReportErrorPage({ site, title: t.formExpiredTitle, message: t.formExpired }),
        403,
      );
    const title = error.status === 403 || error.status === 401 ? t.notAllowedTitle : t.cannotTitle;
    return pages.send(
      reply,
      ReportErrorPage({ site, title, message: error.message, messageLang: 'en' }),
      error.status,
    );
  });
}
