/**
 * Third-party front-end files served from our own origin (no CDN): the U.S. Web Design System's stylesheet and
 * fonts, and the stylesheets of the map and chart libraries. Each package is served under its version
 * (`/assets/uswds-3.14.0/css/uswds.min.css`), so the files are cached for a year and a new version is a new URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';

interface VendorPackage {
  /** The npm package. */
  name: string;
  /** The folder inside the package that is served. */
  folder: string;
}

const PACKAGES: Readonly<Record<string, VendorPackage>> = {
  uswds: { name: '@uswds/uswds', folder: 'dist' },
  leaflet: { name: 'leaflet', folder: 'dist' },
  markercluster: { name: 'leaflet.markercluster', folder: 'dist' },
  uplot: { name: 'uplot', folder: 'dist' },
};

export const VENDOR_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const require = createRequire(import.meta.url);

interface Resolved {
  root: string;
  version: string;
}

const resolved = new Map<string, Resolved>();

function resolvePackage(key: string): Resolved | undefined {
  const known = resolved.get(key);
  if (known) return known;
  const pkg = PACKAGES[key];
  if (!pkg) return undefined;
  // Not every package exports its package.json: look for it where Node would look for the package.
  const manifest = (require.resolve.paths(pkg.name) ?? [])
    .map((dir) => join(dir, pkg.name, 'package.json'))
    .find((file) => existsSync(file));
  if (!manifest) throw new Error(`the package ${pkg.name} is not installed`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const entry = { root: join(dirname(manifest), pkg.folder), version };
  resolved.set(key, entry);
  return entry;
}

/** The URL of a vendor file, e.g. vendorUrl('uswds', 'css/uswds.min.css'). */
export function vendorUrl(key: keyof typeof PACKAGES & string, path: string): string {
  const pkg = resolvePackage(key);
  if (!pkg) throw new Error(`unknown vendor package ${key}`);
  return `/assets/${key}-${pkg.version}/${path}`;
}

/**
 * The file behind `/assets/<key>-<version>/<path>`, or undefined when the URL names no served file (another
 * version, a path outside the folder, a type we do not serve).
 */
export function vendorFile(folder: string, path: string): { file: string; type: string } | undefined {
  const match = /^([a-z]+)-(\d[\w.-]*)$/.exec(folder);
  if (!match) return undefined;
  const pkg = resolvePackage(match[1] ?? '');
  if (!pkg || pkg.version !== match[2]) return undefined;
  const type = VENDOR_TYPES[extname(path).toLowerCase()];
  if (!type) return undefined;
  const file = normalize(join(pkg.root, path));
  if (!file.startsWith(pkg.root + sep)) return undefined;
  return { file, type };
}
