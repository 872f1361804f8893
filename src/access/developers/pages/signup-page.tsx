/** The developer sign-up form, and the page that follows it. */
import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import { MIN_PASSWORD } from '../../passwords.js';
import type { Problem } from '../developer-errors.js';
import { CsrfField, ErrorSummary, sentence, TextField } from './form-parts.js';

export interface SignUpValues {
  name: string;
  email: string;
  acceptTerms: boolean;
}

const FIELD_IDS = { name: 'name', email: 'email', password: 'password', acceptTerms: 'accept-terms' };

export function SignUpPage(props: {
  site: SiteInfo;
  csrf: string;
  termsHref: string;
  termsVersion: string;
  values?: SignUpValues;
  problems?: readonly Problem[];
}): SafeHtml {
  const problems = props.problems ?? [];
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const termsError = errorOf('acceptTerms');
  return (
    <Layout
      site={props.site}
      title={problems.length ? 'Error: Create a developer account' : 'Create a developer account'}
      description="Sign up for API keys to the city's open data."
    >
      <h1>Create a developer account</h1>
      <ErrorSummary problems={problems} fieldIds={FIELD_IDS} />
      <p>
        A developer account gives you API keys: higher rate limits than anonymous use, a usage page per key,
        and the way to ask for restricted datasets. Reading open data needs no account.
      </p>
      <form method="post" action="/developers/signup" class="form" novalidate>
        <CsrfField csrf={props.csrf} />
        <TextField
          id={FIELD_IDS.name}
          name="name"
          label="Your name"
          value={props.values?.name}
          error={errorOf('name')}
          autocomplete="name"
          maxlength={200}
          required
        />
        <TextField
          id={FIELD_IDS.email}
          name="email"
          type="email"
          label="Email address"
          hint="We send a link to confirm it. Notices about your keys go here too."
          value={props.values?.email}
          error={errorOf('email')}
          autocomplete="email"
          maxlength={254}
          required
        />
        <TextField
          id={FIELD_IDS.password}
          name="password"
          type="password"
          label="Password"
          hint={`At least ${MIN_PASSWORD} characters. A few unrelated words are easy to remember and hard to guess.`}
          error={errorOf('password')}
          autocomplete="new-password"
          minlength={MIN_PASSWORD}
          required
        />
        <div class={termsError ? 'field field-error' : 'field'}>
          <span class="hint" id="accept-terms-hint">
            Read the <a href={props.termsHref}>terms of use of the open data API</a> (version{' '}
            {props.termsVersion}): attribution, fair use of the rate limits, and when keys can be suspended.
          </span>
          {termsError ? (
            <span class="error-message" id="accept-terms-error">
              <span class="visually-hidden">Error: </span>
              {sentence(termsError)}
            </span>
          ) : null}
          <label for={FIELD_IDS.acceptTerms}>
            <input
              type="checkbox"
              id={FIELD_IDS.acceptTerms}
              name="acceptTerms"
              value="yes"
              checked={props.values?.acceptTerms}
              required
              aria-describedby={termsError ? 'accept-terms-hint accept-terms-error' : 'accept-terms-hint'}
              aria-invalid={termsError ? 'true' : undefined}
            />{' '}
            I accept the terms of use
          </label>
        </div>
        <button type="submit">Create account</button>
      </form>
      <p>
        Already have an account? <a href="/signin">Sign in</a>.
      </p>
    </Layout>
  );
}

/** After a sign-up: the same words whether the address was new or already had an account. */
export function CheckEmailPage(props: { site: SiteInfo }): SafeHtml {
  return (
    <Layout site={props.site} title="Check your email">
      <h1>Check your email</h1>
      <div class="alert alert-ok">
        <p>
          We sent a message to the address you gave. Open the link in it within 24 hours to confirm your
          address; then you can create API keys.
        </p>
      </div>
      <p>
        No message after a few minutes? Look in the spam folder. You can also <a href="/signin">sign in</a>{' '}
        and ask for a new link on your account page.
      </p>
    </Layout>
  );
}
