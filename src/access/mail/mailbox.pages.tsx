/**
 * The development mailbox: the outbox for admins. Without SMTP it is where mail ends up, bodies included, so
 * that a portal run locally can sign up, verify and reset passwords. With SMTP it shows delivery only: bodies can
 * hold sign-in and reset links meant for their recipient alone.
 */
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import type { Formatter } from '../../web/format.js';
import { StaffFrame, type StaffInfo } from '../../web/staff/pages/frame.js';
import type { QueuedMail } from './outbox.service.js';

function DeliveryBanner(props: { delivering: boolean }): SafeHtml {
  return props.delivering ? (
    <div class="alert" role="status">
      Mail is delivered over SMTP. Messages are listed here with their delivery state; their text is not
      shown, since it can hold links meant for the recipient alone.
    </div>
  ) : (
    <div class="alert alert-warn" role="status">
      Mail is not being delivered because PLAZA_SMTP_URL is unset: every message stays in this mailbox. Set
      PLAZA_SMTP_URL (and PLAZA_MAIL_FROM) to deliver it.
    </div>
  );
}

function state(mail: QueuedMail, format: Formatter): string {
  if (mail.sentAt) return `sent ${format.dateTime(mail.sentAt)}`;
  if (mail.attempts > 0) return `${mail.attempts} failed ${mail.attempts === 1 ? 'attempt' : 'attempts'}`;
  return 'waiting';
}

export function MailboxPage(props: {
  staff: StaffInfo;
  messages: QueuedMail[];
  to: string;
  delivering: boolean;
  format: Formatter;
}): SafeHtml {
  return (
    <StaffFrame staff={props.staff} title="Mailbox">
      <h1>Mailbox</h1>
      <DeliveryBanner delivering={props.delivering} />
      <form method="get" action="/staff/mailbox" class="form" role="search" aria-label="Filter the mailbox">
        <div class="field">
          <label for="mailbox-to">Recipient</label>
          <input type="email" id="mailbox-to" name="to" value={props.to} autocomplete="off" />
        </div>
        <button type="submit">Show</button> <a href="/staff/mailbox">Show all</a>
      </form>
      {props.messages.length === 0 ? (
        <p>No messages.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>The most recent messages, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Kind</th>
                <th scope="col">Delivery</th>
              </tr>
            </thead>
            <tbody>
              {props.messages.map((mail) => (
                <tr>
                  <td>
                    <time datetime={mail.createdAt}>{props.format.dateTime(mail.createdAt)}</time>
                  </td>
                  <td>{mail.to}</td>
                  <td>
                    <a href={`/staff/mailbox/${encodeURIComponent(mail.id)}`}>{mail.subject}</a>
                  </td>
                  <td>{mail.kind}</td>
                  <td>{state(mail, props.format)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffFrame>
  );
}

export function MailPage(props: {
  staff: StaffInfo;
  mail: QueuedMail;
  delivering: boolean;
  format: Formatter;
}): SafeHtml {
  const { mail } = props;
  return (
    <StaffFrame staff={props.staff} title={mail.subject}>
      <p>
        <a href="/staff/mailbox">Mailbox</a>
      </p>
      <h1>{mail.subject}</h1>
      <DeliveryBanner delivering={props.delivering} />
      <dl>
        <dt>To</dt>
        <dd>{mail.to}</dd>
        <dt>Kind</dt>
        <dd>{mail.kind}</dd>
        <dt>Queued</dt>
        <dd>{props.format.dateTime(mail.createdAt)}</dd>
        <dt>Delivery</dt>
        <dd>{state(mail, props.format)}</dd>
        {mail.lastError ? (
          <>
            <dt>Last error</dt>
            <dd>{mail.lastError}</dd>
          </>
        ) : null}
      </dl>
      {props.delivering ? null : (
        <section aria-labelledby="mail-text">
          <h2 id="mail-text">Text</h2>
          <pre style="white-space: pre-wrap">{mail.body}</pre>
        </section>
      )}
    </StaffFrame>
  );
}
