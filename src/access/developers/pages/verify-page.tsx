/**
 * The page an emailed confirmation link opens. Confirming takes a button press (a POST): mail scanners that
 * open links by themselves must not use up the one-time link or start a session.
 */
import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import { CsrfField } from './form-parts.js';

export function ConfirmEmailPage(props: { site: SiteInfo; csrf: string; token: string }): SafeHtml {
  return (
    <Layout site={props.site} title="Confirm your email address">
      <h1>Confirm your email address</h1>
      <p>Press the button to confirm your address. You will be signed in and taken to your account.</p>
      <form method="post" action="/developers/verify" class="form">
        <CsrfField csrf={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <button type="submit">Confirm my address</button>
      </form>
    </Layout>
  );
}
