/**
 * Errors of a desk's public pages as pages: the visitor gets a page in their language that says what happened
 * and where to go next, with the error's status. Each desk (records, reports) gives its class name, its links and
 * its words; anything that is not an AppError goes on to the app's handler.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import type { PageContext } from '../../web/page-context.js';

/** A title and the sentence under it. */
export interface DeskErrorText {
  title: string;
  message: string;
}

/** What one desk puts on its error pages. */
export interface DeskErrorSpec {
  /** The class of the page's outer block, which the desk's styles hang on. */
  className: string;
  /** Where to go next, in order. */
  links(site: SiteInfo): readonly { href: string; label: string }[];
  /** The "not found" page for this request (a desk may word it by the address asked for). */
  notFound(site: SiteInfo, request: FastifyRequest): DeskErrorText;
  /** A form sent with an expired or missing token. */
  formExpired(site: SiteInfo): DeskErrorText;
  /** A body over the size limit; without it such an error is shown like any other. */
  tooLarge?(site: SiteInfo): DeskErrorText;
  /** The title over an AppError's own message: refused (401, 403) or not possible (anything else). */
  refusedTitle(site: SiteInfo, notAllowed: boolean): string;
}

/** A desk's error page and the handlers that send it. */
export interface DeskErrors {
  ErrorPage(props: { site: SiteInfo; title: string; message: string; messageLang?: string }): SafeHtml;
  sendNotFound(pages: PageContext, request: FastifyRequest, reply: FastifyReply): FastifyReply;
  install(scope: FastifyInstance, pages: PageContext): void;
}

/** The private pages' headers: the token in the address must not travel to other sites or into indexes. */
export function privatePage(reply: FastifyReply): FastifyReply {
  return reply.header('Referrer-Policy', 'no-referrer').header('X-Robots-Tag', 'noindex');
}

export function deskErrors(spec: DeskErrorSpec): DeskErrors {
  function ErrorPage(props: {
    site: SiteInfo;
    title: string;
    message: string;
    messageLang?: string;
  }): SafeHtml {
    const { site } = props;
    return (
      <Layout site={site} title={props.title} index={false}>
        <div class={spec.className}>
          <h1>{props.title}</h1>
          <p lang={props.messageLang && props.messageLang !== site.lang ? props.messageLang : undefined}>
            {props.message}
          </p>
          <ul class="usa-list">
            {spec.links(site).map((link) => (
              <li>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </div>
      </Layout>
    );
  }

  function sendNotFound(pages: PageContext, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const site = pages.site(request, { localized: true });
    return pages.send(reply, ErrorPage({ site, ...spec.notFound(site, request) }), 404);
  }

  function install(scope: FastifyInstance, pages: PageContext): void {
    scope.setErrorHandler((error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode;
      const site = pages.site(request, { localized: true });
      if (error instanceof AppError && error.status === 404) return sendNotFound(pages, request, reply);
      if (error instanceof AppError && error.code === 'auth.csrf') {
        return pages.send(reply, ErrorPage({ site, ...spec.formExpired(site) }), 403);
      }
      if (spec.tooLarge && (status === 413 || (error instanceof AppError && error.status === 413))) {
        return pages.send(reply, ErrorPage({ site, ...spec.tooLarge(site) }), 413);
      }
      if (!(error instanceof AppError)) throw error;
      const title = spec.refusedTitle(site, error.status === 403 || error.status === 401);
      return pages.send(
        reply,
        ErrorPage({ site, title, message: error.message, messageLang: 'en' }),
        error.status,
      );
    });
  }

  return { ErrorPage, sendNotFound, install };
}
