/**
 * The guides in `docs/` (API, query language, importing, operations, architecture) served as pages at
 * `/docs/<name>`, so that the API reference and the dataset pages can link to them on any installation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GUIDES: Readonly<Record<string, string>> = {
  api: 'API guide',
  'query-language': 'Query language (SoQL)',
  sensorthings: 'SensorThings API',
  sensors: 'Sensors: devices, ingest and rollups',
  importing: 'Importing data',
  access: 'Access: who may do what',
  accounts: 'Staff accounts and signing in',
  'staff-console': 'Staff console: publishing datasets',
  portal: 'The portal: pages, languages and the city folder',
  records: 'The records desk: public records requests',
  'quality-reports': 'Quality reports: problems with datasets and sensors',
  status: 'The status board: is every dataset current?',
  'quality-control': 'Sensor quality control (QARTOD)',
  stewardship: 'Stewardship: notices, escalation and digests',
  'api-keys': 'API keys',
  'rate-limits': 'Rate limits',
  'access-requests': 'Access requests and data-sharing agreements',
  'enforcement-and-audit': 'Enforcement, audit log and email',
  operations: 'Operations',
  architecture: 'Architecture',
};

/** The guides by reader, in the order the guide pages' side navigation lists them. */
export const GUIDE_GROUPS: readonly { title: string; names: readonly string[] }[] = [
  {
    title: 'Using the data and the APIs',
    names: [
      'api',
      'query-language',
      'api-keys',
      'rate-limits',
      'sensorthings',
      'access-requests',
      'records',
      'quality-reports',
      'status',
      'quality-control',
    ],
  },
  {
    title: 'Publishing and running the portal',
    names: [
      'portal',
      'staff-console',
      'importing',
      'sensors',
      'stewardship',
      'access',
      'accounts',
      'enforcement-and-audit',
      'operations',
      'architecture',
    ],
  },
];

let folder: string | null | undefined;

/** The `docs` folder of the installation: found by walking up from this module (sources, bundle or build). */
function docsFolder(): string | null {
  if (folder !== undefined) return folder;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'docs', 'query-language.md'))) return (folder = join(dir, 'docs'));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return (folder = null);
}

const guides = new Map<string, { title: string; markdown: string }>();

/** The Markdown of a guide, with links between guides pointing at their pages; null when unknown. Read once. */
export function readGuide(name: string): { title: string; markdown: string } | null {
  const known = guides.get(name);
  if (known) return known;
  const title = Object.hasOwn(GUIDES, name) ? GUIDES[name] : undefined;
  const dir = docsFolder();
  if (!title || !dir) return null;
  const markdown = readFileSync(join(dir, `${name}.md`), 'utf8').replace(
    /\]\((?:\.\/)?([a-z-]+)\.md(#[^)]*)?\)/g,
    (_m, guide: string, hash: string | undefined) => `](/docs/${guide}${hash ?? ''})`,
  );
  const guide = { title, markdown };
  guides.set(name, guide);
  return guide;
}
