import MarkdownIt from 'markdown-it';
import { raw, type SafeHtml } from './html.js';

// Raw HTML in descriptions is escaped, not rendered; links with script schemes are refused by markdown-it.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'nofollow noopener');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders a dataset description (Markdown from stewards) to sanitized HTML. */
export function renderMarkdown(text: string): SafeHtml {
  return raw(markdown.render(text));
}

/** The first paragraph as plain text, for result lists. */
export function summary(text: string, max = 240): string {
  const first = text.split(/\n\s*\n/).find((p) => p.trim() !== '') ?? '';
  const plain = first
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
