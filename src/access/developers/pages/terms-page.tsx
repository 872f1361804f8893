/** The terms of use of the open data API that developers accept when they sign up. */
import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';

export function TermsPage(props: { site: SiteInfo; version: string }): SafeHtml {
  const city = props.site.cityName;
  return (
    <Layout
      site={props.site}
      title="Terms of use of the open data API"
      description={`The terms that apply to API keys of the ${city} open data portal.`}
    >
      <article class="guide">
        <h1>Terms of use of the open data API</h1>
        <p>
          Version {props.version}. These terms apply when you use an API key of the {city} open data portal.
          Each dataset also carries its own licence, shown on its page; where the two differ, the licence of
          the dataset decides what you may do with its data.
        </p>

        <h2>1. Say where the data comes from</h2>
        <p>
          When you publish or share something built on the data, name the {city} as its source and, where the
          licence asks for it, the dataset and its licence. A link to the dataset's page is enough.
        </p>

        <h2>2. Do not misrepresent the data or the city</h2>
        <p>
          Do not suggest that the {city} endorses you, your product or your conclusions. Do not present data
          you changed as the city's own, and say when data you show may be out of date.
        </p>

        <h2>3. Keep to the rate limits</h2>
        <p>
          Each key belongs to a tier with limits on requests, downloads at once and live connections; your
          account page shows them. Do not get around them with several accounts or keys, and keep your keys
          secret: you are responsible for what is done with them. If you need more, ask for a higher tier from
          your account page.
        </p>

        <h2>4. Suspension and revocation</h2>
        <p>
          The city may suspend or revoke a key or an account that breaks these terms, puts the service at
          risk, or is used to harm others. You will get a notice by email saying what happened, why, and until
          when. To ask for a review, reply to that notice or write to the city's open data team: a member of
          staff who did not take the decision looks at it and answers you. Keys can also be revoked at once
          when they are exposed.
        </p>

        <h2>5. No warranty</h2>
        <p>
          The data and the API are provided as they are, without any warranty. The city does its best to keep
          them accurate and available but does not promise that they are complete, correct or always there,
          and is not liable for losses that come from using them. Data marked as demonstration data is
          synthetic.
        </p>

        <h2>6. Changes to these terms</h2>
        <p>
          The city may change these terms. A new version is announced on this page with a new version number;
          using your keys after that means you accept it.
        </p>
      </article>
    </Layout>
  );
}
