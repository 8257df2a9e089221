import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../src/agents/mediators/estimates.js';
import { outcomeOfRow } from '../../src/agents/mediators/drafting.js';
import type { Domain } from '../../src/core/domain.js';
import { issueSize } from '../../src/core/issue.js';
import { utilityFor } from '../../src/core/party.js';
import { Random } from '../../src/core/random.js';
import { estimateAsParty } from '../../src/host/analysis/estimated-party.js';
import { profileProblems } from '../../src/protocols/moves/preferences.js';

const domain: Domain = {
  name: 'mixed',
  issues: [
    { kind: 'discrete', name: 'colour', values: ['red', 'green', 'blue'] },
    { kind: 'integer', name: 'count', min: 2, max: 5 },
    { kind: 'real', name: 'share', min: 0, max: 1, steps: 4 },
  ],
  phases: [],
};

/** An additive estimate with seeded random weights and scores, as a mediator's model gives. */
function randomEstimate(seed: number, disagreement: number): Estimate {
  const random = new Random(seed);
  const weights = domain.issues.map(() => random.next());
  const scores = domain.issues.map((issue) => Array.from({ length: issueSize(issue) }, () => random.next()));
  return {
    party: 'P',
    disagreement,
    value: (row) => weights.reduce((u, w, i) => u + w * scores[i]![row[i]!]!, 0),
  };
}

function everyRow(): Int32Array[] {
  const rows: Int32Array[] = [new Int32Array(domain.issues.length)];
  domain.issues.forEach((issue, i) => {
    const grown: Int32Array[] = [];
    for (const row of rows)
      for (let j = 0; j < issueSize(issue); j++) {
        const next = row.slice();
        next[i] = j;
        grown.push(next);
      }
    rows.splice(0, rows.length, ...grown);
  });
  return rows;
}

describe("a mediator's estimate written as a profile for the analysis engine", () => {
  it('is a valid profile that orders every outcome as the estimate does, and walks away where it does', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const estimate = randomEstimate(seed, 0.3 + seed / 100);
      const party = estimateAsParty(domain, estimate, []);
      expect(profileProblems(domain, party)).toEqual([]);
      const rows = everyRow();
      expect(rows).toHaveLength(3 * 4 * 5);
      const points = rows.map((row) => ({ est: estimate.value(row), u: utilityFor(party, outcomeOfRow(domain, row)) }));
      // An affine map with a positive slope: u = (est − floor) / total, the same for every outcome.
      const [a, b] = [points[0]!, points.find((p) => Math.abs(p.est - points[0]!.est) > 1e-6)!];
      const slope = (b.u - a.u) / (b.est - a.est);
      expect(slope).toBeGreaterThan(0);
      for (const p of points) expect(p.u).toBeCloseTo(a.u + slope * (p.est - a.est), 9);
      const walkAway = a.u + slope * (estimate.disagreement - a.est);
      expect(party.reservation).toBeCloseTo(Math.min(1, Math.max(0, walkAway)), 9);
    }
  });

  it('keeps the red lines it is given, and a flat estimate gives a flat profile that beats no walk-away', () => {
    const lines = [{ id: 'no-red', issue: 'colour', allowed: ['green', 'blue'] }];
    const flat: Estimate = { party: 'P', disagreement: 0, value: () => 0.5 };
    const party = estimateAsParty(domain, flat, lines);
    expect(party.redLines).toEqual(lines);
    expect(party.reservation).toBe(0);
    const values = everyRow().map((row) => utilityFor(party, outcomeOfRow(domain, row)));
    expect(new Set(values).size).toBe(1);
  });
});
