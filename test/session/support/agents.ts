import { outcomeFromIndex } from '../../../src/core/domain.js';
import { issueSize } from '../../../src/core/issue.js';
import { utilityFor } from '../../../src/core/party.js';
import { Random } from '../../../src/core/random.js';
import type { Agent, AgentView } from '../../../src/protocols/agent.js';
import type { Action } from '../../../src/protocols/types.js';

/**
 * A tiny SAOP negotiator for determinism tests: offers a random outcome from its seed and
 * the round, and accepts a standing offer worth at least a target that falls with time.
 */
export class RandomConceder implements Agent {
  constructor(readonly role: string) {}

  act(view: AgentView): Action | null {
    const self = view.self!;
    const standing = [...view.events].reverse().find((e) => e.kind === 'offer');
    const target = 1 - 0.8 * view.progress;
    if (
      standing?.kind === 'offer' &&
      view.expectation.may.includes('accept') &&
      utilityFor(self, standing.outcome) >= target
    ) {
      return { kind: 'accept', actor: this.role, proposal: standing.proposal };
    }
    const random = new Random(view.seed + view.round * 7919);
    const outcome = outcomeFromIndex(
      view.domain,
      view.domain.issues.map((i) => random.int(issueSize(i))),
    );
    return { kind: 'offer', actor: this.role, outcome };
  }
}
