import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/formats/input.js';
import { planRun } from '../../src/session/plan.js';

const laptop = () => loadInput(['anac/2011/Laptop']);
const cairo = () => loadInput(['cairo-2024']);

describe('planning a run', () => {
  it('defaults to saop with boulware for every party and a 100-round deadline', () => {
    const plan = planRun(laptop());
    expect(plan.protocol).toBe('saop');
    expect(plan.deadline).toEqual({ rounds: 100 });
    expect(plan.seats.map((s) => s.spec.strategy)).toEqual(['boulware', 'boulware']);
    expect(plan.seed).toBe(1);
  });

  it('takes the scenario’s simulation defaults, its hours per round turning rounds into hours', () => {
    const plan = planRun(cairo());
    expect(plan.protocol).toBe('shuttle');
    expect(plan.deadline).toEqual({ time: 120 });
    expect(plan.seed).toBe(2024);
    const byRole = Object.fromEntries(plan.seats.map((s) => [s.role, s.spec.strategy]));
    expect(byRole).toMatchObject({
      Egypt: 'bridging',
      Qatar: 'bridging',
      'Israeli war cabinet': 'principal',
      'Hamas leadership (Doha)': 'principal',
      'Qatari technical team with Egypt': 'working-group',
    });
    expect(byRole['United States']).toBeUndefined();
  });

  it('lets only the first mediator lead unless one is told to', () => {
    const leads = (plan: ReturnType<typeof planRun>) =>
      plan.seats.filter((s) => s.kind === 'mediator').map((s) => [s.role, s.spec.params?.lead]);
    expect(leads(planRun(cairo()))).toEqual([
      ['Egypt', true],
      ['Qatar', false],
    ]);
    const chosen = planRun(cairo(), {
      mediators: [{ strategy: 'nash' }, { strategy: 'bridging', params: { lead: true } }, { strategy: 'nash' }],
    });
    expect(leads(chosen)).toEqual([
      ['Egypt', false],
      ['Qatar', true],
      ['United States', false],
    ]);
  });

  it('adds a hill-climb mediator role for mediated protocols on a scenario without one, and more roles for more mediators', () => {
    const one = planRun(laptop(), { protocol: 'shuttle' });
    expect(one.scenario.roles.mediators).toEqual([{ name: 'Mediator', channels: [] }]);
    expect(one.seats[0]).toMatchObject({ role: 'Mediator', kind: 'mediator', spec: { strategy: 'hill-climb' } });
    const three = planRun(laptop(), {
      protocol: 'single-text',
      mediators: [{ strategy: 'nash' }, { strategy: 'bridging' }, { strategy: 'hill-climb' }],
    });
    expect(three.scenario.roles.mediators.map((m) => m.name)).toEqual(['Mediator', 'Mediator 2', 'Mediator 3']);
  });

  it('gives a party’s ratification margin to its decision body, not to its delegation', () => {
    const plan = planRun(cairo(), {
      agents: [{ strategy: 'linear', params: { ratificationMargin: 0.2, consultEvery: 12 } }, { strategy: 'linear' }],
    });
    expect(plan.seats.find((s) => s.role === 'Israeli delegation')!.spec.params).toEqual({ consultEvery: 12 });
    expect(plan.seats.find((s) => s.role === 'Israeli war cabinet')!.spec.params).toEqual({ ratificationMargin: 0.2 });
  });

  it('refuses both --rounds and --time, and saop with mediators', () => {
    expect(() => planRun(laptop(), { rounds: 5, time: 5 })).toThrow(/not both/);
    expect(() => planRun(laptop(), { mediators: [{ strategy: 'nash' }] })).toThrow(/saop has no mediators/);
  });
});

describe('mediator counts and seat kinds', () => {
  const cairoScenario = () => loadInput(['cairo-2024']);
  it('gives one --mediators strategy to every mediator role, or exactly one per role', () => {
    const one = planRun(cairoScenario(), { mediators: [{ strategy: 'nash' }] });
    expect(one.seats.filter((s) => s.kind === 'mediator').map((s) => [s.role, s.spec.strategy])).toEqual([
      ['Egypt', 'nash'],
      ['Qatar', 'nash'],
      ['United States', 'nash'],
    ]);
    expect(() => planRun(cairoScenario(), { mediators: [{ strategy: 'nash' }, { strategy: 'bridging' }] })).toThrow(
      /names 2 mediators but cairo-2024 has 3 mediator roles \(Egypt, Qatar, United States\)/,
    );
  });

  it('refuses a delegation strategy for a mediator seat and the reverse', () => {
    expect(() => planRun(cairoScenario(), { mediators: [{ strategy: 'boulware' }] })).toThrow(/not a mediator/);
    expect(() => planRun(cairoScenario(), { agents: [{ strategy: 'nash' }, { strategy: 'linear' }] })).toThrow(
      /"nash" is a mediator/,
    );
  });
});
