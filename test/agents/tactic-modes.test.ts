import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario.js';
import { createAgent } from '../../src/agents/index.js';
import { fieldTime } from '../../src/agents/strategies/field-time.js';
import { numpyArgsort } from '../../src/agents/strategies/numpy-order.js';
import { loadInput } from '../../src/formats/input.js';
import { runMeasured } from '../support/run.js';
import { gridDomain, randomParty } from './support/fixtures.js';
import { strategyUnderTest } from './support/context.js';

const domain = gridDomain(3, 5);
const self = randomParty(domain, 'A', 7);

function pairRun(scenario: Scenario, names: [string, string], params: Record<string, string>, rounds = 100) {
  const agents = scenario.parties.map((p, i) =>
    createAgent({ strategy: names[i]!, params }, p.name, {
      kind: 'delegation',
      domain: scenario.domain,
      party: p.name,
      self: p,
    }),
  );
  return runMeasured({ scenario, protocol: 'saop', agents, deadline: { rounds }, seed: 3, analysis: 'skip' }).result;
}

describe('time as GENIUS and NegMAS define it', () => {
  it('is (r + 1)/(N + 1) in round r of N, so it never reaches 1 before the deadline', () => {
    const view = (round: number) => ({ round, now: round, deadline: { rounds: 9 }, progress: round / 9 });
    expect(fieldTime(view(0))).toBeCloseTo(0.1, 15);
    expect(fieldTime(view(8))).toBeCloseTo(0.9, 15);
    expect(fieldTime({ round: 3, now: 30, deadline: { time: 120 }, progress: 0.25 })).toBe(0.25);
  });
});

describe('the tactic modes', () => {
  it('genius offers the outcome nearest its target and accepts only what beats its next bid', () => {
    const s = strategyUnderTest('linear', domain, self, { mode: 'genius' });
    const space = s.prefs.outcomes;
    const ctx = s.ctx(0.5);
    const target = s.prefs.floor + (s.prefs.max - s.prefs.floor) * 0.5;
    const bid = s.strategy.propose(ctx)!;
    let nearest = Infinity;
    for (let p = 0; p < space.size; p++) nearest = Math.min(nearest, Math.abs(space.utilities[p]! - target));
    expect(Math.abs(s.prefs.utility(bid) - target)).toBe(nearest);
    // Strict: an offer worth exactly its next bid is refused; one above it is taken.
    expect(s.strategy.accepts(bid, ctx)).toBe(false);
    const better = s.prefs.outcomeAt(s.prefs.countAtLeast(s.prefs.utility(bid) + 1e-9) - 1);
    expect(s.strategy.accepts(better, ctx)).toBe(true);
  });

  it('negmas offers the lowest outcome at or above its level and accepts anything worth it', () => {
    const s = strategyUnderTest('linear', domain, self, { mode: 'negmas' });
    const ctx = s.ctx(0.5);
    const level = s.prefs.floor + (s.prefs.max - s.prefs.floor) * 0.5 - 1e-4;
    const bid = s.strategy.propose(ctx)!;
    const u = s.prefs.utility(bid);
    expect(u).toBeGreaterThanOrEqual(level - 1e-6);
    for (let p = 0; p < s.prefs.outcomes.size; p++) {
      const v = s.prefs.utilityAt(p);
      if (v >= level) expect(v).toBeGreaterThanOrEqual(u);
    }
    expect(s.strategy.accepts(bid, ctx)).toBe(true);
  });

  it('keeps parley’s own choice as the default', () => {
    const laptop = loadInput(['anac/2011/Laptop']);
    const plain = pairRun(laptop, ['conceder', 'boulware'], {});
    expect(pairRun(laptop, ['conceder', 'boulware'], { mode: 'parley' })).toEqual(plain);
    expect(pairRun(laptop, ['conceder', 'boulware'], { mode: 'genius' })).not.toEqual(plain);
  });

  it('refuses an unknown mode, and parley-only parameters in the field’s modes', () => {
    expect(() => strategyUnderTest('boulware', domain, self, { mode: 'jade' })).toThrow(/mode.*parley, genius, negmas/);
    const build = (params: Record<string, string>) =>
      createAgent({ strategy: 'boulware', params }, 'A', { kind: 'delegation', domain, party: 'A', self });
    expect(() => build({ mode: 'genius', band: '0.1' })).toThrow(/unknown parameter "band"/);
    expect(() => build({ mode: 'negmas', acceptance: 'time' })).toThrow(/unknown parameter "acceptance"/);
    expect(() => build({ mode: 'genius', discount: 'maybe' })).toThrow(/discount.*true or false/);
  });
});

describe('discount-aware decisions', () => {
  it('agree sooner and keep more discounted utility where the profiles discount', () => {
    const laptop = loadInput(['anac/2011/Laptop']);
    expect(laptop.parties.every((p) => p.discount < 1)).toBe(true);
    for (const mode of ['parley', 'genius', 'negmas']) {
      const on = pairRun(laptop, ['boulware', 'boulware'], { mode });
      const off = pairRun(laptop, ['boulware', 'boulware'], { mode, discount: 'false' });
      expect(on.agreement && off.agreement, mode).toBe(true);
      expect(on.rounds, mode).toBeLessThan(off.rounds);
      const sum = (r: typeof on) => r.parties.reduce((s, p) => s + p.discounted, 0);
      expect(sum(on), mode).toBeGreaterThan(sum(off));
    }
  });

  it('change nothing where no profile discounts', () => {
    const itex = loadInput(['anac/2010/ItexvsCypress']);
    expect(itex.parties.every((p) => p.discount === 1)).toBe(true);
    for (const mode of ['parley', 'genius', 'negmas'])
      expect(pairRun(itex, ['linear', 'conceder'], { mode })).toEqual(
        pairRun(itex, ['linear', 'conceder'], { mode, discount: 'false' }),
      );
  });
});

describe('numpy argsort order', () => {
  it('sorts ascending, keeps every index once, and keeps ties in order below 17 elements', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 13) / 13);
    const order = numpyArgsort(values);
    expect(new Set(order).size).toBe(values.length);
    for (let i = 1; i < order.length; i++) expect(values[order[i]!]!).toBeGreaterThanOrEqual(values[order[i - 1]!]!);
    const small = Float64Array.from([0.5, 0.2, 0.5, 0.2, 0.9, 0.5, 0.2]);
    expect([...numpyArgsort(small)]).toEqual([1, 3, 6, 0, 2, 5, 4]);
  });

  it('is not stable above 16 elements, as numpy’s introsort is not', () => {
    const ties = Float64Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const order = [...numpyArgsort(ties)];
    const zeros = order.slice(0, 20);
    expect(zeros.every((i) => i % 2 === 1)).toBe(true);
    expect(zeros).not.toEqual([...zeros].sort((a, b) => a - b));
  });
});
