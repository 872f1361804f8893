import { h, type SafeHtml } from '../html.js';
import type { SiteInfo } from './layout.js';

/** The way back up from a page: each step a link, the page itself last and current. */
export function Breadcrumb(props: {
  site: SiteInfo;
  trail: readonly { href: string; text: string }[];
  current: string;
}): SafeHtml {
  return (
    <nav class="usa-breadcrumb" aria-label={props.site.t.common.breadcrumb}>
      <ol class="usa-breadcrumb__list">
        {props.trail.map((step) => (
          <li class="usa-breadcrumb__list-item">
            <a class="usa-breadcrumb__link" href={step.href}>
              <span>{step.text}</span>
            </a>
          </li>
        ))}
        <li class="usa-breadcrumb__list-item usa-current" aria-current="page">
          <span>{props.current}</span>
        </li>
      </ol>
    </nav>
  );
}
