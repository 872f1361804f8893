/** The password reset pages: ask for a link, the same answer whatever the address, and choose a new password. */
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import { MIN_PASSWORD } from '../passwords.js';
import { Field, NoticeBox, type FieldErrors, type Notice } from './form-fields.js';

export function ForgotPage(props: {
  site: SiteInfo;
  csrf: string;
  email?: string;
  errors?: FieldErrors;
  notice?: Notice;
}): SafeHtml {
  const t = props.site.t.signin;
  const labels = { email: t.email };
  return (
    <Layout site={props.site} title={t.forgotTitle}>
      <h1>{t.forgotTitle}</h1>
      <NoticeBox t={t} notice={props.notice} errors={props.errors} labels={labels} />
      <p>{t.forgotIntro}</p>
      <form method="post" action="/signin/forgot" class="form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Field
          t={t}
          name="email"
          label={labels.email}
          type="email"
          autocomplete="email"
          value={props.email}
          error={props.errors?.email}
        />
        <button type="submit">{t.forgotSubmit}</button>
      </form>
      <p>
        <a href="/signin">{t.backToSignIn}</a>
      </p>
    </Layout>
  );
}

/** The one answer to every reset request, so that it does not tell which addresses have an account. */
export function ForgotSentPage(props: { site: SiteInfo; email: string }): SafeHtml {
  const t = props.site.t.signin;
  return (
    <Layout site={props.site} title={t.sentTitle}>
      <h1>{t.sentTitle}</h1>
      <div class="alert alert-ok" role="status">
        <p>{t.sentBody(props.email)}</p>
      </div>
      <p>
        {t.sentLead}
        <a href="/signin/forgot">{t.sentAskAgain}</a>
        {t.sentTail}
      </p>
    </Layout>
  );
}

export function ResetPage(props: {
  site: SiteInfo;
  csrf: string;
  token: string;
  email: string;
  errors?: FieldErrors;
  notice?: Notice;
}): SafeHtml {
  const t = props.site.t.signin;
  const labels = { password: t.newPassword, confirm: t.newPasswordAgain };
  return (
    <Layout site={props.site} title={t.resetTitle}>
      <h1>{t.resetTitle}</h1>
      <NoticeBox t={t} notice={props.notice} errors={props.errors} labels={labels} />
      <form method="post" action="/signin/reset" class="form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" value={props.email} autocomplete="username" hidden readonly />
        <p>{t.forAccount(props.email)}</p>
        <Field
          t={t}
          name="password"
          label={labels.password}
          type="password"
          autocomplete="new-password"
          hint={t.passwordHint(MIN_PASSWORD)}
          error={props.errors?.password}
        />
        <Field
          t={t}
          name="confirm"
          label={labels.confirm}
          type="password"
          autocomplete="new-password"
          error={props.errors?.confirm}
        />
        <button type="submit">{t.resetSubmit}</button>
      </form>
    </Layout>
  );
}
