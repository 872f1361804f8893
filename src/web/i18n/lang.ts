/**
 * The portal's interface languages and how a request picks one: `?lang=` on any page URL, then the language
 * remembered in a cookie, then the browser's Accept-Language, then English.
 */
export const LANGS = ['en', 'vi', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** The cookie that remembers a visitor's choice (a year; not a tracking cookie: it holds only the code). */
export const LANG_COOKIE = 'plaza_lang';

/** BCP 47 tags for number and date formatting, and each language's name in itself (for the switcher). */
export const LANGUAGES: Readonly<Record<Lang, { locale: string; name: string }>> = {
  en: { locale: 'en-US', name: 'English' },
  vi: { locale: 'vi-VN', name: 'Tiếng Việt' },
  es: { locale: 'es-US', name: 'Español' },
};

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The first supported language in an Accept-Language header, by its q-values; undefined when none. */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        base: tag.trim().toLowerCase().split('-')[0] ?? '',
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLang);
}

/** The language of a request: an explicit `?lang=` wins, then the cookie, then the browser's preference. */
export function pickLang(input: {
  query?: string | undefined;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
}): Lang {
  if (isLang(input.query)) return input.query;
  if (isLang(input.cookie)) return input.cookie;
  return fromAcceptLanguage(input.acceptLanguage) ?? 'en';
}
