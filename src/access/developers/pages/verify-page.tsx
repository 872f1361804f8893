/**
 * The page an emailed confirmation link opens. Confirming takes a button press (a POST): mail scanners that
 * open links by themselves must not use up the one-time link or start a session.
 */
import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import { CsrfField } from './form-parts.js';

export function ConfirmEmailPage(props: { site: SiteInfo; csrf: string; token: string }): SafeHtml {
  const t = props.site.t.account;
  return (
    <Layout site={props.site} title={t.confirmTitle}>
      <h1>{t.confirmTitle}</h1>
      <p>{t.confirmIntro}</p>
      <form method="post" action="/developers/verify" class="form">
        <CsrfField csrf={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <button type="submit">{t.confirmSubmit}</button>
      </form>
    </Layout>
  );
}
