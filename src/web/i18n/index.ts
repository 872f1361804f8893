/**
 * Every interface string of the public portal, by namespace, in every language. A page gets the messages of its
 * request's language as `site.t` and reads `t.catalog.results(n)`: no lookups by string key, nothing missing.
 */
import type { Lang } from './lang.js';
import { catalog } from './messages/catalog.js';
import { chart } from './messages/chart.js';
import { common } from './messages/common.js';
import { content } from './messages/content.js';
import { dataset } from './messages/dataset.js';
import { departments } from './messages/departments.js';
import { developers } from './messages/developers.js';
import { home } from './messages/home.js';
import { live } from './messages/live.js';
import { map } from './messages/map.js';
import { table } from './messages/table.js';
import { signin } from './messages/signin.js';
import { account } from './messages/account.js';
import { records } from './messages/records.js';
import { reports } from './messages/reports.js';
import { status } from './messages/status.js';

const NAMESPACES = {
  common,
  home,
  catalog,
  departments,
  dataset,
  table,
  map,
  chart,
  live,
  developers,
  content,
  signin,
  account,
  records,
  reports,
  status,
};

type Namespaces = typeof NAMESPACES;
export type T = { readonly [N in keyof Namespaces]: Namespaces[N]['en'] };

const BY_LANG = new Map<Lang, T>();

/** The messages of one language (built once, shared by every request). */
export function messagesFor(lang: Lang): T {
  let messages = BY_LANG.get(lang);
  if (!messages) {
    messages = Object.fromEntries(
      Object.entries(NAMESPACES).map(([name, namespace]) => [name, namespace[lang]]),
    ) as unknown as T;
    BY_LANG.set(lang, messages);
  }
  return messages;
}
