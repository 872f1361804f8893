/**
 * Errors of the desk's public pages as pages: a resident gets a page in their language that says what happened
 * and where to go next, with the error's status. Anything that is not an AppError goes on to the app's handler.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import type { PageContext } from '../../web/page-context.js';

export function DeskErrorPage(props: {
  site: SiteInfo;
  title: string;
  message: string;
  messageLang?: string;
}): SafeHtml {
  const { site } = props;
  const t = site.t.records;
  return (
    <Layout site={site} title={props.title} index={false}>
      <div class="records">
        <h1>{props.title}</h1>
        <p lang={props.messageLang && props.messageLang !== site.lang ? props.messageLang : undefined}>
          {props.message}
        </p>
        <ul class="usa-list">
          <li>
            <a href="/records">{t.backToForm}</a>
          </li>
          <li>
            <a href="/records/log">{t.logLink}</a>
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

/** "Not found" for an unknown follow link or a request number nobody may see. */
export function sendNotFound(pages: PageContext, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const site = pages.site(request, { localized: true });
  const t = site.t.records;
  return pages.send(reply, DeskErrorPage({ site, title: t.notFoundTitle, message: t.notFoundMessage }), 404);
}

export function installDeskErrors(scope: FastifyInstance, pages: PageContext): void {
  scope.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode;
    const site = pages.site(request, { localized: true });
    const t = site.t.records;
    if (error instanceof AppError && error.status === 404) return sendNotFound(pages, request, reply);
    if (error instanceof AppError && error.code === 'auth.csrf') {
      return pages.send(
        reply,
        DeskErrorPage({ site, title: t.formExpiredTitle, message: t.formExpired }),
        403,
      );
    }
    if (status === 413 || (error instanceof AppError && error.status === 413)) {
      return pages.send(reply, DeskErrorPage({ site, title: t.tooLargeTitle, message: t.tooLarge }), 413);
    }
    if (!(error instanceof AppError)) throw error;
    const title = error.status === 403 || error.status === 401 ? t.notAllowedTitle : t.cannotTitle;
    return pages.send(
      reply,
      DeskErrorPage({ site, title, message: error.message, messageLang: 'en' }),
      error.status,
    );
  });
}
