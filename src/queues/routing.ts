export interface RoutingCandidate {
  id: number;
  state: string;
  skills: readonly string[];
  idleSince: number | null;
}

/** The longest-idle available agent with the queue's skill, or null; ties go to the lower id so the choice is stable. */
export function pickAgent(candidates: readonly RoutingCandidate[], queue: string): number | null {
  let best: RoutingCandidate | null = null;
  for (const c of candidates) {
    if (c.state !== 'available' || !c.skills.includes(queue)) continue;
    const idle = c.idleSince ?? 0;
    if (!best || idle < (best.idleSince ?? 0) || (idle === (best.idleSince ?? 0) && c.id < best.id)) best = c;
  }
  return best?.id ?? null;
}
