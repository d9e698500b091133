// Turning what an agent types into an FTS5 query over the trigram index. Pure, so the rules
// are tested without a database.

/** FTS5's trigram tokenizer indexes 3-character sequences: a shorter term cannot be matched through the index. */
export const TRIGRAM = 3;

export interface ParsedQuery {
  /** Terms of 3 or more characters, matched through the index and ranked by bm25. */
  indexed: string[];
  /** Terms of 1–2 characters (停水, 电): 2-character ones through the bigram index, then by substring for the marks and the 1-character ones. */
  short: string[];
}

/** Splits on whitespace and punctuation, both Chinese and Latin; drops repeats. */
export function terms(text: string): string[] {
  return [...new Set(text.split(/[\s\p{P}\p{S}]+/u).filter((w) => w.length > 0))];
}

export function parseQuery(q: string): ParsedQuery {
  const words = terms(q);
  return { indexed: words.filter((w) => [...w].length >= TRIGRAM), short: words.filter((w) => [...w].length < TRIGRAM) };
}

/** Every n-character sequence of the words, each once. */
function gramsOf(words: string[], n: number): string[] {
  const out = new Set<string>();
  for (const word of words) {
    const chars = [...word];
    for (let i = 0; i + n <= chars.length; i += 1) out.add(chars.slice(i, i + n).join(''));
  }
  return [...out];
}

/**
 * Every 2-character sequence of the text's words, space-separated, for the second index
 * (unicode61 reads each as one token), so a 2-character term like 停水 is looked up rather
 * than found by a scan.
 */
export const bigramsOf = (text: string) => gramsOf(terms(text.toLowerCase()), 2).join(' ');

/** A phrase in FTS5 syntax: quoted, with quotes doubled, so no word is read as an operator (AND, NOT, NEAR). */
export const phrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** Every term must appear (FTS5 joins phrases with AND). */
export const allOf = (words: string[]) => words.map(phrase).join(' ');

/** Every 3-character sequence of the words, for a loose match where any shared piece counts. */
export const trigramsOf = (words: string[]) => gramsOf(words, TRIGRAM);

/** Any of the pieces: bm25 ranks first the articles that share the most, and the rarest, of them. */
export const anyOf = (pieces: string[]) => pieces.map(phrase).join(' OR ');

/** A LIKE pattern for a substring; terms() has split off punctuation, so no % or _ is in a term to mean a wildcard. */
export const likePattern = (term: string) => `%${term}%`;

// SQLite's snippet() and highlight() mark hits with these; they cannot occur in typed text,
// so the text can be HTML-escaped first and the marks turned into <mark> after.
export const MARK_OPEN = '\u0001';
export const MARK_CLOSE = '\u0002';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** HTML safe to put in a page: the article's text escaped, its hits in <mark>. */
export function markedHtml(marked: string): string {
  return escapeHtml(marked.replaceAll(/[\u0003-\u0008]/g, '')).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

/**
 * The same marks as snippet() puts, for a match found without the index: every occurrence of
 * the terms, and a window of about `width` characters around the first one.
 */
export function markTerms(text: string, words: string[], width = 40): string {
  const clean = text.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '');
  const chars = [...clean];
  const hit = new Array<boolean>(chars.length).fill(false);
  let first = -1;
  for (const word of words) {
    const w = [...word];
    for (let i = 0; i + w.length <= chars.length; i += 1) {
      if (w.every((c, j) => chars[i + j] === c)) {
        for (let j = 0; j < w.length; j += 1) hit[i + j] = true;
        if (first < 0 || i < first) first = i;
      }
    }
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(chars.length, start + width);
  let out = start > 0 ? '…' : '';
  for (let i = start; i < end; i += 1) {
    if (hit[i] && (i === start || !hit[i - 1])) out += MARK_OPEN;
    out += chars[i];
    if (hit[i] && (i === end - 1 || !hit[i + 1])) out += MARK_CLOSE;
  }
  return end < chars.length ? `${out}…` : out;
}
