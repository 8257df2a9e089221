/**
 * A complete custom agent in one module: pass it by path, e.g.
 *   parley run anac/2011/Laptop --agents ./examples/my-agent.ts,boulware
 *
 * "Stubborn then fair": it asks for its best outcome for the first half of the talks,
 * then offers the outcome that gives both sides the most it can tell (its own utility
 * times how often the other side has asked for those values), and accepts any offer
 * worth at least `threshold` (a parameter, default 0.7) that is within its red lines.
 */
import { isAcceptable, outcomeAt, outcomeSpace, utilityFor } from 'parley';
import type { Action, Agent, AgentFactoryContext, AgentView, Outcome } from 'parley';

export default function create(ctx: AgentFactoryContext): Agent {
  const threshold = Number(ctx.params.threshold ?? 0.7);
  const asked = new Map<string, number>();
  let seen = -1;

  /** Counts the values the other side has offered, from the events not read yet. */
  const learn = (view: AgentView) => {
    for (const e of view.events) {
      if (e.seq <= seen) continue;
      seen = e.seq;
      if (e.kind !== 'offer' || e.party === view.party) continue;
      for (const [issue, value] of Object.entries(e.outcome))
        asked.set(`${issue}=${value}`, (asked.get(`${issue}=${value}`) ?? 0) + 1);
    }
  };
  const appeal = (o: Outcome) => Object.entries(o).reduce((s, [i, v]) => s + (asked.get(`${i}=${v}`) ?? 0), 1);

  const choose = (view: AgentView): Outcome | null => {
    const self = view.self!;
    const space = outcomeSpace(view.domain, self.utility);
    let best: Outcome | null = null;
    let bestScore = -Infinity;
    for (let p = 0; p < Math.min(space.size, 500); p++) {
      const o = outcomeAt(space, p);
      if (!isAcceptable(self, o) || utilityFor(self, o) < threshold) continue;
      const score = view.progress < 0.5 ? space.utilities[p]! : space.utilities[p]! * appeal(o);
      if (score > bestScore) [best, bestScore] = [o, score];
    }
    return best;
  };

  return {
    role: ctx.role,
    act(view: AgentView): Action | null {
      learn(view);
      const self = view.self;
      if (!self || !view.expectation.may.includes('offer')) return null;
      const standing = [...view.events]
        .reverse()
        .find((e) => e.kind === 'offer' && e.proposal === view.expectation.proposal);
      if (
        standing?.kind === 'offer' &&
        view.expectation.may.includes('accept') &&
        isAcceptable(self, standing.outcome) &&
        utilityFor(self, standing.outcome) >= threshold
      ) {
        return { kind: 'accept', actor: ctx.role, proposal: standing.proposal };
      }
      const offer = choose(view);
      return offer
        ? { kind: 'offer', actor: ctx.role, outcome: offer }
        : { kind: 'end', actor: ctx.role, reason: 'no outcome meets the minimum' };
    },
  };
}
