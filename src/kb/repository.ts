import type { Statement } from 'better-sqlite3';
import { count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { kbArticles, tickets } from '../db/schema/index.js';
import type { ArticleHit } from '../desktop/wire.js';
import { dateOfDay, localDay } from '../calendar/working-time.js';
import { allOf, anyOf, likePattern, MARK_CLOSE, MARK_OPEN, markedHtml, markTerms, parseQuery, terms, trigramsOf } from './query.js';

export type Article = typeof kbArticles.$inferSelect;
export type ArticleInput = Pick<Article, 'title' | 'body' | 'category'> & Partial<Pick<Article, 'unit' | 'validFrom' | 'validTo'>>;

/** Where an article stands today: the agent's search sees only `current` ones. */
export const validities = ['current', 'future', 'expired', 'retired'] as const;
export type Validity = (typeof validities)[number];

export interface SearchOptions {
  q?: string;
  category?: string;
  unit?: string;
  /** Articles in this state today (default `current`), or in any (`all`): the staff who keep the knowledge base see the others too. */
  validity?: Validity | 'all';
  limit?: number;
}

/** An article as a search finds it: the title and a piece of the body, hits in <mark>, HTML-escaped. */
export type { ArticleHit };

/** Today's date in China, as articles' validity dates are written. */
export const chinaDate = (now: number) => dateOfDay(localDay(now));

/** An article's columns as the queries read them, before the hits are marked. */
type Row = Omit<ArticleHit, 'titleHtml' | 'snippetHtml'>;

// Retired first: a retired article is out whatever its dates say.
const validityOf = `CASE WHEN a.retired_at IS NOT NULL THEN 'retired' WHEN a.valid_from > @today THEN 'future'
  WHEN a.valid_to < @today THEN 'expired' ELSE 'current' END`;
const columns = `a.id, a.title, a.category, a.unit, a.valid_from AS validFrom, a.valid_to AS validTo, a.retired_at AS retiredAt, ${validityOf} AS validity`;
const inState: Record<Validity | 'all', string> = {
  current: 'a.retired_at IS NULL AND a.valid_from <= @today AND (a.valid_to IS NULL OR a.valid_to >= @today)',
  future: 'a.retired_at IS NULL AND a.valid_from > @today',
  expired: 'a.retired_at IS NULL AND a.valid_to < @today',
  retired: 'a.retired_at IS NOT NULL',
  all: '1',
};
const filters = (validity: Validity | 'all') => `(@category IS NULL OR a.category = @category) AND (@unit IS NULL OR a.unit = @unit) AND (${inState[validity]})`;
// Title hits weigh ten times body hits: an article titled 公积金提取 is the answer, one mentioning it in passing is not.
const indexed = (validity: Validity | 'all') => `SELECT ${columns},
    highlight(kb_articles_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS titleMarked,
    snippet(kb_articles_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 40) AS snippetMarked
  FROM kb_articles_fts JOIN kb_articles a ON a.id = kb_articles_fts.rowid
  WHERE kb_articles_fts MATCH @match AND ${filters(validity)}`;

export class KbRepository {
  private suggestion: Statement<unknown[], Row & { titleMarked: string; snippetMarked: string }> | null = null;

  constructor(private readonly db: Db) {}

  get(id: number): Article | null {
    return this.db.select().from(kbArticles).where(eq(kbArticles.id, id)).get() ?? null;
  }

  create(input: ArticleInput, by: number | null, now = Date.now()): Article {
    return this.db
      .insert(kbArticles)
      .values({ ...input, validFrom: input.validFrom ?? chinaDate(now), createdBy: by, createdAt: now, updatedBy: by, updatedAt: now })
      .returning()
      .get();
  }

  update(id: number, changes: Partial<ArticleInput>, by: number | null, now = Date.now()): Article | null {
    return this.db.update(kbArticles).set({ ...changes, updatedBy: by, updatedAt: now }).where(eq(kbArticles.id, id)).returning().get() ?? null;
  }

  retire(id: number, by: number | null, now = Date.now()): Article | null {
    return this.db.update(kbArticles).set({ retiredAt: now, updatedBy: by, updatedAt: now }).where(eq(kbArticles.id, id)).returning().get() ?? null;
  }

  /** How many tickets cite the article: a cited article is retired, never deleted, so the ticket still shows what was said. */
  citations(id: number): number {
    return this.db.select({ n: count() }).from(tickets).where(eq(tickets.articleId, id)).get()!.n;
  }

  remove(id: number): boolean {
    return this.db.delete(kbArticles).where(eq(kbArticles.id, id)).run().changes > 0;
  }

  /** The units articles name, with how many each, for the page's filter: a unit is free text on the article. */
  units(): Array<{ unit: string; articles: number }> {
    return this.db
      .select({ unit: kbArticles.unit, articles: count() })
      .from(kbArticles)
      .where(isNotNull(kbArticles.unit))
      .groupBy(kbArticles.unit)
      .orderBy(kbArticles.unit)
      .all() as Array<{ unit: string; articles: number }>;
  }

  /** Back into use: a retire done by mistake, or a policy put back in force. */
  restore(id: number, by: number | null, now = Date.now()): Article | null {
    return this.db.update(kbArticles).set({ retiredAt: null, updatedBy: by, updatedAt: now }).where(eq(kbArticles.id, id)).returning().get() ?? null;
  }

  /**
   * Articles valid today (unless another `validity` is asked for) matching every typed word. Words of 3+ characters go
   * through the trigram index and are ranked by bm25; words of 2 characters (停水) through the
   * bigram index. Only a 1-character word (电) has no index to use: it is matched by substring,
   * over the rows the other words found, or on its own by a scan of the articles.
   */
  search(options: SearchOptions, now = Date.now()): ArticleHit[] {
    const { indexed: long, short } = parseQuery(options.q ?? '');
    const validity = options.validity ?? 'current';
    const params = { category: options.category ?? null, unit: options.unit ?? null, today: chinaDate(now), limit: options.limit ?? 20 };
    const pairs = short.filter((w) => [...w].length === 2);
    const bigramFilter = pairs.length > 0 ? ` AND a.id IN (SELECT rowid FROM kb_articles_bigrams WHERE kb_articles_bigrams MATCH @pairs)` : '';
    const likeFilter = short.map((w, i) => ([...w].length === 1 ? ` AND (a.title LIKE @s${i} OR a.body LIKE @s${i})` : '')).join('');
    const shortFilter = bigramFilter + likeFilter;
    const shortParams = { ...Object.fromEntries(short.map((w, i) => [`s${i}`, likePattern(w)])), ...(pairs.length > 0 ? { pairs: allOf(pairs) } : {}) };
    const sqlite = this.db.$client;
    if (long.length > 0) {
      const rows = sqlite
        .prepare<unknown[], Row & { titleMarked: string; snippetMarked: string }>(`${indexed(validity)}${shortFilter} ORDER BY bm25(kb_articles_fts, 10.0, 1.0) LIMIT @limit`)
        .all({ ...params, ...shortParams, match: allOf(long) });
      return rows.map(({ titleMarked, snippetMarked, ...row }) => ({ ...row, titleHtml: markedHtml(titleMarked), snippetHtml: markedHtml(snippetMarked) }));
    }
    const order = short.length > 0 ? `(a.title LIKE @s0) DESC, a.updated_at DESC` : 'a.updated_at DESC';
    const rows = sqlite
      .prepare<unknown[], Row & { body: string }>(`SELECT ${columns}, a.body FROM kb_articles a WHERE ${filters(validity)}${shortFilter} ORDER BY ${order}, a.id DESC LIMIT @limit`)
      .all({ ...params, ...shortParams });
    return rows.map(({ body, ...row }) => ({ ...row, titleHtml: markedHtml(markTerms(row.title, short, 200)), snippetHtml: markedHtml(markTerms(body, short)) }));
  }

  /**
   * For the screen-pop: articles sharing the most pieces with the words the caller's path
   * gave (menu labels, the queue's title), articles of the queue's category first. Any
   * shared 3-character piece counts, because a label (营商环境专线) rarely appears whole in
   * an article (优化营商环境).
   */
  suggest(words: string[], category: string | null, limit = 5, now = Date.now()): ArticleHit[] {
    const pieces = trigramsOf(words.flatMap(terms));
    if (pieces.length === 0) return category ? this.search({ category, limit }, now) : [];
    // Every screen-pop asks: the statement is prepared once, not per pop.
    this.suggestion ??= this.db.$client.prepare<unknown[], Row & { titleMarked: string; snippetMarked: string }>(
      `${indexed('current')} ORDER BY (a.category = @preferred) DESC, bm25(kb_articles_fts, 10.0, 1.0) LIMIT @limit`,
    );
    const rows = this.suggestion
      .all({ category: null, unit: null, today: chinaDate(now), limit, match: anyOf(pieces), preferred: category });
    return rows.map(({ titleMarked, snippetMarked, ...row }) => ({ ...row, titleHtml: markedHtml(titleMarked), snippetHtml: markedHtml(snippetMarked) }));
  }
}
