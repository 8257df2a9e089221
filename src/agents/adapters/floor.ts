import type { Outcome } from '../../core/domain.js';
import type { AgentView } from '../../protocols/agent.js';
import type { VisibleEvent } from '../../protocols/agent.js';

/**
 * Reading the floor from a view. After a text is answered, a mediator may give the parties
 * the floor before its next move: by holding (the round passes), or by consulting them (a
 * statement of its own, the round going on), on a text it names in the statement's asks.
 */

/** A move that ends a floor: a new text, or a hold (which opens a new one). */
function tabled(e: VisibleEvent): boolean {
  return e.kind === 'text-tabled' || e.kind === 'package-tabled' || e.kind === 'package-revised';
}

/** A mediator's statement: the only statements with no party. */
function consultation(e: VisibleEvent): e is Extract<VisibleEvent, { kind: 'statement' }> {
  return e.kind === 'statement' && e.party === undefined;
}

/**
 * Whether the floor is open: since the last text was tabled, a mediator held, or consulted
 * the parties (a mediator's statement: one with no party). Then no new text will show the
 * mediators where a party stands now, so a party whose position moved says so in a statement.
 */
export function floorOpen(view: AgentView): boolean {
  for (let i = view.events.length - 1; i >= 0; i--) {
    const e = view.events[i]!;
    if (e.kind === 'held' || consultation(e)) return true;
    if (tabled(e)) return false;
  }
  return false;
}

/**
 * The text a mediator consults the parties on, if it floated one: the values its latest
 * statement since the last text asks about, when they name every issue.
 */
export function consultedText(view: AgentView): Outcome | null {
  for (let i = view.events.length - 1; i >= 0; i--) {
    const e = view.events[i]!;
    if (consultation(e)) {
      const asks = e.position?.asks;
      return asks && view.domain.issues.every((issue) => asks[issue.name] !== undefined) ? { ...asks } : null;
    }
    if (e.kind === 'held' || tabled(e)) return null;
  }
  return null;
}

/** Whether the mediator viewing has consulted the parties since it last tabled a text or held. */
export function consultedSinceLastMove(view: AgentView): boolean {
  for (let i = view.events.length - 1; i >= 0; i--) {
    const e = view.events[i]!;
    if (e.kind === 'statement' && e.actor === view.role) return true;
    if (e.kind === 'held' || tabled(e)) return false;
  }
  return false;
}
