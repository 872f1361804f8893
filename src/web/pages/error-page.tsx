import { h, type SafeHtml } from '../html.js';
import { Layout, type SiteInfo } from './layout.js';

/** An error as a page, for people who came with a browser. */
export function ErrorPage(props: {
  site: SiteInfo;
  status: number;
  title: string;
  message: string;
}): SafeHtml {
  return (
    <Layout site={props.site} title={props.title} index={false}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/datasets">{props.site.t.common.searchAll}</a>
      </p>
    </Layout>
  );
}
