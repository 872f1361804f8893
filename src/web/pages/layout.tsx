import { Fragment, h, type SafeHtml } from '../html.js';

export interface SiteInfo {
  cityName: string;
  /** The signed-in account, for the header's account links and sign-out form. */
  account?: AccountNav;
}

export interface AccountNav {
  name: string;
  /** Staff go to the staff console, developers to their account page. */
  staff: boolean;
  /** The session's CSRF token, for the sign-out form. */
  csrf: string;
}

/** The frame of every page: skip link, header with navigation, main landmark, footer. */
export function Layout(props: {
  site: SiteInfo;
  title: string;
  description?: string;
  children?: unknown;
}): SafeHtml {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${props.site.cityName} Open Data`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href="/assets/plaza.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href="/">
              <span class="seal" aria-hidden="true"></span>
              {props.site.cityName} <span class="site-sub">Open Data</span>
            </a>
            <nav aria-label="Main">
              <ul>
                <li>
                  <a href="/">Datasets</a>
                </li>
                <li>
                  <a href="/docs/query-language">Query data</a>
                </li>
                <li>
                  <a href="/api/docs">API reference</a>
                </li>
                {props.site.account ? (
                  <>
                    <li>
                      <a href={props.site.account.staff ? '/staff' : '/account'}>
                        {props.site.account.staff ? 'Staff console' : 'Your account'}
                      </a>
                    </li>
                    <li>
                      <form method="post" action="/signout" class="inline-form">
                        <input type="hidden" name="_csrf" value={props.site.account.csrf} />
                        <button type="submit" class="link-button">
                          Sign out
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a href="/signin">Sign in</a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap">
          {props.children as SafeHtml}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              Data published by the {props.site.cityName}. Every download carries its licence. The demo
              catalog is synthetic demonstration data.
            </p>
            <p>
              <a href="/api/openapi.json">OpenAPI document</a> · <a href="/healthz">Service status</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
