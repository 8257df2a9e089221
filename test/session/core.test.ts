import { describe, expect, it } from 'vitest';
import type { Agent } from '../../src/protocols/agent.js';
import { VirtualClock, WallClock } from '../../src/session/clock.js';
import { SessionCore } from '../../src/session/core.js';
import { planRun, type RunPlan } from '../../src/session/plan.js';
import { runSession } from '../../src/session/runner.js';
import { agentsOf } from '../../src/session/simulate.js';
import { pressure, rocketAttack, scenario } from './support/fixtures.js';

const I = 'Israel-delegation';

/** A driver written only against the core's public steps: agents asked in turn, then the clock moved by hand. */
function driveByHand(plan: RunPlan, agents: readonly Agent[]): SessionCore {
  const core = new SessionCore({ ...plan, protocol: plan.protocol });
  const byRole = new Map(agents.map((a) => [a.role, a]));
  const clock = new VirtualClock();
  while (!core.isOver) {
    const asked = new Set<string>();
    for (;;) {
      const next = core.expected().find((e) => !asked.has(e.role));
      if (!next || core.isOver) break;
      asked.add(next.role);
      const agent = byRole.get(next.role);
      for (let tries = 0; agent && tries <= 3; tries++) {
        const action = agent.act(core.view(next));
        if (action === null || core.act(next.role, action).rejected === undefined) break;
      }
    }
    if (!core.isOver) core.tick(clock.set(clock.now() + plan.hoursPerRound));
  }
  return core;
}

describe('the session core, driven one step at a time', () => {
  it('gives the same log as the runner when driven by hand with a manual clock', () => {
    for (const protocol of ['saop', 'single-text', 'shuttle']) {
      const plan = planRun(scenario({ timeline: [pressure, rocketAttack] }), { protocol, rounds: 12, seed: 3 });
      const byRunner = runSession({ ...plan, agents: agentsOf(plan) });
      const byHand = driveByHand(plan, agentsOf(plan));
      expect(byHand.log()).toEqual(byRunner.log);
      expect(byHand.state).toEqual(byRunner.state);
    }
  });

  it('says when the next tick is due: outside events, a missed return, then the time deadline', () => {
    const core = new SessionCore({
      scenario: scenario({ timeline: [pressure, rocketAttack] }),
      protocol: 'shuttle',
      deadline: { time: 40 },
      seed: 1,
    });
    expect(core.nextTickDue()).toBe(pressure.at);
    expect(core.tick(pressure.at).events.map((e) => e.kind)).toEqual(['outside-event', 'deadline-moved']);
    expect(core.act(I, { kind: 'adjourn', actor: I, until: 8 }).rejected).toBeUndefined();
    const due = core.nextTickDue()!;
    expect(due).toBeGreaterThan(8);
    expect(due).toBeLessThan(8.000001);
    expect(core.tick(8).events).toEqual([]);
    expect(core.tick(due).events.map((e) => e.kind)).toEqual(['return-missed']);
    expect(core.nextTickDue()).toBe(rocketAttack.at);
    core.tick(rocketAttack.at);
    expect(core.nextTickDue()).toBe(64);
    expect(core.tick(64).events.map((e) => e.kind)).toEqual(['deadline']);
    expect(core.isOver).toBe(true);
    expect(core.nextTickDue()).toBeNull();
  });

  it('takes actions from any seat in any order and logs refusals for the actor\u2019s side', () => {
    const core = new SessionCore({ scenario: scenario(), protocol: 'shuttle', deadline: { rounds: 5 }, seed: 1 });
    const refused = core.act(I, { kind: 'accept', actor: I, proposal: 'pkg-1' });
    expect(refused.rejected).toMatch(/unknown proposal "pkg-1"/);
    expect(core.eventsOf('Hamas-delegation').some((e) => e.kind === 'invalid-action')).toBe(false);
    expect(core.eventsOf(I).at(-1)).toMatchObject({ kind: 'invalid-action', actor: I });
    expect(core.rejectedActions).toBe(1);
    expect(core.log().actions).toHaveLength(1);
  });

  it('reads the wall clock in hours from the start', () => {
    let ms = 1_000;
    const clock = new WallClock(1_000, 3_600_000, () => ms);
    expect(clock.now()).toBe(0);
    ms += 5_400_000;
    expect(clock.now()).toBe(1.5);
  });
});
