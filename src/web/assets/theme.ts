/** The portal's stylesheet with the city's colours and the interface font, served after the USWDS stylesheet. */
import type { City } from '../../city/city.js';
import { BASE_STYLES } from './styles/base.js';
import { HOME_STYLES } from './styles/home.js';
import { CATALOG_STYLES } from './styles/catalog.js';
import { DEPARTMENTS_STYLES } from './styles/departments.js';
import { DATASET_STYLES } from './styles/dataset.js';
import { TABLE_STYLES } from './styles/table.js';
import { MAP_STYLES } from './styles/map.js';
import { CHART_STYLES } from './styles/chart.js';
import { LIVE_STYLES } from './styles/live.js';
import { CONTENT_STYLES } from './styles/content.js';
import { DEVELOPERS_STYLES } from './styles/developers.js';
import { RECORDS_STYLES } from './styles/records.js';
import { REPORTS_STYLES } from './styles/reports.js';
import { STATUS_STYLES } from './styles/status.js';
import { vendorUrl } from './vendor.js';

export function themeStylesheet(city: City): string {
  const font = (weight: number, file: string) =>
    `@font-face{font-family:'Plaza Sans';font-style:normal;font-weight:${weight};font-display:swap;` +
    `src:url(${vendorUrl('uswds', `fonts/public-sans/${file}`)}) format('woff2')}`;
  return [
    font(400, 'PublicSans-Regular.woff2'),
    font(700, 'PublicSans-Bold.woff2'),
    BASE_STYLES,
    HOME_STYLES,
    CATALOG_STYLES,
    DEPARTMENTS_STYLES,
    DATASET_STYLES,
    TABLE_STYLES,
    MAP_STYLES,
    CHART_STYLES,
    LIVE_STYLES,
    CONTENT_STYLES,
    DEVELOPERS_STYLES,
    RECORDS_STYLES,
    REPORTS_STYLES,
    STATUS_STYLES,
    `:root{--brand:${city.colours.primary};--brand-dark:${city.colours.primaryDark};--accent:${city.colours.accent}}`,
  ].join('\n');
}
