import { describe, expect, it } from 'vitest';
import { SessionCore } from '../../src/session/core.js';
import { planRun } from '../../src/session/plan.js';
import { agentsOf } from '../../src/session/simulate.js';
import { scenario } from '../session/support/fixtures.js';

describe('a delegation agent sent away by a mediator', () => {
  it('comes back by the return deadline the mediator set, so nothing lapses', () => {
    const plan = planRun(scenario(), { protocol: 'shuttle', rounds: 20, seed: 2 });
    const core = new SessionCore(plan);
    const agents = new Map(agentsOf(plan).map((a) => [a.role, a]));
    const mediator = plan.seats.find((s) => s.kind === 'mediator')!.role;
    expect(core.act(mediator, { kind: 'adjourn-talks', actor: mediator, until: 3 }).rejected).toBeUndefined();
    for (let now = 1; now <= 4; now++) {
      core.tick(now);
      for (const e of core.expected())
        if (e.may.includes('return')) {
          const action = agents.get(e.role)!.act(core.view(e));
          if (action) core.act(e.role, action);
        }
    }
    const kinds = core.log().events.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'returned')).toHaveLength(2);
    expect(kinds).not.toContain('return-missed');
  });
});
