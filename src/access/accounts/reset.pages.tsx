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
  const labels = { email: 'Email address' };
  return (
    <Layout site={props.site} title="Reset your password">
      <h1>Reset your password</h1>
      <NoticeBox notice={props.notice} errors={props.errors} labels={labels} />
      <p>Give the email address of your account. We will send a link to choose a new password.</p>
      <form method="post" action="/signin/forgot" class="form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Field
          name="email"
          label={labels.email}
          type="email"
          autocomplete="email"
          value={props.email}
          error={props.errors?.email}
        />
        <button type="submit">Send the link</button>
      </form>
      <p>
        <a href="/signin">Back to signing in</a>
      </p>
    </Layout>
  );
}

/** The one answer to every reset request, so that it does not tell which addresses have an account. */
export function ForgotSentPage(props: { site: SiteInfo; email: string }): SafeHtml {
  return (
    <Layout site={props.site} title="Check your email">
      <h1>Check your email</h1>
      <div class="alert alert-ok" role="status">
        <p>
          {`If an account exists for ${props.email}, we sent it a link to choose a new password. `}
          The link works once, within the next hour.
        </p>
      </div>
      <p>
        No message after a few minutes? Check the spam folder, or <a href="/signin/forgot">ask again</a>.
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
  const labels = { password: 'New password', confirm: 'New password again' };
  return (
    <Layout site={props.site} title="Choose a new password">
      <h1>Choose a new password</h1>
      <NoticeBox notice={props.notice} errors={props.errors} labels={labels} />
      <form method="post" action="/signin/reset" class="form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" value={props.email} autocomplete="username" hidden readonly />
        <p>{`For the account ${props.email}. Signing in elsewhere ends when you change it.`}</p>
        <Field
          name="password"
          label={labels.password}
          type="password"
          autocomplete="new-password"
          hint={`At least ${MIN_PASSWORD} characters. A few unrelated words are easy to remember and hard to guess.`}
          error={props.errors?.password}
        />
        <Field
          name="confirm"
          label={labels.confirm}
          type="password"
          autocomplete="new-password"
          error={props.errors?.confirm}
        />
        <button type="submit">Change the password</button>
      </form>
    </Layout>
  );
}
