/**
 * Catalog search: ranked full text over title, keywords, column names and description, with facets.
 * Pure: it ranks the documents it is given. A city catalog holds hundreds to a few thousand datasets, so the
 * whole catalog is searched in memory, identically on both databases.
 */

export interface SearchDocument {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  columns: string[];
  category: string;
  department: string;
  formats: string[];
  updated: string;
}

export interface SearchFilters {
  q?: string;
  category?: string;
  department?: string;
  keyword?: string;
  format?: string;
  sort?: 'relevance' | 'updated' | 'title';
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchOutcome {
  ids: string[];
  facets: { category: FacetCount[]; department: FacetCount[]; keyword: FacetCount[]; format: FacetCount[] };
}

const FIELD_WEIGHTS = { title: 4, keywords: 3, columns: 1.5, description: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'in',
  'on',
  'for',
  'to',
  'by',
  'with',
  'or',
  'at',
]);

/** Lowercase, accent-free word stems; a light plural stemmer so that "permit" finds "permits". */
export function tokenize(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const tokens: string[] = [];
  for (const word of words) {
    if (word === '' || STOP_WORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function fieldText(doc: SearchDocument, field: Field): string {
  switch (field) {
    case 'title':
      return doc.title;
    case 'keywords':
      return doc.keywords.join(' ');
    case 'columns':
      return doc.columns.join(' ');
    case 'description':
      return doc.description;
  }
}

/** BM25 over weighted fields; every query term must match somewhere (AND), the last one also as a prefix. */
function rank(docs: SearchDocument[], query: string): Map<string, number> {
  const terms = [...new Set(tokenize(query))];
  const scores = new Map<string, number>();
  if (terms.length === 0) {
    for (const doc of docs) scores.set(doc.id, 0);
    return scores;
  }
  const fields = Object.keys(FIELD_WEIGHTS) as Field[];
  const tokenized = docs.map((doc) => ({
    doc,
    fields: fields.map((f) => tokenize(fieldText(doc, f))),
  }));
  const avgLength = fields.map(
    (_f, i) =>
      tokenized.reduce((sum, t) => sum + (t.fields[i]?.length ?? 0), 0) / Math.max(1, docs.length) || 1,
  );
  const lastTerm = terms[terms.length - 1] ?? '';
  const matches = (token: string, term: string) =>
    token === term || (term === lastTerm && term.length >= 3 && token.startsWith(term));
  const documentFrequency = terms.map(
    (term) =>
      tokenized.filter((t) => t.fields.some((tokens) => tokens.some((tok) => matches(tok, term)))).length,
  );
  const k1 = 1.2;
  const b = 0.75;
  for (const t of tokenized) {
    let score = 0;
    let allMatched = true;
    terms.forEach((term, ti) => {
      const df = documentFrequency[ti] ?? 0;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      let termScore = 0;
      fields.forEach((field, fi) => {
        const tokens = t.fields[fi] ?? [];
        const tf = tokens.filter((tok) => matches(tok, term)).length;
        if (tf === 0) return;
        const norm = tf + k1 * (1 - b + (b * tokens.length) / (avgLength[fi] ?? 1));
        termScore += FIELD_WEIGHTS[field] * ((tf * (k1 + 1)) / norm);
      });
      if (termScore === 0) allMatched = false;
      score += idf * termScore;
    });
    if (allMatched) scores.set(t.doc.id, score);
  }
  return scores;
}

function countFacet(docs: SearchDocument[], values: (doc: SearchDocument) => string[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const value of new Set(values(doc))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const sameWord = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;

/** Filters, ranks and sorts; facets count the filtered results. */
export function search(docs: SearchDocument[], filters: SearchFilters): SearchOutcome {
  const filtered = docs.filter(
    (doc) =>
      (!filters.category || doc.category === filters.category) &&
      (!filters.department || doc.department === filters.department) &&
      (!filters.keyword || doc.keywords.some((k) => sameWord(k, filters.keyword ?? ''))) &&
      (!filters.format || doc.formats.some((f) => sameWord(f, filters.format ?? ''))),
  );
  const q = filters.q?.trim() ?? '';
  const scores = rank(filtered, q);
  const results = filtered.filter((doc) => scores.has(doc.id));
  const sort = filters.sort ?? (q ? 'relevance' : 'updated');
  results.sort((a, b) => {
    switch (sort) {
      case 'relevance':
        return (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || a.title.localeCompare(b.title);
      case 'updated':
        return b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title);
      case 'title':
        return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });
    }
  });
  return {
    ids: results.map((d) => d.id),
    facets: {
      category: countFacet(results, (d) => [d.category]),
      department: countFacet(results, (d) => [d.department]),
      keyword: countFacet(results, (d) => d.keywords.map((k) => k.toLowerCase())).slice(0, 30),
      format: countFacet(results, (d) => d.formats),
    },
  };
}
