/**
 * Long text from Markdown (content pages and guides) as sanitized HTML, with what reading it on a phone or with a
 * keyboard needs: wide code and tables scroll sideways and take focus so that the keyboard can scroll them, and
 * second-level headings get anchors for the "on this page" list.
 */
import { raw, type SafeHtml } from '../html.js';
import { renderMarkdown } from '../markdown.js';

export interface Section {
  id: string;
  /** The heading as plain text. */
  title: string;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();
}

/** An anchor name from a heading: ASCII letters and digits (Vietnamese and Spanish letters lose their marks). */
export function slug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Renders Markdown for reading; returns the HTML and its second-level sections. */
export function renderProse(markdown: string): { html: SafeHtml; sections: Section[] } {
  const sections: Section[] = [];
  const used = new Set<string>();
  const html = renderMarkdown(markdown)
    // Links to our own pages are ordinary links: nofollow is for addresses that come from elsewhere.
    .html.replace(/<a href="(\/(?!\/)[^"]*)" rel="nofollow noopener">/g, '<a href="$1">')
    .replace(/<pre>/g, '<pre tabindex="0">')
    .replace(/<table>/g, '<table tabindex="0">')
    // A column without a title is a plain cell, not an empty header that screen readers would announce.
    .replace(/<th( style="[^"]*")?><\/th>/g, '<td$1></td>')
    .replace(/<h2>([\s\S]*?)<\/h2>/g, (_whole, inner: string) => {
      const title = text(inner);
      const base = slug(title) || 'section';
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      sections.push({ id, title });
      return `<h2 id="${id}">${inner}</h2>`;
    });
  return { html: raw(html), sections };
}
