import { describe, expect, it } from 'vitest';
import { isAcceptable } from '../../src/core/party.js';
import { loadInput } from '../../src/formats/input.js';
import { STRATEGY_NAMES } from '../../src/agents/index.js';
import { saopRun } from '../support/saop.js';

const DOMAINS = ['anac/2011/Laptop', 'anac/2012/CameraB', 'anac/2013/Icecream'];
const scenarios = DOMAINS.map((d) => loadInput([d]));

describe('every agent against every other on shared ANAC domains', () => {
  for (const scenario of scenarios) {
    it(`plays every pair on ${scenario.name} by the rules and only agrees on acceptable outcomes`, () => {
      for (const a of STRATEGY_NAMES) {
        for (const b of STRATEGY_NAMES) {
          const { result } = saopRun(scenario, [a, b]);
          expect(result.rejectedActions, `${a} vs ${b}`).toBe(0);
          expect(['agreement', 'deadline', 'walk-away']).toContain(result.endReason);
          if (result.agreement)
            for (const p of scenario.parties) expect(isAcceptable(p, result.outcome!), `${a} vs ${b}`).toBe(true);
        }
      }
    });
  }

  it('agrees in most pairings within 100 rounds', () => {
    let agreements = 0;
    let runs = 0;
    for (const scenario of scenarios) {
      for (const a of STRATEGY_NAMES) {
        for (const b of STRATEGY_NAMES) {
          runs++;
          if (saopRun(scenario, [a, b]).result.agreement) agreements++;
        }
      }
    }
    expect(agreements / runs).toBeGreaterThan(0.8);
  });

  it('Boulware gets more than a conceder in aggregate, whichever side it plays', () => {
    let boulware = 0;
    let conceder = 0;
    for (const scenario of scenarios) {
      for (const [first, second] of [
        ['boulware', 'conceder'],
        ['conceder', 'boulware'],
      ] as const) {
        const { result } = saopRun(scenario, [first, second]);
        expect(result.agreement).toBe(true);
        const [u0, u1] = result.parties.map((p) => p.utility) as [number, number];
        if (first === 'boulware') [boulware, conceder] = [boulware + u0, conceder + u1];
        else [boulware, conceder] = [boulware + u1, conceder + u0];
      }
    }
    expect(boulware).toBeGreaterThan(conceder);
  });

  it('replays the same negotiation from the same seed', () => {
    const a = saopRun(scenarios[1]!, ['random', 'tit-for-tat'], { rounds: 100, seed: 9 });
    const b = saopRun(scenarios[1]!, ['random', 'tit-for-tat'], { rounds: 100, seed: 9 });
    expect(b.log.events).toEqual(a.log.events);
  });
});
