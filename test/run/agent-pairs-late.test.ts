import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../src/agents/index.js';
import { anacDomains, loadAnac, saopPair } from './support.js';

const PAIRS = STRATEGY_NAMES.flatMap((a) => STRATEGY_NAMES.map((b) => [a, b] as const));

describe('every agent on the later ANAC domains', () => {
  it('runs at least one pair on every ANAC domain of 2013–2014, hyper-rectangle profiles included, without a refused action', () => {
    anacDomains(['y2013', 'y2014']).forEach((domain, i) => {
      // Offset so these domains meet other pairs than the 2010–2012 ones.
      const [a, b] = PAIRS[(i + 17) % PAIRS.length]!;
      const { result } = saopPair(loadAnac(domain), a, b, { rounds: 20, seed: 5 });
      expect(['agreement', 'deadline', 'walk-away'], `${a} vs ${b} on ${domain}`).toContain(result.endReason);
      expect(result.rejectedActions, `${a} vs ${b} on ${domain}`).toBe(0);
    });
  }, 30_000);
});
