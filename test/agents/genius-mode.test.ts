import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/domain.js';
import { issueSize, valueAt } from '../../src/core/issue.js';
import { utilityFor, type Party } from '../../src/core/party.js';
import type { Scenario } from '../../src/core/scenario.js';
import { createAgent } from '../../src/agents/index.js';
import { loadInput } from '../../src/formats/input.js';
import { runMeasured } from '../support/run.js';

type Tactic = 'boulware' | 'linear' | 'conceder';
/** GENIUS's concession factors e: BoulwareNegotiationParty 0.2, linear 1, ConcederNegotiationParty 2. */
const E: Record<Tactic, number> = { boulware: 0.2, linear: 1, conceder: 2 };

/** Every outcome of the domain, the last issue varying fastest. */
function allOutcomes(scenario: Scenario): Outcome[] {
  let out: Outcome[] = [{}];
  for (const issue of scenario.domain.issues) {
    const values = Array.from({ length: issueSize(issue) }, (_, j) => valueAt(issue, j));
    out = out.flatMap((o) => values.map((v) => ({ ...o, [issue.name]: v })));
  }
  return out;
}

/**
 * GENIUS's time-dependent tactic written out from the published formulas, apart from
 * parley's agents: t = (r + 1)/(N + 1) (DiscreteTimeline), p(t) = Pmin + (Pmax − Pmin)
 * (1 − t^(1/e)) with the room above Pmin times δ^t where the party discounts, the bid of
 * utility nearest p(t) (ties: the higher utility, then the first outcome), and AC_next:
 * accept when u(offer)·δ^t > u(next bid)·δ^t. Returns the agreement and its 1-based round.
 */
function reference(scenario: Scenario, tactics: [Tactic, Tactic], rounds: number, discount: boolean) {
  const outcomes = allOutcomes(scenario);
  const sides = scenario.parties.map((party: Party, i) => {
    const us = outcomes.map((o) => utilityFor(party, o));
    const pMax = Math.max(...us);
    const pMin = Math.max(Math.min(...us), party.reservation);
    const delta = discount && party.discount < 1 ? party.discount : 1;
    const bid = (t: number): number => {
      const target = pMin + (pMax - pMin) * (1 - Math.pow(t, 1 / E[tactics[i]!])) * Math.pow(delta, t);
      let best = -1;
      for (let j = 0; j < us.length; j++) {
        if (us[j]! < party.reservation) continue;
        const d = Math.abs(us[j]! - target);
        const bestD = best < 0 ? Infinity : Math.abs(us[best]! - target);
        if (d < bestD || (d === bestD && us[j]! > us[best]!)) best = j;
      }
      return best;
    };
    return { us, delta, bid };
  });
  let standing: { by: number; outcome: number } | null = null;
  for (let r = 0; r < rounds; r++) {
    const t = (r + 1) / (rounds + 1);
    for (const i of [0, 1]) {
      const side = sides[i]!;
      const next = side.bid(t);
      const worth = (j: number) => side.us[j]! * Math.pow(side.delta, t);
      if (standing && standing.by !== i && side.us[standing.outcome]! >= scenario.parties[i]!.reservation)
        if (worth(standing.outcome) > worth(next)) return { outcome: outcomes[standing.outcome]!, round: r + 1 };
      standing = { by: i, outcome: next };
    }
  }
  return { outcome: null, round: rounds };
}

function geniusRun(scenario: Scenario, tactics: [Tactic, Tactic], rounds: number, discount: boolean) {
  const agents = scenario.parties.map((p, i) =>
    createAgent({ strategy: tactics[i]!, params: { mode: 'genius', discount: String(discount) } }, p.name, {
      kind: 'delegation',
      domain: scenario.domain,
      party: p.name,
      self: p,
    }),
  );
  const { result } = runMeasured({
    scenario,
    protocol: 'saop',
    agents,
    deadline: { rounds },
    seed: 5,
    analysis: 'skip',
  });
  return { outcome: result.outcome, round: result.rounds };
}

const PAIRS: [Tactic, Tactic][] = [
  ['boulware', 'boulware'],
  ['boulware', 'conceder'],
  ['linear', 'linear'],
  ['conceder', 'boulware'],
  ['linear', 'conceder'],
];

describe('mode=genius beside a reference written from the published formulas', () => {
  // Laptop, CameraB and SmartPhone discount (0.42, 0.5, 0.87); SmartPhone has reservation 0.6.
  for (const domain of ['anac/2011/Laptop', 'anac/2012/CameraB', 'anac/2013/SmartPhone', 'anac/2010/ItexvsCypress']) {
    it(`gives the same agreement in the same round on ${domain}, discounts on and off`, () => {
      const scenario = loadInput([domain]);
      for (const pair of PAIRS)
        for (const discount of [true, false]) {
          const label = `${pair.join(' vs ')}, discount ${discount}`;
          const expected = reference(scenario, pair, 100, discount);
          expect(geniusRun(scenario, pair, 100, discount), label).toEqual(expected);
        }
    });
  }

  it('agrees at a round where the reference does at 1,000 rounds too', () => {
    const scenario = loadInput(['anac/2012/CameraB']);
    const pair: [Tactic, Tactic] = ['boulware', 'linear'];
    expect(geniusRun(scenario, pair, 1000, true)).toEqual(reference(scenario, pair, 1000, true));
  });
});
