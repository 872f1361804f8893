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

const LABELS = { email: 'Email address', password: 'Password' };

export function SignInPage(props: SignInView): SafeHtml {
  const errors = props.errors ?? {};
  return (
    <Layout
      site={props.site}
      title="Sign in"
      description="Sign in to the open data portal: city staff and developers with an account."
    >
      <h1>Sign in</h1>
      <NoticeBox notice={props.notice} errors={errors} labels={LABELS} />
      <form method="post" action="/signin" class="form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <Field
          name="email"
          label={LABELS.email}
          type="email"
          autocomplete="username"
          value={props.email}
          error={errors.email}
        />
        <Field
          name="password"
          label={LABELS.password}
          type="password"
          autocomplete="current-password"
          error={errors.password}
        />
        <button type="submit">Sign in</button>
      </form>
      <p>
        <a href="/signin/forgot">Forgot your password?</a>
      </p>
      {props.oidcLabel ? (
        <section aria-labelledby="oidc-heading">
          <h2 id="oidc-heading">City staff</h2>
          <form method="get" action="/signin/oidc" class="form">
            {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
            <button type="submit" class="button-secondary">{`Sign in with ${props.oidcLabel}`}</button>
          </form>
        </section>
      ) : null}
      <p>
        Developers without an account: <a href="/developers/signup">create one</a> to get an API key.
      </p>
    </Layout>
  );
}

/** A problem with signing in that the form cannot show (the identity provider's answer, a dead link). */
export function SignInProblemPage(props: { site: SiteInfo; title: string; message: string }): SafeHtml {
  return (
    <Layout site={props.site} title={props.title}>
      <h1>{props.title}</h1>
      <div class="alert alert-error" role="alert">
        <p>{props.message}</p>
      </div>
      <p>
        <a href="/signin">Back to signing in</a>
      </p>
    </Layout>
  );
}
