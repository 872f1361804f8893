/**
 * The city's content pages: Markdown files in its folder, `content/<name>.<lang>.md`, one per language. A page
 * missing in the visitor's language falls back to English (and says so). Files are read once per process: the
 * city edits them between deployments, not while the server runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../i18n/lang.js';

/** The content pages every city folder may hold; `terms` is served by the developer sign-up's /terms page. */
export const CONTENT_PAGES = ['about', 'terms', 'licences', 'privacy', 'faq'] as const;
export type ContentName = (typeof CONTENT_PAGES)[number];

export interface ContentDoc {
  /** The text of the first heading, as plain text. */
  title: string;
  /** The Markdown after the first heading. */
  body: string;
  /** The language the text is written in. */
  lang: Lang;
  /** True when the visitor's language had no file and this is the English text. */
  fallback: boolean;
}

const cache = new Map<string, Omit<ContentDoc, 'fallback'> | null>();

/** Inline Markdown of a heading as plain text (links keep their words, emphasis and code marks go). */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

/** Splits a page into its first heading (the title) and the rest; a page without one uses its name. */
export function parseContent(markdown: string, fallbackTitle: string): { title: string; body: string } {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text);
  if (!heading) return { title: fallbackTitle, body: text };
  return {
    title: plain(heading[1] ?? '') || fallbackTitle,
    body: `${text.slice(0, heading.index)}${text.slice(heading.index + heading[0].length)}`.trim(),
  };
}

function load(dir: string, name: ContentName, lang: Lang): Omit<ContentDoc, 'fallback'> | null {
  const key = `${dir}\0${name}\0${lang}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const file = join(dir, 'content', `${name}.${lang}.md`);
  const doc = existsSync(file) ? { ...parseContent(readFileSync(file, 'utf8'), name), lang } : null;
  cache.set(key, doc);
  return doc;
}

/** A content page of the city in `lang`, or in English when it has no translation; null when it has neither. */
export function readContent(dir: string, name: ContentName, lang: Lang): ContentDoc | null {
  const own = load(dir, name, lang);
  if (own) return { ...own, fallback: false };
  const english = lang === 'en' ? null : load(dir, name, 'en');
  return english ? { ...english, fallback: true } : null;
}
