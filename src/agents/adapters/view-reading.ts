import type { Outcome } from '../../core/domain.js';
import type { AgentView, VisibleEvent } from '../../protocols/agent.js';

/** The outcome behind a proposal id: a SAOP offer, a tabled text or package, or a revision. */
export function proposalOutcome(view: AgentView, proposal: string | undefined): Outcome | null {
  if (proposal === undefined) return null;
  for (let i = view.events.length - 1; i >= 0; i--) {
    const e = view.events[i]!;
    if (!('proposal' in e) || e.proposal !== proposal) continue;
    switch (e.kind) {
      case 'offer':
        return e.outcome;
      case 'text-tabled':
      case 'package-tabled':
      case 'package-revised':
      case 'ratification-requested':
        return e.text;
      default:
        continue;
    }
  }
  return null;
}

/**
 * The events after the last one read. Views only ever grow, so reading resumes at the
 * count read before; a view that does not continue the one before is scanned by seq.
 */
export function unseen(events: readonly VisibleEvent[], read: number, lastSeq: number): readonly VisibleEvent[] {
  const continues = read <= events.length && (read === 0 || events[read - 1]!.seq === lastSeq);
  return continues ? events.slice(read) : events.filter((e) => e.seq > lastSeq);
}
