/**
 * The wait before try number `attempts + 1`: doubling from `baseMs`, capped at `maxMs`, spread
 * ±10% so deliveries that failed together (a partner's outage) do not all come back at once.
 */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number, random = Math.random()): number {
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs);
  return Math.round(delay * (0.9 + 0.2 * random));
}
