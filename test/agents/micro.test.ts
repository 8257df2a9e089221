import { describe, expect, it } from 'vitest';
import { gridDomain, randomParty } from './support/fixtures.js';
import { strategyUnderTest } from './support/context.js';

const domain = gridDomain(3, 4);
const self = randomParty(domain, 'A', 9, { reservation: 0.3 });

describe('MiCRO', () => {
  it('offers its outcomes best first, a new one only after a new distinct opponent offer', () => {
    const s = strategyUnderTest('micro', domain, self);
    const ctx = s.ctx(0.5);
    const first = s.strategy.propose(ctx)!;
    expect(s.prefs.utility(first)).toBe(s.prefs.max);
    s.strategy.observe({ kind: 'sent', outcome: first, t: 0 }, ctx);
    // No opponent offer yet: it repeats what it has offered.
    expect(s.strategy.propose(ctx)).toEqual(first);
    const theirs = s.prefs.outcomeAt(s.prefs.outcomes.size - 1);
    s.strategy.observe({ kind: 'received', from: 'B', outcome: theirs, t: 0.1 }, ctx);
    const second = s.strategy.propose(ctx)!;
    expect(second).toEqual(s.prefs.outcomeAt(1));
    s.strategy.observe({ kind: 'sent', outcome: second, t: 0.1 }, ctx);
    // The same opponent offer again is not new: no further concession.
    s.strategy.observe({ kind: 'received', from: 'B', outcome: theirs, t: 0.2 }, ctx);
    for (let k = 0; k < 10; k++) expect([first, second]).toContainEqual(s.strategy.propose(ctx));
    s.strategy.observe(
      { kind: 'received', from: 'B', outcome: s.prefs.outcomeAt(s.prefs.outcomes.size - 2), t: 0.3 },
      ctx,
    );
    expect(s.strategy.propose(ctx)).toEqual(s.prefs.outcomeAt(2));
  });

  it('accepts an offer worth at least what it would offer next, and nothing less', () => {
    const s = strategyUnderTest('micro', domain, self);
    const ctx = s.ctx(0.5);
    const sent = s.strategy.propose(ctx)!;
    s.strategy.observe({ kind: 'sent', outcome: sent, t: 0 }, ctx);
    s.strategy.observe({ kind: 'received', from: 'B', outcome: s.prefs.outcomeAt(50), t: 0 }, ctx);
    const nextUtility = s.prefs.utilityAt(1);
    for (let p = 0; p < s.prefs.outcomes.size; p++) {
      const o = s.prefs.outcomeAt(p);
      expect(s.strategy.accepts(o, ctx)).toBe(s.prefs.utilityAt(p) >= nextUtility - 1e-12 && s.prefs.acceptable(o));
    }
  });

  it('never concedes below its reservation value', () => {
    const s = strategyUnderTest('micro', domain, self);
    const ctx = s.ctx(0.9);
    for (let k = 0; k < 200; k++) {
      const o = s.strategy.propose(ctx)!;
      expect(s.prefs.utility(o)).toBeGreaterThanOrEqual(0.3);
      s.strategy.observe({ kind: 'sent', outcome: o, t: 0.9 }, ctx);
      s.strategy.observe(
        {
          kind: 'received',
          from: 'B',
          outcome: { i0: `v${k % 4}`, i1: `v${(k >> 2) % 4}`, i2: `v${(k >> 4) % 4}` },
          t: 0.9,
        },
        ctx,
      );
    }
  });
});
