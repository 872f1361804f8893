/**
 * An address nothing answers, asked for by a browser, gets a page in the visitor's language with a search box;
 * API clients (the API, SODA, SensorThings and other protocol paths, or a client that prefers JSON) keep the
 * JSON error of the one not-found handler (src/http/error-handler.ts), which calls this first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { setNotFoundPage } from '../http/error-handler.js';
import { NotFoundPage } from './content/not-found-page.js';
import type { WebContext } from './web-context.js';

/** Paths that belong to machines: their unknown addresses answer JSON whatever the Accept header says. */
const MACHINE_PATHS = /^\/(api|resource|sta|ogc|assets|mqtt|healthz|readyz|metrics)(\/|\.|$)|^\/data\.json$/;

/** The quality a media range gets in an Accept header (0 when absent), and where it is listed. */
function preference(accept: string, type: string): { q: number; index: number } {
  const ranges = accept.split(',');
  for (let index = 0; index < ranges.length; index++) {
    const [range = '', ...params] = (ranges[index] ?? '').split(';');
    if (range.trim().toLowerCase() !== type) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { q: q === undefined ? 1 : Number(q), index };
  }
  return { q: 0, index: ranges.length };
}

/** Whether a request for an unknown address should get the HTML page rather than the JSON error. */
export function wantsPage(request: Pick<FastifyRequest, 'method' | 'url' | 'headers'>): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (MACHINE_PATHS.test(path)) return false;
  const accept = request.headers.accept ?? '';
  const html = preference(accept, 'text/html');
  if (html.q === 0) return false;
  const json = preference(accept, 'application/json');
  return html.q > json.q || (html.q === json.q && html.index < json.index);
}

export function installNotFoundPage(app: FastifyInstance, ctx: WebContext): void {
  setNotFoundPage(app, (request, reply) => {
    if (!wantsPage(request)) return null;
    const site = ctx.pages.site(request, { localized: true });
    return ctx.pages.send(reply, NotFoundPage({ site }), 404);
  });
}
