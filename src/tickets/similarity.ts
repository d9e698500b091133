// How alike two tickets are, for duplicate detection. Pure.

/** Letters and digits only: spacing and punctuation differ between two agents typing the same matter. */
export const normalise = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** The text's 3-character sequences (the whole text if it is shorter), as FTS5's trigram tokenizer would cut it. */
export function trigramSet(text: string): Set<string> {
  const chars = [...normalise(text)];
  if (chars.length < 3) return new Set(chars.length ? [chars.join('')] : []);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

/** |A ∩ B| / |A ∪ B| of the two texts' trigrams: 1 for the same words, near 0 for unrelated ones. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Two addresses name the same place when, spacing aside, one contains the other (幸福小区3号楼 in 朝阳区幸福小区3号楼). */
export function samePlace(a: string | null, b: string | null): boolean {
  const x = normalise(a ?? '');
  const y = normalise(b ?? '');
  if (x.length < MIN_ADDRESS || y.length < MIN_ADDRESS) return false;
  return x.includes(y) || y.includes(x);
}

/** Shorter than this, an address (本市, 家里) says nothing about the place. */
export const MIN_ADDRESS = 4;
