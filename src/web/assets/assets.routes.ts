/**
 * Serves the portal's front-end files: the theme stylesheet (the city's colours over our own rules), vendor files
 * (USWDS, Leaflet, uPlot) and the client islands. Everything but the theme is immutable under a versioned URL.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { City } from '../../city/city.js';
import type { Islands } from './islands.js';
import { themeStylesheet } from './theme.js';
import { vendorFile } from './vendor.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface ThemeAsset {
  url: string;
  css: string;
}

export function themeAsset(city: City): ThemeAsset {
  const css = themeStylesheet(city);
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  return { url: `/assets/css/plaza.${hash}.css`, css };
}

export function assetRoutes(
  app: FastifyInstance,
  deps: { city: City; islands: Islands; theme: ThemeAsset },
): void {
  const hide = { schema: { hide: true } };
  const theme = deps.theme;
  app.get<{ Params: { file: string } }>('/assets/css/:file', hide, async (request, reply) =>
    `/assets/css/${request.params.file}` === theme.url
      ? reply.type('text/css; charset=utf-8').header('Cache-Control', IMMUTABLE).send(theme.css)
      : // An older version's address: the current stylesheet, briefly cached.
        reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(theme.css),
  );
  // The old unversioned address, for pages cached before the versioned one existed.
  app.get('/assets/plaza.css', hide, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(theme.css),
  );

  app.get<{ Params: { file: string } }>('/assets/js/:file', hide, async (request, reply) => {
    const island = deps.islands.byFile(request.params.file);
    if (!island) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type('text/javascript; charset=utf-8').header('Cache-Control', IMMUTABLE).send(island.body);
  });

  if (deps.city.seal) {
    const seal = deps.city.seal;
    app.get('/assets/city/seal', hide, async (_request, reply) => {
      const body = await readFile(`${deps.city.dir}/${seal}`);
      return reply
        .type(seal.endsWith('.svg') ? 'image/svg+xml' : 'image/png')
        .header('Cache-Control', 'public, max-age=86400')
        .send(body);
    });
  }

  app.get<{ Params: { folder: string; '*': string } }>('/assets/:folder/*', hide, async (request, reply) => {
    const found = vendorFile(request.params.folder, request.params['*']);
    if (!found) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    try {
      const body = await readFile(found.file);
      return reply.type(found.type).header('Cache-Control', IMMUTABLE).send(body);
    } catch {
      return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    }
  });
}
