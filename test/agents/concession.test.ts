import { describe, expect, it } from 'vitest';
import { concessionTarget } from '../../src/agents/index.js';
import { gridDomain, randomParty } from './support/fixtures.js';
import { strategyUnderTest } from './support/context.js';

const domain = gridDomain(4, 6);
const self = randomParty(domain, 'A', 42);

/** Utility of what the strategy proposes at each time in `ts`. */
function curve(
  name: 'boulware' | 'linear' | 'conceder',
  params: Record<string, number> = {},
  ts = [0, 0.25, 0.5, 0.75, 0.9, 1],
) {
  const s = strategyUnderTest(name, domain, self, params);
  return ts.map((t) => s.prefs.utility(s.strategy.propose(s.ctx(t))!));
}

describe('time-dependent concession', () => {
  it('follows max − (max − min)·t^(1/e)', () => {
    expect(concessionTarget(0, 1, 0.2, 0.2)).toBe(1);
    expect(concessionTarget(1, 1, 0.2, 0.2)).toBeCloseTo(0.2, 12);
    expect(concessionTarget(0.5, 1, 0, 1)).toBeCloseTo(0.5, 12);
    expect(concessionTarget(0.5, 1, 0, 2)).toBeCloseTo(1 - Math.SQRT1_2, 12);
  });

  it('never raises its demand as time passes', () => {
    for (const name of ['boulware', 'linear', 'conceder'] as const) {
      const us = curve(name);
      for (let i = 1; i < us.length; i++) expect(us[i]!).toBeLessThanOrEqual(us[i - 1]! + 1e-12);
    }
  });

  it('boulware holds out until late and conceder gives way early', () => {
    const [b, l, c] = [curve('boulware'), curve('linear'), curve('conceder')];
    expect(b[0]).toBeCloseTo(c[0]!, 12);
    expect(b[2]!).toBeGreaterThan(l[2]!);
    expect(l[2]!).toBeGreaterThan(c[2]!);
    // Boulware at half time has conceded under a tenth of its room; conceder over half of it.
    const room = b[0]! - b[5]!;
    expect(b[0]! - b[2]!).toBeLessThan(0.1 * room);
    expect(c[0]! - c[2]!).toBeGreaterThan(0.5 * room);
    expect(b[5]!).toBeCloseTo(c[5]!, 6);
  });

  it('takes its exponent from a parameter', () => {
    const soft = curve('boulware', { exponent: 5 });
    const hard = curve('boulware', { exponent: 0.05 });
    expect(soft[2]!).toBeLessThan(hard[2]!);
    expect(curve('conceder', { exponent: 1 })).toEqual(curve('linear'));
  });

  it('refuses an exponent that is not a positive number', () => {
    expect(() => strategyUnderTest('boulware', domain, self, { exponent: 'soft' })).toThrow(/exponent/);
    expect(() => strategyUnderTest('boulware', domain, self, { exponent: 0 })).toThrow(/PARLEY|exponent/);
  });

  it('picks, among outcomes near its target, the one the opponent model likes best', () => {
    const s = strategyUnderTest('linear', domain, self, { band: 0.2 });
    const before = s.strategy.propose(s.ctx(0.5))!;
    const liked = { ...before, i0: before.i0 === 'v0' ? 'v1' : 'v0' };
    for (let k = 0; k < 5; k++) s.opponents.of('B').observeOffer(liked);
    const after = s.strategy.propose(s.ctx(0.5))!;
    const model = s.opponents.of('B');
    expect(model.predict(after)).toBeGreaterThanOrEqual(model.predict(before));
    expect(s.prefs.utility(after)).toBeGreaterThanOrEqual(s.prefs.utility(before) - 1e-12);
  });
});

describe('relative tit-for-tat', () => {
  it('concedes as much of its room as the opponent conceded of its own', () => {
    const s = strategyUnderTest('tit-for-tat', domain, self, { fallbackExponent: 0.001 });
    const ctx = s.ctx(0.3);
    const space = s.prefs.outcomes;
    const worst = s.prefs.outcomeAt(space.size - 1);
    const start = s.prefs.utility(s.strategy.propose(ctx)!);
    s.strategy.observe({ kind: 'received', from: 'B', outcome: worst, t: 0.1 }, ctx);
    expect(s.prefs.utility(s.strategy.propose(ctx)!)).toBeCloseTo(start, 12);
    const middle = s.prefs.outcomeAt(Math.floor(space.size / 2));
    s.strategy.observe({ kind: 'received', from: 'B', outcome: middle, t: 0.2 }, ctx);
    const share = (s.prefs.utility(middle) - s.prefs.utility(worst)) / (s.prefs.max - s.prefs.utility(worst));
    const target = s.prefs.max - share * (s.prefs.max - s.prefs.floor);
    const now = s.prefs.utility(s.strategy.propose(ctx)!);
    expect(now).toBeLessThan(start);
    expect(now).toBeGreaterThanOrEqual(target - 1e-12);
    expect(now).toBeLessThan(target + 0.05);
  });
});
