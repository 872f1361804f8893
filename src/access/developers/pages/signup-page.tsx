/** The developer sign-up form, and the page that follows it. */
import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import { MIN_PASSWORD } from '../../passwords.js';
import { CsrfField, ErrorSummary, sentence, TextField, type FormProblem } from './form-parts.js';

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
  /** The problems, in the page's language (see ./problems.ts). */
  problems?: readonly FormProblem[];
}): SafeHtml {
  const t = props.site.t.account;
  const problems = props.problems ?? [];
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const termsError = errorOf('acceptTerms');
  return (
    <Layout
      site={props.site}
      title={problems.length ? t.errorTitle(t.signUpTitle) : t.signUpTitle}
      description={t.signUpDescription}
    >
      <h1>{t.signUpTitle}</h1>
      <ErrorSummary t={t} problems={problems} fieldIds={FIELD_IDS} />
      <p>{t.signUpIntro}</p>
      <form method="post" action="/developers/signup" class="form" novalidate>
        <CsrfField csrf={props.csrf} />
        <TextField
          t={t}
          id={FIELD_IDS.name}
          name="name"
          label={t.yourName}
          value={props.values?.name}
          error={errorOf('name')}
          autocomplete="name"
          maxlength={200}
          required
        />
        <TextField
          t={t}
          id={FIELD_IDS.email}
          name="email"
          type="email"
          label={t.email}
          hint={t.emailHint}
          value={props.values?.email}
          error={errorOf('email')}
          autocomplete="email"
          maxlength={254}
          required
        />
        <TextField
          t={t}
          id={FIELD_IDS.password}
          name="password"
          type="password"
          label={t.password}
          hint={props.site.t.signin.passwordHint(MIN_PASSWORD)}
          error={errorOf('password')}
          autocomplete="new-password"
          minlength={MIN_PASSWORD}
          required
        />
        <div class={termsError ? 'field field-error' : 'field'}>
          <span class="hint" id="accept-terms-hint">
            {t.termsLead}
            <a href={props.termsHref}>{t.termsLink}</a>
            {t.termsTail(props.termsVersion)}
          </span>
          {termsError ? (
            <span class="error-message" id="accept-terms-error">
              <span class="visually-hidden">{t.errorPrefix}</span>
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
            {t.acceptTerms}
          </label>
        </div>
        <button type="submit">{t.createAccount}</button>
      </form>
      <p>
        {t.haveAccount}
        <a href="/signin">{t.signInLink}</a>
        {t.haveAccountTail}
      </p>
    </Layout>
  );
}

/** After a sign-up: the same words whether the address was new or already had an account. */
export function CheckEmailPage(props: { site: SiteInfo }): SafeHtml {
  const t = props.site.t.account;
  return (
    <Layout site={props.site} title={t.checkEmailTitle}>
      <h1>{t.checkEmailTitle}</h1>
      <div class="alert alert-ok">
        <p>{t.checkEmailBody}</p>
      </div>
      <p>
        {t.checkEmailLead}
        <a href="/signin">{t.checkEmailSignIn}</a>
        {t.checkEmailTail}
      </p>
    </Layout>
  );
}
