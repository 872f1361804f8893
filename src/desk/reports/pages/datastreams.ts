/**
 * The sensors of a sensor dataset a visitor may choose in the report form: read through the dataset's public
 * `latest` API as the visitor (their cookie or key), so that visibility is exactly the API's. Named as the
 * dataset page's chart names them (the datastream's name, with its unit).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

interface LatestStream {
  id: number;
  name: string;
  unit?: string | null;
}

export async function datastreamsOf(
  app: FastifyInstance,
  request: FastifyRequest,
  datasetId: string,
): Promise<{ id: number; name: string }[]> {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const name of ['cookie', 'authorization', 'x-api-key'] as const) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/datasets/${encodeURIComponent(datasetId)}/latest`,
    headers,
    remoteAddress: request.ip,
  });
  if (res.statusCode !== 200) return [];
  const streams = (res.json() as { datastreams?: LatestStream[] }).datastreams ?? [];
  const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return streams
    .map((d) => ({ id: d.id, name: d.unit ? `${d.name} (${d.unit})` : d.name }))
    .sort((a, b) => byName.compare(a.name, b.name));
}
