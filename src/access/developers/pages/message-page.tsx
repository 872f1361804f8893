import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';

export interface PageLink {
  href: string;
  label: string;
}

/** A short page that says one thing: a notice, or an error with what to do next. */
export function MessagePage(props: {
  site: SiteInfo;
  title: string;
  message: string;
  /** The language of `message` when it is not the page's. */
  messageLang?: string;
  tone?: 'info' | 'ok' | 'warn' | 'error';
  links?: readonly PageLink[];
}): SafeHtml {
  const tone = props.tone ?? 'info';
  return (
    <Layout site={props.site} title={props.title}>
      <h1>{props.title}</h1>
      <div class={tone === 'info' ? 'alert' : `alert alert-${tone}`}>
        <p lang={props.messageLang}>{props.message}</p>
      </div>
      {props.links?.length ? (
        <ul>
          {props.links.map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </Layout>
  );
}
