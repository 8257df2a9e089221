import type { Outcome } from '../../core/domain.js';
import type { AgentView, VisibleEvent } from '../../protocols/agent.js';
import { textOf } from '../../protocols/log-queries.js';

/** The outcome behind a proposal id, as this seat has seen it. */
export function proposalOutcome(view: AgentView, proposal: string | undefined): Outcome | null {
  return textOf(view.events, proposal);
}

/**
 * The events after the last one read. Views only ever grow, so reading resumes at the
 * count read before; a view that does not continue the one before is scanned by seq.
 */
export function unseen(events: readonly VisibleEvent[], read: number, lastSeq: number): readonly VisibleEvent[] {
  return continuesFrom(events, read, lastSeq) ? events.slice(read) : events.filter((e) => e.seq > lastSeq);
}

/** Whether a view continues the one read before (`read` events, the last with `lastSeq`): its new events start at `read`. */
export function continuesFrom(events: readonly VisibleEvent[], read: number, lastSeq: number): boolean {
  return read <= events.length && (read === 0 || events[read - 1]!.seq === lastSeq);
}
