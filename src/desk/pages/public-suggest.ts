/**
 * The duty to assist, done by search: published datasets that may already answer a records request. The catalog
 * search matches every word it is given, so a whole request ("copies of all building permits issued on Main
 * Street in 2024") finds nothing; instead its few most telling words are searched one at a time and the answers
 * merged, a dataset found by more words ranking higher. Pure: the page's island runs it in the browser and the
 * form's no-script "check for datasets first" step runs it on the server, so both suggest the same datasets.
 */

/** How many datasets are suggested, and how many each search asks for. */
export const SUGGEST_LIMIT = 5;
/** How many words of the request are searched. */
export const MAX_TERMS = 4;
/** Fewer characters than this and there is nothing to search for yet. */
export const MIN_SUGGEST_CHARS = 3;

/**
 * Words that say nothing about which records are wanted: the language of requests themselves (copies, records,
 * please) in English and Spanish, and the most common function words. Compared without accents.
 */
const STOP_WORDS = new Set(
  [
    // English
    'about all also and any are been between but can copies copy could data dataset datasets did does document',
    'documents during each email emails file files for from get give had has have how including information into',
    'like list may more most need needs not obtain our over per please pertaining provide public record records',
    'regarding related relating report reports request requested requesting requests see send should since',
    'such than that the their them there these they this those through under until very want was were what when',
    'where which while who whom why will with within would year years you your',
    // Spanish
    'algun alguna algunos como con copia copias cual cuando dato datos del desde documento documentos donde entre',
    'esta este esto estos favor hasta informacion las los mas mis nos para pero por que quiero quisiera registro',
    'registros sobre solicito solicitud son sus todas todo todos una unas uno unos',
  ]
    .join(' ')
    .split(' '),
);

/** Lowercase, without accents: how the catalog compares words. */
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .toLowerCase();
}

/** The same word in singular and plural ("permit", "permits") counts once. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The words of a request worth searching for: not stop words, not numbers, at least three letters, each once;
 * the longest first (long words are the specific ones), at most `MAX_TERMS`. `ignore` adds words that match
 * too much to help (the city's own name).
 */
export function suggestionTerms(text: string, ignore: readonly string[] = []): string[] {
  const ignored = new Set(ignore.flatMap((w) => fold(w).split(/[^a-z0-9]+/)).filter(Boolean));
  const seen = new Set<string>();
  const words: { word: string; at: number }[] = [];
  fold(text)
    .split(/[^a-z0-9]+/)
    .forEach((word, at) => {
      if (word.length < 3 || /^\d+$/.test(word)) return;
      if (STOP_WORDS.has(word) || ignored.has(word)) return;
      const key = stem(word);
      if (seen.has(key) || STOP_WORDS.has(key)) return;
      seen.add(key);
      words.push({ word, at });
    });
  return words
    .sort((a, b) => b.word.length - a.word.length || a.at - b.at)
    .slice(0, MAX_TERMS)
    .map((w) => w.word);
}

/** The address of one search (the catalog's public API: what the island fetches). */
export function suggestionSearchUrl(term: string): string {
  return `/api/v1/datasets?q=${encodeURIComponent(term)}&limit=${SUGGEST_LIMIT}`;
}

/**
 * Merges the answers of the searches: a dataset scores by its place in each list it is in (first of five
 * scores five), so one found by several words comes first; ties keep the order they were first seen in.
 */
export function mergeSuggestions<D extends { id: string }>(
  lists: readonly (readonly D[])[],
  limit = SUGGEST_LIMIT,
): D[] {
  const scored = new Map<string, { item: D; score: number; first: number }>();
  let order = 0;
  for (const list of lists) {
    list.forEach((item, index) => {
      const points = Math.max(1, SUGGEST_LIMIT - index);
      const known = scored.get(item.id);
      if (known) known.score += points;
      else scored.set(item.id, { item, score: points, first: order++ });
    });
  }
  return [...scored.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .slice(0, limit)
    .map((entry) => entry.item);
}

/** A dataset as a suggestion shows it: the first paragraph of its description, as plain text, shortened. */
export function suggestionSummary(description: string, max = 160): string {
  const first = description.split(/\n\s*\n/).find((p) => p.trim() !== '') ?? '';
  const plain = first
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
