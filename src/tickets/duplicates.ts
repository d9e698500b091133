import { and, desc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketDuplicates, tickets } from '../db/schema/index.js';
import type { Ticket } from './repository.js';
import { jaccard, MIN_ADDRESS, normalise, samePlace, trigramSet } from './similarity.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DuplicateRules {
  /** How far back to look, in days. */
  windowDays: number;
  /** The similarity of title and content above which two tickets about the same place are near-identical. */
  minSimilarity: number;
}

export interface DuplicateCandidate {
  number: string;
  title: string;
  status: string;
  createdAt: number;
  reasons: Array<'same-caller' | 'same-content'>;
  score: number;
  confirmed: boolean;
  confirmedAt: number | null;
}

const DAY_MS = 86_400_000;
/** Per reason, the most candidates kept: an agent reads a handful, not a caller's whole year. */
const MAX_CANDIDATES = 10;
/** The most earlier tickets at an address compared by content: the newest ones, which a repeat is most likely to repeat. */
const MAX_PLACE_SCAN = 2000;

const textOf = (t: Pick<Ticket, 'title' | 'content'>) => `${t.title} ${t.content}`;

/** Finds, stores and confirms the earlier tickets a new one may repeat. */
export class TicketDuplicates {
  constructor(
    private readonly db: Db,
    private readonly rules: DuplicateRules,
  ) {}

  /**
   * Replaces the ticket's unconfirmed candidates with those found now (an edit may change its
   * address or content); confirmed links stay. Runs inside the caller's transaction if given.
   */
  detect(ticket: Ticket, tx: Tx | Db = this.db, now = Date.now()): number {
    const since = ticket.createdAt - this.rules.windowDays * DAY_MS;
    const earlier = and(lt(tickets.id, ticket.id), gte(tickets.createdAt, since));
    const mine = trigramSet(textOf(ticket));
    const found = new Map<number, { sameCaller: boolean; sameContent: boolean; score: number }>();

    const byCaller = tx
      .select({ id: tickets.id, title: tickets.title, content: tickets.content })
      .from(tickets)
      .where(and(eq(tickets.caller, ticket.caller), earlier))
      .orderBy(desc(tickets.createdAt))
      .limit(MAX_CANDIDATES)
      .all();
    for (const t of byCaller) found.set(t.id, { sameCaller: true, sameContent: false, score: jaccard(mine, trigramSet(textOf(t))) });

    const place = normalise(ticket.address ?? '');
    if (place.length >= MIN_ADDRESS) {
      // Containment either way cannot use an index: the scan is bounded by the window and MAX_PLACE_SCAN.
      const compact = sql`replace(replace(${tickets.address}, ' ', ''), '　', '')`;
      const atPlace = tx
        .select({ id: tickets.id, title: tickets.title, content: tickets.content, address: tickets.address })
        .from(tickets)
        .where(and(earlier, isNotNull(tickets.address), sql`(instr(${compact}, ${place}) > 0 OR instr(${place}, ${compact}) > 0)`))
        .orderBy(desc(tickets.createdAt))
        .limit(MAX_PLACE_SCAN)
        .all();
      const alike = atPlace
        .filter((t) => samePlace(ticket.address, t.address))
        .map((t) => ({ id: t.id, score: jaccard(mine, trigramSet(textOf(t))) }))
        .filter((t) => t.score >= this.rules.minSimilarity)
        .sort((a, b) => b.score - a.score)
        .slice(0, MAX_CANDIDATES);
      for (const t of alike) found.set(t.id, { sameCaller: found.has(t.id), sameContent: true, score: t.score });
    }

    tx.delete(ticketDuplicates).where(and(eq(ticketDuplicates.ticketId, ticket.id), isNull(ticketDuplicates.confirmedAt))).run();
    const confirmed = new Set(
      tx.select({ id: ticketDuplicates.earlierId }).from(ticketDuplicates).where(eq(ticketDuplicates.ticketId, ticket.id)).all().map((r) => r.id),
    );
    const rows = [...found].filter(([id]) => !confirmed.has(id)).map(([earlierId, f]) => ({ ticketId: ticket.id, earlierId, ...f, score: round(f.score), createdAt: now }));
    if (rows.length > 0) tx.insert(ticketDuplicates).values(rows).run();
    return rows.length;
  }

  /** The ticket's candidates, confirmed first, then the most alike. */
  list(ticketId: number): DuplicateCandidate[] {
    return this.db
      .select({
        number: tickets.number,
        title: tickets.title,
        status: tickets.status,
        createdAt: tickets.createdAt,
        sameCaller: ticketDuplicates.sameCaller,
        sameContent: ticketDuplicates.sameContent,
        score: ticketDuplicates.score,
        confirmedAt: ticketDuplicates.confirmedAt,
      })
      .from(ticketDuplicates)
      .innerJoin(tickets, eq(tickets.id, ticketDuplicates.earlierId))
      .where(eq(ticketDuplicates.ticketId, ticketId))
      .orderBy(sql`${ticketDuplicates.confirmedAt} IS NULL`, desc(ticketDuplicates.sameContent), desc(ticketDuplicates.score), desc(tickets.createdAt))
      .all()
      .map(({ sameCaller, sameContent, confirmedAt, ...c }) => ({
        ...c,
        reasons: [...(sameCaller ? ['same-caller' as const] : []), ...(sameContent ? ['same-content' as const] : [])],
        confirmed: confirmedAt !== null,
        confirmedAt,
      }));
  }

  /** Records that an agent confirmed the earlier ticket is the same matter; one they found themselves is linked too. */
  confirm(ticket: Ticket, earlier: Ticket, by: number, now = Date.now()): void {
    const score = round(jaccard(trigramSet(textOf(ticket)), trigramSet(textOf(earlier))));
    this.db
      .insert(ticketDuplicates)
      .values({ ticketId: ticket.id, earlierId: earlier.id, sameCaller: ticket.caller === earlier.caller, sameContent: false, score, createdAt: now, confirmedBy: by, confirmedAt: now })
      .onConflictDoUpdate({ target: [ticketDuplicates.ticketId, ticketDuplicates.earlierId], set: { confirmedBy: by, confirmedAt: now } })
      .run();
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
