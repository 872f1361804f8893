/**
 * schema.org `Dataset` structured data for a dataset page, as search engines' dataset search reads it: name,
 * description, identifiers, keywords, licence, who made and who publishes it, dates, coverage in time and
 * space, and each download with its format. Pure.
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { renderMarkdown } from '../markdown.js';

export interface JsonLdSite {
  cityName: string;
  siteTitle: string;
  publicUrl: string;
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&amp;': '&',
};

/** Markdown as the plain text a reader sees (rendered, then the tags dropped). */
export function plainText(markdown: string): string {
  return renderMarkdown(markdown)
    .html.replace(/<\/(p|li|h\d|blockquote|pre)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** The description as plain text, within the 50 to 5000 characters search engines ask for. */
function plainDescription(dataset: Dataset): string {
  const text = plainText(dataset.description);
  const long = text.length >= 50 ? text : `${dataset.title}. ${text}`.trim();
  return long.length > 5000 ? `${long.slice(0, 4999)}…` : long;
}

/** ISO 8601 interval of the temporal coverage (`start/end`, `..` for an open end), or undefined. */
export function temporalCoverage(temporal: Dataset['temporal']): string | undefined {
  if (!temporal || (!temporal.start && !temporal.end)) return undefined;
  return `${temporal.start ?? '..'}/${temporal.end ?? '..'}`;
}

export function datasetJsonLd(
  site: JsonLdSite,
  dataset: Dataset,
  readable: boolean,
): Record<string, unknown> {
  const page = `${site.publicUrl}/datasets/${encodeURIComponent(dataset.id)}`;
  const city = { '@type': 'GovernmentOrganization', name: site.cityName, url: site.publicUrl };
  const modified = [dataset.data_updated_at, dataset.metadata_updated_at]
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  const [west, south, east, north] = dataset.spatial ?? [];
  const files = dataset.distributions.filter((x) => x.format !== 'API');
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: dataset.title,
    description: plainDescription(dataset),
    url: page,
    sameAs: dataset.landing_page !== page ? dataset.landing_page : undefined,
    identifier: dataset.id,
    keywords: dataset.keywords,
    license: dataset.license.url || dataset.license.id,
    isAccessibleForFree: true,
    creator: {
      '@type': 'GovernmentOrganization',
      name: dataset.department.name,
      url: `${site.publicUrl}/departments/${encodeURIComponent(dataset.department.id)}`,
      parentOrganization: city,
    },
    publisher: city,
    includedInDataCatalog: {
      '@type': 'DataCatalog',
      name: site.siteTitle,
      url: `${site.publicUrl}/datasets`,
    },
    dateCreated: dataset.created_at,
    dateModified: modified,
    temporalCoverage: temporalCoverage(dataset.temporal),
    spatialCoverage:
      west !== undefined && south !== undefined && east !== undefined && north !== undefined
        ? {
            '@type': 'Place',
            geo: { '@type': 'GeoShape', box: `${south} ${west} ${north} ${east}` },
          }
        : undefined,
    variableMeasured: dataset.columns.length > 0 ? dataset.columns.map((c) => c.name) : undefined,
    conditionsOfAccess:
      dataset.access_level === 'public'
        ? undefined
        : 'The rows are restricted: the steward grants access on request; the metadata is public.',
    distribution: readable
      ? files.map((x) => ({
          '@type': 'DataDownload',
          name: x.title,
          encodingFormat: x.mediaType,
          contentUrl: x.url,
        }))
      : undefined,
  };
  return Object.fromEntries(Object.entries(ld).filter(([, v]) => v !== undefined));
}
