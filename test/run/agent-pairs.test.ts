import { saopRun } from '../support/saop.js';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../src/agents/index.js';
import { outcomeProblems } from '../../src/core/domain.js';
import type { Scenario } from '../../src/core/scenario.js';
import { anacDomains, loadAnac } from './support.js';

const PAIRS = STRATEGY_NAMES.flatMap((a) => STRATEGY_NAMES.map((b) => [a, b] as const));

function expectCleanRun(domain: string, scenario: Scenario, a: string, b: string, rounds: number): void {
  const { result, log } = saopRun(scenario, [a, b], { rounds, seed: 3 });
  const where = `${a} vs ${b} on ${domain}`;
  expect(['agreement', 'deadline', 'walk-away'], where).toContain(result.endReason);
  expect(result.rejectedActions, `${where}: refused actions`).toBe(0);
  for (const e of log.events)
    if (e.kind === 'offer') expect(outcomeProblems(scenario.domain, e.outcome), where).toEqual([]);
  if (result.outcome)
    expect(
      result.parties.every((p) => p.utility >= 0 && p.utility <= 1 + 1e-9),
      where,
    ).toBe(true);
}

describe('every agent against every other in SAOP, on every shared ANAC domain', () => {
  for (const year of ['y2010', 'y2011', 'y2012', 'y2013', 'y2014']) {
    it(`runs all 36 ordered pairs on every ${year} domain without a refused action`, () => {
      const domains = anacDomains([year]);
      expect(domains.length).toBeGreaterThan(0);
      for (const domain of domains) {
        const scenario = loadAnac(domain);
        for (const [a, b] of PAIRS) expectCleanRun(domain, scenario, a, b, 20);
      }
    }, 60_000);
  }

  it('runs all 36 ordered pairs at 1,000 rounds on Laptop, CameraB and Icecream', () => {
    for (const domain of ['y2011/Laptop', 'y2012/CameraB', 'y2013/Icecream']) {
      const scenario = loadAnac(domain);
      for (const [a, b] of PAIRS) expectCleanRun(domain, scenario, a, b, 1000);
    }
  }, 60_000);
});
