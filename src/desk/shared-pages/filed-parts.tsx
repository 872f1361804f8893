/**
 * The pieces every desk's acknowledgement after filing shows: the success alert with the new number, the box
 * with the private link to keep, and the closing lines with where the acknowledgement went and the follow button.
 * `prefix` is the desk's class prefix (`records`, `reports`), which its styles and ids hang on.
 */
import { Fragment, h, type SafeHtml } from '../../web/html.js';

/** The words an acknowledgement needs, which each desk has in its own messages. */
export interface FiledWords {
  filedHeading: string;
  filedNumber: string;
  keepHeading: string;
  keepIntro: string;
  keepPrivate: string;
  filedEmailed: string;
  filedNoEmail: string;
  followButton: string;
}

/** The success alert: the heading and the new number. */
export function FiledAlert(props: { prefix: string; t: FiledWords; number: string }): SafeHtml {
  const { t } = props;
  return (
    <div class="usa-alert usa-alert--success" role="status">
      <div class="usa-alert__body">
        <h1 class="usa-alert__heading">{t.filedHeading}</h1>
        <p class="usa-alert__text">
          {t.filedNumber} <strong class={`${props.prefix}-number`}>{props.number}</strong>
        </p>
      </div>
    </div>
  );
}

/** The private link, shown once in full, with the advice to keep it and the button to follow it. */
export function FiledKeepLink(props: {
  prefix: string;
  t: FiledWords;
  followUrl: string;
  /** Whether the filer gave an email address (the acknowledgement went there). */
  emailed: boolean;
}): SafeHtml {
  const { prefix, t } = props;
  return (
    <>
      <section class={`usa-summary-box ${prefix}-keep`} aria-labelledby={`${prefix}-keep-heading`}>
        <div class="usa-summary-box__body">
          <h2 class="usa-summary-box__heading" id={`${prefix}-keep-heading`}>
            {t.keepHeading}
          </h2>
          <p>{t.keepIntro}</p>
          <p class={`${prefix}-keep__link`}>
            <a href={props.followUrl}>{props.followUrl}</a>
          </p>
          <p>{t.keepPrivate}</p>
        </div>
      </section>
      <p>{props.emailed ? t.filedEmailed : t.filedNoEmail}</p>
      <p>
        <a class="usa-button" href={props.followUrl}>
          {t.followButton}
        </a>
      </p>
    </>
  );
}
