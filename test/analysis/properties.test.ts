import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, enumerateFrontier, paretoFrontier, paretoImprovements } from '../../src/analysis/index.js';
import { allOutcomes, bruteArgmax, bruteFrontier, orderOf, reachesDisagreement } from './support/brute-force.js';
import { scenarioArbitrary } from './support/random-scenario.js';
import { loadAnac } from './support/anac.js';
import { evaluateUtility } from '../../src/core/index.js';

const RUNS = Number(process.env.PARLEY_PROPERTY_RUNS ?? 150);

describe('the fast frontier on random small domains', () => {
  it('equals brute-force enumeration, chosen outcomes included', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const want = bruteFrontier(allOutcomes(scenario));
        const got = paretoFrontier(scenario);
        expect(got.exact).toBe(true);
        expect(got.frontier).toEqual(want);
        expect(enumerateFrontier(scenario)).toEqual(want);
      }),
      { numRuns: RUNS },
    );
  });

  it('equals brute force for rectangle profiles, where it searches cliques of rectangles', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ kinds: ['rectangles'] }), (scenario) => {
        expect(paretoFrontier(scenario).frontier).toEqual(bruteFrontier(allOutcomes(scenario)));
      }),
      { numRuns: RUNS },
    );
  });

  it('equals brute force on larger rectangle domains, where bounds cut the search', () => {
    const shape = {
      kinds: ['rectangles'] as const,
      minIssues: 5,
      maxIssues: 6,
      maxValues: 5,
      maxRectangles: 14,
      redLines: false,
    };
    fc.assert(
      fc.property(scenarioArbitrary(shape), (scenario) => {
        expect(paretoFrontier(scenario).frontier).toEqual(bruteFrontier(allOutcomes(scenario)));
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    );
  });
});

describe('rectangle utilities capped at 1, as GENIUS caps them', () => {
  // Where the cap binds, the search reports the outcome of a maximal rectangle clique: it
  // reaches the vector but need not be the first outcome in value order that does.
  it('gives the brute-force frontier vectors, each reached by its outcome', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ kinds: ['rectangles'], capped: true }), (scenario) => {
        const want = bruteFrontier(allOutcomes(scenario));
        const got = paretoFrontier(scenario).frontier;
        expect(got.map((p) => p.utilities)).toEqual(want.map((p) => p.utilities));
        for (const p of got) {
          const u = scenario.parties.map((party) => Math.round(evaluateUtility(party.utility, p.outcome) * 1e9) / 1e9);
          expect(u).toEqual(p.utilities);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('time limits and progress', () => {
  it('admits the frontier is not exact when the time limit cuts the search', () => {
    const result = paretoFrontier(loadAnac('y2014/30issues'), { timeLimit: 0.05 });
    expect(result.exact).toBe(false);
    expect(result.frontier.length).toBeGreaterThan(0);
  });

  it('reports progress as fractions that never go back and end at 1', () => {
    const seen: number[] = [];
    analyze(loadAnac('y2011/Energy'), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    seen.forEach((f, k) => expect(f).toBeGreaterThanOrEqual(k === 0 ? 0 : seen[k - 1]!));
    expect(seen[seen.length - 1]).toBe(1);
  });
});

describe('the solutions and the zone on random small domains', () => {
  it('match brute force: Nash, Kalai–Smorodinsky, welfare, egalitarian, zone size and bests', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const all = allOutcomes(scenario);
        const order = orderOf(all);
        const d = scenario.parties.map((p) => p.reservation);
        const frontier = bruteFrontier(all);
        const zone = bruteFrontier(all.filter((p) => p.allowed)).filter((p) => reachesDisagreement(p.utilities, d));
        const ideal = d.map((_, i) => Math.max(...zone.map((p) => p.utilities[i]!)));
        const analysis = analyze(scenario);
        expect(analysis.frontier).toEqual(frontier);
        expect(analysis.nash).toEqual(bruteArgmax(zone, (u) => u.reduce((a, x, i) => a * (x - d[i]!), 1), order));
        const share = (u: number[]) =>
          Math.min(...u.map((x, i) => (ideal[i]! > d[i]! ? (x - d[i]!) / (ideal[i]! - d[i]!) : 1)));
        expect(analysis.kalaiSmorodinsky).toEqual(bruteArgmax(zone, share, order));
        expect(analysis.maxWelfare).toEqual(bruteArgmax(frontier, (u) => u.reduce((a, x) => a + x, 0), order));
        expect(analysis.egalitarian).toEqual(bruteArgmax(frontier, (u) => Math.min(...u), order));
        const inZone = all.filter((p) => p.allowed && reachesDisagreement(p.utilities, d));
        expect(analysis.zopa.size).toBe(String(inZone.length));
        const bests = zone.length === 0 ? [] : d.map((_, i) => bruteArgmax(zone, (u) => u[i]!, order, false));
        expect(analysis.zopa.best).toEqual(bests);
      }),
      { numRuns: RUNS },
    );
  });

  it('lists as Pareto improvements exactly the acceptable frontier points that beat an agreement', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), (scenario, pick) => {
        const all = allOutcomes(scenario);
        const agreement = all[pick % all.length]!;
        const acceptable = bruteFrontier(all.filter((p) => p.allowed));
        const better = acceptable.filter(
          (p) =>
            p.utilities.every((u, i) => u >= agreement.utilities[i]!) &&
            p.utilities.some((u, i) => u > agreement.utilities[i]!),
        );
        const got = paretoImprovements(scenario, agreement.outcome);
        expect(new Set(got.map((p) => JSON.stringify(p)))).toEqual(new Set(better.map((p) => JSON.stringify(p))));
      }),
      { numRuns: RUNS },
    );
  });
});
