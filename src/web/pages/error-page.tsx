import { h, type SafeHtml } from '../html.js';
import { Layout, type SiteInfo } from './layout.js';

/** An error as a page, for people who came with a browser. */
export function ErrorPage(props: {
  site: SiteInfo;
  status: number;
  title: string;
  message: string;
  /** The message's language when it differs from the page's (an English message on a translated page). */
  messageLang?: string;
}): SafeHtml {
  return (
    <Layout site={props.site} title={props.title} index={false}>
      <h1>{props.title}</h1>
      <p lang={props.messageLang && props.messageLang !== props.site.lang ? props.messageLang : undefined}>
        {props.message}
      </p>
      <p>
        <a href="/datasets">{props.site.t.common.searchAll}</a>
      </p>
    </Layout>
  );
}
