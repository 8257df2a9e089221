import { describe, expect, it } from 'vitest';
import { isParleyError } from '../../src/core/errors.js';
import { acceptance, ParamReader, readAcceptance } from '../../src/agents/index.js';
import { gridDomain, randomParty } from './support/fixtures.js';
import { strategyUnderTest } from './support/context.js';

const o = { threshold: 0.8, after: 0.9, alpha: 1, beta: 0 };

describe('acceptance conditions', () => {
  it('AC_next accepts an offer at least as good as its own next offer', () => {
    const ac = acceptance(['next'], o);
    expect(ac.holds({ offerUtility: 0.7, nextUtility: 0.7, t: 0 })).toBe(true);
    expect(ac.holds({ offerUtility: 0.69, nextUtility: 0.7, t: 0.99 })).toBe(false);
  });

  it('AC_const accepts above a fixed threshold whatever the time', () => {
    const ac = acceptance(['constant'], o);
    expect(ac.holds({ offerUtility: 0.8, nextUtility: 1, t: 0 })).toBe(true);
    expect(ac.holds({ offerUtility: 0.79, nextUtility: 0, t: 1 })).toBe(false);
  });

  it('AC_time accepts anything once its time has come', () => {
    const ac = acceptance(['time'], o);
    expect(ac.holds({ offerUtility: 0, nextUtility: 1, t: 0.9 })).toBe(true);
    expect(ac.holds({ offerUtility: 1, nextUtility: 1, t: 0.89 })).toBe(false);
  });

  it('combines conditions: any one that holds accepts', () => {
    const ac = readAcceptance(new ParamReader('x', { acceptance: 'next+time', acceptAfter: 0.5 }), 'next');
    expect(ac.kinds).toEqual(['next', 'time']);
    expect(ac.holds({ offerUtility: 0.1, nextUtility: 0.9, t: 0.6 })).toBe(true);
    expect(ac.holds({ offerUtility: 0.95, nextUtility: 0.9, t: 0.1 })).toBe(true);
    expect(ac.holds({ offerUtility: 0.1, nextUtility: 0.9, t: 0.1 })).toBe(false);
  });

  it('rejects an unknown condition as a usage error naming the known ones', () => {
    try {
      readAcceptance(new ParamReader('boulware', { acceptance: 'next+soon' }), 'next');
      expect.unreachable();
    } catch (e) {
      expect(isParleyError(e) && e.code).toBe('PARLEY_E_USAGE');
      expect(String(e)).toMatch(/soon.*next, constant, time/);
    }
  });

  it('a strategy with AC_time still never accepts below its reservation', () => {
    const domain = gridDomain(3, 4);
    const self = randomParty(domain, 'A', 4, { reservation: 0.5 });
    const s = strategyUnderTest('boulware', domain, self, { acceptance: 'time', acceptAfter: 0 });
    for (let p = 0; p < s.prefs.outcomes.size; p++) {
      const outcome = s.prefs.outcomeAt(p);
      expect(s.strategy.accepts(outcome, s.ctx(1))).toBe(s.prefs.utilityAt(p) >= 0.5);
    }
  });
});
