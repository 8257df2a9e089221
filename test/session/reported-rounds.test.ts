import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/protocols/types.js';
import { runMeasured } from '../support/run.js';
import { counter, deal, scenario } from './support/fixtures.js';
import { ConstantAgent, ScriptedAgent } from './support/scripted.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const offer = (actor: string, outcome: Record<string, string | number>): Action => ({ kind: 'offer', actor, outcome });
const run = (agents: ConstantAgent[] | ScriptedAgent[], rounds: number) =>
  runMeasured({ scenario: scenario(), protocol: 'saop', agents, deadline: { rounds }, seed: 1, analysis: 'skip' });

describe('rounds as the field reports them', () => {
  it('gives round 1 to an offer accepted in the first round', () => {
    const agents = [
      new ScriptedAgent(I, [offer(I, deal)]),
      new ScriptedAgent(H, [{ kind: 'accept', actor: H, proposal: 'offer-1' }]),
    ];
    const { result, state } = run(agents, 10);
    expect(result.rounds).toBe(1);
    // The protocol's own counter (completed rounds) is untouched.
    expect(state.round).toBe(0);
    expect(state.end!.round).toBe(0);
  });

  it('gives the round of the accepting answer when the second party proposed', () => {
    const agents = [
      new ScriptedAgent(I, [offer(I, deal), { kind: 'accept', actor: I, proposal: 'offer-2' }]),
      new ScriptedAgent(H, [offer(H, counter)]),
    ];
    expect(run(agents, 10).result.rounds).toBe(2);
  });

  it('counts every round run when the deadline ends the talks', () => {
    const agents = [new ConstantAgent(I, () => offer(I, deal)), new ConstantAgent(H, () => offer(H, counter))];
    expect(run(agents, 7).result).toMatchObject({ endReason: 'deadline', rounds: 7 });
  });

  it('counts the round of a walk-away as run', () => {
    const agents = [
      new ScriptedAgent(I, [offer(I, deal), offer(I, deal), { kind: 'end', actor: I, reason: 'no' }]),
      new ScriptedAgent(H, [offer(H, counter), offer(H, counter)]),
    ];
    expect(run(agents, 10).result).toMatchObject({ endReason: 'walk-away', rounds: 3 });
  });
});
