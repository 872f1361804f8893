/**
 * Interface strings are typed: a namespace defines its English messages, and the Vietnamese and Spanish ones
 * must have exactly the same keys and the same signatures, or the typecheck fails. A message is a string or a
 * function of its parameters (plurals and numbers are the function's business, with Intl where it helps).
 */
import type { Lang } from './lang.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = string | ((...args: any[]) => string);
export type Messages = Readonly<Record<string, Message>>;

export function defineMessages<M extends Messages>(
  en: M,
  translations: { vi: NoInfer<M>; es: NoInfer<M> },
): Readonly<Record<Lang, M>> {
  return { en, vi: translations.vi, es: translations.es };
}
