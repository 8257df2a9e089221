import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../src/agents/index.js';
import { outcomeProblems } from '../../src/core/domain.js';
import { anacDomains, loadAnac, saopPair } from './support.js';

const PAIRS = STRATEGY_NAMES.flatMap((a) => STRATEGY_NAMES.map((b) => [a, b] as const));

function expectCleanRun(domain: string, a: string, b: string, rounds: number): void {
  const scenario = loadAnac(domain);
  const { result, log } = saopPair(scenario, a, b, { rounds, seed: 3 });
  const where = `${a} vs ${b} on ${domain}`;
  expect(['agreement', 'deadline', 'walk-away'], where).toContain(result.endReason);
  expect(result.rejectedActions, `${where}: refused actions`).toBe(0);
  for (const e of log.events) if (e.kind === 'offer') expect(outcomeProblems(scenario.domain, e.outcome), where).toEqual([]);
  if (result.outcome) expect(result.parties.every((p) => p.utility >= 0 && p.utility <= 1 + 1e-9), where).toBe(true);
}

describe('every agent against every other in SAOP', () => {
  for (const domain of ['y2011/Laptop', 'y2012/CameraB', 'y2013/Icecream']) {
    it(`runs all 36 ordered pairs on ${domain} without a refused action`, () => {
      for (const [a, b] of PAIRS) expectCleanRun(domain, a, b, 40);
    });
  }

  it('runs at least one pair on every ANAC domain of 2010–2012 without a refused action', () => {
    anacDomains(['y2010', 'y2011', 'y2012']).forEach((domain, i) => {
      const [a, b] = PAIRS[i % PAIRS.length]!;
      expectCleanRun(domain, a, b, 20);
    });
  }, 30_000);
});
