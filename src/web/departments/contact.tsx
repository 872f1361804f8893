/** How to reach a department or a steward: email, phone and website as links. */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';

export interface ContactInfo {
  email: string | null;
  phone: string | null;
  url?: string | null;
}

/** A `tel:` address from a number as people write it: "(714) 898-3311 ext. 241" → tel:7148983311,241. */
export function telHref(phone: string): string | undefined {
  const [main = '', extension] = phone.split(/\s*(?:extension|ext\.?|x)\s*/i);
  const digits = main.replace(/[^\d+]/g, '');
  if (digits.replace(/\D/g, '').length < 3) return undefined;
  const ext = extension?.replace(/\D/g, '');
  return `tel:${digits}${ext ? `,${ext}` : ''}`;
}

/** Only web addresses become links: a department's url is free text from an administrator. */
export const isWebAddress = (url: string | null | undefined): url is string =>
  typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);

/** A department's or steward's contact lines, each labelled; nothing when there is none. */
export function ContactLines(props: { site: SiteInfo; contact: ContactInfo }): SafeHtml {
  const t = props.site.t.departments;
  const { email, phone, url } = props.contact;
  const tel = phone ? telHref(phone) : undefined;
  return (
    <>
      {email ? (
        <li>
          <span class="contact__label">{t.email}: </span>
          <a href={`mailto:${email}`}>{email}</a>
        </li>
      ) : null}
      {phone ? (
        <li>
          <span class="contact__label">{t.phone}: </span>
          {tel ? <a href={tel}>{phone}</a> : phone}
        </li>
      ) : null}
      {isWebAddress(url) ? (
        <li>
          <span class="contact__label">{t.website}: </span>
          <a href={url}>{url.replace(/^https?:\/\//i, '')}</a>
        </li>
      ) : null}
    </>
  );
}

export interface Steward {
  name: string;
  email: string;
  phone: string | null;
  datasets: number;
}

/** The stewards named in these datasets' metadata, once each (by email), the busiest first. */
export function stewardsOf(datasets: readonly Dataset[]): Steward[] {
  const found = new Map<string, Steward>();
  for (const d of datasets) {
    const key = d.steward.email.trim().toLowerCase() || d.steward.name;
    const known = found.get(key);
    if (known) {
      known.datasets++;
      known.phone ??= d.steward.phone;
    } else {
      found.set(key, { name: d.steward.name, email: d.steward.email, phone: d.steward.phone, datasets: 1 });
    }
  }
  return [...found.values()].sort((a, b) => b.datasets - a.datasets || a.name.localeCompare(b.name));
}
