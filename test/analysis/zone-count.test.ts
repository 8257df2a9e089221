import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileParties, fullSpace } from '../../src/analysis/compile.js';
import { forEachOutcome } from '../../src/analysis/enumerate.js';
import { countZoneByHalves } from '../../src/analysis/zone-count.js';
import { zopa } from '../../src/analysis/index.js';
import { scenarioArbitrary } from './support/random-scenario.js';
import { loadAnac } from './support/anac.js';

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

describe('counting the zone of possible agreement', () => {
  it('counts by halves exactly what visiting every outcome counts', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ kinds: ['additive'], redLines: false }), (scenario) => {
        const two = { ...scenario, parties: scenario.parties.slice(0, 2) };
        const fns = compileParties(two.parties, two.domain);
        const d = two.parties.map((p) => p.reservation);
        let visited = 0;
        forEachOutcome(fullSpace(two.domain), fns, (_, u) => {
          if (round9(u[0]!) >= round9(d[0]!) && round9(u[1]!) >= round9(d[1]!)) visited++;
        });
        expect(countZoneByHalves(fullSpace(two.domain), fns, d)).toBe(String(visited));
      }),
      { numRuns: 200 },
    );
  });

  it('counts the zone of Energy 2012 with reservation values', () => {
    const scenario = loadAnac('y2012/EnergyA');
    const fns = compileParties(scenario.parties, scenario.domain);
    const d = scenario.parties.map((p) => p.reservation);
    let visited = 0;
    forEachOutcome(fullSpace(scenario.domain), fns, (_, u) => {
      if (round9(u[0]!) >= round9(d[0]!) && round9(u[1]!) >= round9(d[1]!)) visited++;
    });
    expect(d.some((x) => x > 0)).toBe(true);
    expect(zopa(scenario).size).toBe(String(visited));
  });

  it('gives no size where the zone cannot be counted, but still each party’s best point', () => {
    const scenario = loadAnac('y2014/10issueswithRV');
    const z = zopa(scenario, { timeLimit: 20 });
    expect(z.size).toBeNull();
    expect(z.best).toHaveLength(2);
    z.best.forEach((p, i) => expect(p.utilities[i]).toBeGreaterThanOrEqual(scenario.parties[i]!.reservation));
  });
});
