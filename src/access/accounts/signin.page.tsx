/** The sign-in page: email and password, and the identity provider's button when one is configured. */
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import { Field, NoticeBox, type FieldErrors, type Notice } from './form-fields.js';

export interface SignInView {
  site: SiteInfo;
  csrf: string;
  email?: string;
  next?: string;
  errors?: FieldErrors;
  notice?: Notice;
  /** "Sign in with <label>", when the city's identity provider is configured. */
  oidcLabel?: string;
}

export function SignInPage(props: SignInView): SafeHtml {
  const t = props.site.t.signin;
  const errors = props.errors ?? {};
  const labels = { email: t.email, password: t.password };
  return (
    <Layout site={props.site} title={t.title} description={t.description}>
      <h1>{t.title}</h1>
      <NoticeBox t={t} notice={props.notice} errors={errors} labels={labels} />
      <form method="post" action="/signin" class="form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <Field
          t={t}
          name="email"
          label={labels.email}
          type="email"
          autocomplete="username"
          value={props.email}
          error={errors.email}
        />
        <Field
          t={t}
          name="password"
          label={labels.password}
          type="password"
          autocomplete="current-password"
          error={errors.password}
        />
        <button type="submit">{t.submit}</button>
      </form>
      <p>
        <a href="/signin/forgot">{t.forgot}</a>
      </p>
      {props.oidcLabel ? (
        <section aria-labelledby="oidc-heading">
          <h2 id="oidc-heading">{t.staffHeading}</h2>
          <form method="get" action="/signin/oidc" class="form">
            {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
            <button type="submit" class="button-secondary">
              {t.signInWith(props.oidcLabel)}
            </button>
          </form>
        </section>
      ) : null}
      <p>
        {t.noAccountLead}
        <a href="/developers/signup">{t.noAccountLink}</a>
        {t.noAccountTail}
      </p>
    </Layout>
  );
}

/** A problem with signing in that the form cannot show (the identity provider's answer, a dead link). */
export function SignInProblemPage(props: {
  site: SiteInfo;
  title: string;
  message: string;
  /** The language of `message` when it is not the page's. */
  messageLang?: string;
}): SafeHtml {
  return (
    <Layout site={props.site} title={props.title}>
      <h1>{props.title}</h1>
      <div class="alert alert-error" role="alert">
        <p lang={props.messageLang}>{props.message}</p>
      </div>
      <p>
        <a href="/signin">{props.site.t.signin.backToSignIn}</a>
      </p>
    </Layout>
  );
}
