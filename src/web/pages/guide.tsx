import { h, raw, type SafeHtml } from '../html.js';
import { renderMarkdown } from '../markdown.js';
import { Layout, type SiteInfo } from './layout.js';

/** A guide from `docs/`, rendered from its Markdown. */
export function GuidePage(props: { site: SiteInfo; title: string; markdown: string }): SafeHtml {
  // Wide tables and code scroll sideways on small screens: focusable, so that a keyboard can scroll them too.
  const body = renderMarkdown(props.markdown)
    .html.replace(/<pre>/g, '<pre tabindex="0">')
    .replace(/<table>/g, '<table tabindex="0">');
  return (
    <Layout site={props.site} title={props.title}>
      <article class="guide">{raw(body)}</article>
    </Layout>
  );
}
