import type { Outcome } from '../core/domain.js';
import type { Party } from '../core/party.js';
import { redLinesCrossed, utilityFor } from '../core/party.js';
import type { Action } from '../protocols/types.js';
import type { Agent, AgentView } from '../protocols/agent.js';
import { proposalOutcome } from './adapters/view-reading.js';

/** Why a decision body would refuse a package, or null when it would ratify it. */
export function refusalReason(party: Party, text: Outcome, margin: number): string | null {
  const crossed = redLinesCrossed(party, text);
  if (crossed.length)
    return `The package crosses ${party.name}'s red line${crossed.length > 1 ? 's' : ''} on ${crossed.map((l) => l.issue).join(', ')}.`;
  const needed = Math.min(1, party.reservation + margin);
  if (utilityFor(party, text) < needed - 1e-12)
    return `The package does not give ${party.name} what its decision body requires to sign.`;
  return null;
}

/**
 * A party's decision body: ratifies what its delegation accepted only if the package is
 * within the party's red lines and worth at least its reservation plus `ratificationMargin`,
 * a stricter bar than the delegation's own. Otherwise refuses, saying why.
 */
export class PrincipalAgent implements Agent {
  constructor(
    readonly role: string,
    private readonly margin: number,
    /** The party's preferences when the view carries none (a body joining a hosted session may get them only there). */
    private readonly fallback?: Party,
  ) {}

  act(view: AgentView): Action | null {
    const may = view.expectation.may;
    if (!may.includes('ratify') && !may.includes('refuse-ratification')) return null;
    const proposal = view.expectation.proposal;
    const text = proposalOutcome(view, proposal);
    if (!proposal || !text) return null;
    const party = view.self ?? this.fallback;
    if (!party) return null;
    const reason = refusalReason(party, text, this.margin);
    if (reason === null && may.includes('ratify')) return { kind: 'ratify', actor: this.role, proposal };
    return { kind: 'refuse-ratification', actor: this.role, proposal, reason: reason ?? undefined };
  }
}
