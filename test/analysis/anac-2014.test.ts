import { describe, expect, it } from 'vitest';
import { evaluateUtility } from '../../src/core/utility.js';
import { paretoFrontier, type FrontierPoint } from '../../src/analysis/index.js';
import type { Scenario } from '../../src/core/scenario.js';
import { loadAnac, loadParetoReference } from './support/anac.js';

function expectTrueUtilities(scenario: Scenario, frontier: readonly FrontierPoint[]) {
  for (const p of frontier) {
    const plain = scenario.parties.map((party) => evaluateUtility(party.utility, p.outcome));
    plain.forEach((u, i) => expect(Math.abs(u - p.utilities[i]!)).toBeLessThanOrEqual(1e-9));
  }
}

function expectCovers(frontier: readonly FrontierPoint[], reference: readonly number[][]) {
  for (const q of reference) expect(frontier.some((p) => p.utilities.every((u, i) => u >= q[i]! - 1e-6))).toBe(true);
}

describe('the ANAC 2014 rectangle domains', () => {
  it.each(['10issues', '10issuesDiscounted', '10issueswithRV', '10issuesDiscountedwithRV'])(
    'proves the frontier of %s exact and covers every reference point',
    (name) => {
      const scenario = loadAnac(`y2014/${name}`);
      const result = paretoFrontier(scenario, { timeLimit: 60 });
      expect(result.exact).toBe(true);
      expect(result.frontier.length).toBeGreaterThan(0);
      expectTrueUtilities(scenario, result.frontier);
      expectCovers(result.frontier, loadParetoReference(`y2014/${name}`));
    },
  );

  it.each(['30issues', '50issues'])(
    'returns real outcomes for %s within a short time limit, and covers the reference when exact',
    (name) => {
      const scenario = loadAnac(`y2014/${name}`);
      const started = Date.now();
      const result = paretoFrontier(scenario, { timeLimit: 1 });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result.frontier.length).toBeGreaterThan(0);
      expectTrueUtilities(scenario, result.frontier);
      if (result.exact) expectCovers(result.frontier, loadParetoReference(`y2014/${name}`));
    },
  );
});
