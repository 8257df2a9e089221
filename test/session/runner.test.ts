import { describe, expect, it } from 'vitest';
import { discounted, utilityFor } from '../../src/core/party.js';
import { withEffects } from '../../src/core/timeline.js';
import { analyze } from '../../src/analysis/index.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { visibleTo } from '../../src/protocols/visibility.js';
import type { Action } from '../../src/protocols/types.js';
import { runMeasured } from '../support/run.js';
import { seatOf } from '../../src/protocols/seats.js';
import { counter, deal, hamas, israel, rocketAttack, scenario } from './support/fixtures.js';
import { ConstantAgent, ScriptedAgent } from './support/scripted.js';
import { shuttleScript } from './support/shuttle-script.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const offer = (actor: string, outcome: Record<string, string | number>): Action => ({ kind: 'offer', actor, outcome });

describe('runSession with alternating offers', () => {
  it('reports agreement, utilities, discounted utilities and welfare', () => {
    const agents = [
      new ScriptedAgent(I, [offer(I, deal), offer(I, deal)]),
      new ScriptedAgent(H, [offer(H, counter), { kind: 'accept', actor: H, proposal: 'offer-3' }]),
    ];
    const { result } = runMeasured({
      scenario: scenario(),
      protocol: 'saop',
      agents,
      deadline: { rounds: 10 },
      seed: 1,
      analysis: 'skip',
    });
    expect(result).toMatchObject({
      agreement: true,
      endReason: 'agreement',
      outcome: deal,
      proposal: 'offer-3',
      // Accepted in the second round (1-based, as GENIUS and NegMAS count).
      rounds: 2,
      time: 1,
      progress: 0.1,
    });
    const uI = utilityFor(israel, deal);
    const uH = utilityFor(hamas, deal);
    expect(result.parties[0]).toEqual({ party: 'Israel', utility: uI, discounted: uI * Math.pow(0.9, 0.1) });
    expect(result.parties[1]).toEqual({ party: 'Hamas', utility: uH, discounted: uH });
    expect(result.welfare).toBeCloseTo(uI + uH, 12);
  });

  it('gives each party its reservation value when the deadline passes without agreement', () => {
    const agents = [new ConstantAgent(I, () => offer(I, deal)), new ConstantAgent(H, () => offer(H, counter))];
    const { result } = runMeasured({
      scenario: scenario(),
      protocol: 'saop',
      agents,
      deadline: { rounds: 2 },
      seed: 1,
      analysis: 'skip',
    });
    expect(result).toMatchObject({ agreement: false, endReason: 'deadline', outcome: null, rounds: 2, progress: 1 });
    expect(result.parties.map((p) => p.utility)).toEqual([0.3, 0.2]);
    expect(result.parties[0]!.discounted).toBeCloseTo(0.3 * 0.9, 12);
    expect(result.openIssues).toEqual(['ceasefire', 'captives', 'withdrawal']);
  });

  it('measures distances to the frontier and to Nash with the analysis', () => {
    const s = scenario();
    const nash = analyze(s).nash!;
    const agents = [
      new ScriptedAgent(I, [offer(I, nash.outcome)]),
      new ScriptedAgent(H, [{ kind: 'accept', actor: H, proposal: 'offer-1' }]),
    ];
    const { result } = runMeasured({
      scenario: s,
      protocol: 'saop',
      agents,
      deadline: { rounds: 3 },
      seed: 1,
      analysis: 'auto',
    });
    expect(result.distances!.nash).toBeCloseTo(0, 12);
    expect(result.distances!.frontier).toBeCloseTo(0, 12);
    const none = runMeasured({
      scenario: s,
      protocol: 'saop',
      agents: [],
      deadline: { time: 2 },
      seed: 1,
      analysis: 'auto',
    }).result;
    const d = Math.hypot(nash.utilities[0]! - 0.3, nash.utilities[1]! - 0.2);
    expect(none.distances!.nash).toBeCloseTo(d, 12);
    expect(none.stickingPoints.length).toBeGreaterThan(0);
  });

  it('records a refused action for the actor only and asks again at most maxRetries times', () => {
    const bad = new ConstantAgent(I, () => offer(I, { ...deal, captives: 99 }));
    const hamasAgent = new ScriptedAgent(H, []);
    const { log, result } = runMeasured({
      scenario: scenario(),
      protocol: 'saop',
      agents: [bad, hamasAgent],
      deadline: { time: 3 },
      seed: 1,
      maxRetries: 2,
      analysis: 'skip',
    });
    expect(bad.calls).toBe(9);
    const refused = log.events.filter((e) => e.kind === 'invalid-action');
    expect(refused).toHaveLength(9);
    expect(refused[0]).toMatchObject({ actor: I, action: 'offer', audience: { kind: 'party', party: 'Israel' } });
    expect(result.rejectedActions).toBe(9);
    expect(result.endReason).toBe('deadline');
  });

  it('refuses an agent acting in another role\u2019s name', () => {
    const agents = [new ConstantAgent(I, () => offer(H, deal))];
    const { log } = runMeasured({
      scenario: scenario(),
      protocol: 'saop',
      agents,
      deadline: { time: 1 },
      seed: 1,
      maxRetries: 0,
      analysis: 'skip',
    });
    expect(log.events.find((e) => e.kind === 'invalid-action')).toMatchObject({
      actor: I,
      reason: `${I} may act only as itself, not as ${H}`,
    });
  });

  it('lets time pass when everyone waits, and gives up after maxPasses clock rounds', () => {
    const { result } = runMeasured({
      scenario: scenario(),
      protocol: 'saop',
      agents: [],
      deadline: { time: 50 },
      seed: 1,
      maxPasses: 5,
    });
    expect(result).toMatchObject({ endReason: 'stalled', time: 5, rounds: 0 });
  });

  it('ends at once, naming the seat and the move, when no seat can move and nothing is due', () => {
    let asked = 0;
    const wrongMove = { role: I, act: () => (asked++, { kind: 'reject' as const, actor: I, proposal: 'offer-1' }) };
    const run = () =>
      runMeasured({ scenario: scenario(), protocol: 'saop', agents: [wrongMove], deadline: { rounds: 3 }, seed: 1 });
    expect(run).toThrow(
      /the saop session cannot go on: Israel-delegation was asked to offer or end, and its agent tried reject, which was refused: saop has no "reject" action/,
    );
    expect(asked).toBe(4);
    expect(() =>
      runMeasured({ scenario: scenario(), protocol: 'saop', agents: [], deadline: { rounds: 3 }, seed: 1 }),
    ).toThrow(/Israel-delegation was asked to offer or end, and it made no move/);
  });

  it('refuses agents for unknown or duplicate roles and a clock that does not move', () => {
    const base = { scenario: scenario(), protocol: 'saop', deadline: { rounds: 3 }, seed: 1 } as const;
    expect(() => runMeasured({ ...base, agents: [new ScriptedAgent('Mossad', [])] })).toThrow(/unknown role "Mossad"/);
    expect(() => runMeasured({ ...base, agents: [new ScriptedAgent(I, []), new ScriptedAgent(I, [])] })).toThrow(
      /two agents/,
    );
    expect(() => runMeasured({ ...base, agents: [], hoursPerRound: 0 })).toThrow(/hoursPerRound must be positive/);
  });

  it('passes every logged event to onEvent', () => {
    const seen: ProtocolEvent[] = [];
    const { log } = runMeasured({
      scenario: scenario(),
      protocol: 'saop',
      agents: [],
      deadline: { time: 2 },
      seed: 1,
      onEvent: (e) => seen.push(e),
      analysis: 'skip',
    });
    expect(seen).toEqual(log.events);
  });
});

describe('agent views', () => {
  it('lets an outside event change what later offers are worth to the party', () => {
    const israelAgent = new ConstantAgent(I, () => offer(I, deal));
    const views: { now: number; worth: number; reservation: number }[] = [];
    const watcher = new ConstantAgent(H, (v) => {
      views.push({ now: v.now, worth: utilityFor(v.self!, counter), reservation: v.self!.reservation });
      return offer(H, counter);
    });
    const israelViews: { now: number; worth: number; reservation: number }[] = [];
    const recorder = new ConstantAgent(I, (v) => {
      israelViews.push({ now: v.now, worth: utilityFor(v.self!, deal), reservation: v.self!.reservation });
      return israelAgent.act(v);
    });
    const s = scenario({ timeline: [rocketAttack] });
    const { result } = runMeasured({
      scenario: s,
      protocol: 'saop',
      agents: [recorder, watcher],
      deadline: { rounds: 20 },
      seed: 1,
      hoursPerRound: 4,
      analysis: 'skip',
    });
    const before = israelViews.find((v) => v.now < 10)!;
    const after = israelViews.find((v) => v.now >= 10)!;
    const changed = withEffects(israel, rocketAttack.effects);
    expect(before).toEqual({ now: 0, worth: utilityFor(israel, deal), reservation: 0.3 });
    expect(after.worth).toBeCloseTo(utilityFor(changed, deal), 12);
    expect(after.worth).not.toBeCloseTo(before.worth, 3);
    expect(after.reservation).toBeCloseTo(0.5, 12);
    expect(views.every((v) => v.reservation === 0.2)).toBe(true);
    expect(result.parties[0]!.utility).toBeCloseTo(0.5, 12);
    expect(result.parties[0]!.discounted).toBeCloseTo(discounted(changed, 0.5, 1), 12);
  });

  it('shows mediators revealed preferences only when the session reveals them', () => {
    const egypt = new ScriptedAgent('Egypt', [null]);
    const hamasAgent = new ScriptedAgent(H, [null]);
    runMeasured({
      scenario: scenario(),
      protocol: 'shuttle',
      agents: [egypt, hamasAgent],
      deadline: { time: 1 },
      seed: 1,
      revealToMediators: ['Hamas'],
      analysis: 'skip',
    });
    expect(Object.keys(egypt.views[0]!.revealed)).toEqual(['Hamas']);
    expect(egypt.views[0]!.self).toBeUndefined();
    expect(hamasAgent.views[0]!.revealed).toEqual({});
    expect(hamasAgent.views[0]!.self?.name).toBe('Hamas');
    const plain = new ScriptedAgent('Egypt', [null]);
    runMeasured({
      scenario: scenario(),
      protocol: 'shuttle',
      agents: [plain],
      deadline: { time: 1 },
      seed: 1,
      analysis: 'skip',
    });
    expect(plain.views[0]!.revealed).toEqual({});
  });

  it('gives each role a different seed derived from the session seed', () => {
    const a = new ScriptedAgent(I, [null]);
    const b = new ScriptedAgent(H, [null]);
    runMeasured({
      scenario: scenario(),
      protocol: 'shuttle',
      agents: [a, b],
      deadline: { time: 1 },
      seed: 9,
      analysis: 'skip',
    });
    expect(a.views[0]!.seed).not.toBe(b.views[0]!.seed);
  });

  it('hands every role only the events its seat may see', () => {
    const run = shuttleScript();
    const s = scenario();
    for (const agent of run.agents) {
      const viewer = seatOf({ ...run.log.header.setup, roles: s.roles }, agent.role).viewer;
      for (const view of agent.views) for (const e of view.events) expect(visibleTo(e, viewer)).toBe(true);
      const last = agent.views[agent.views.length - 1]!;
      const due = run.log.events.filter(
        (e) => e.seq < (last.events[last.events.length - 1]?.seq ?? 0) && visibleTo(e, viewer),
      );
      expect(last.events.slice(0, due.length)).toEqual(due);
    }
  });

  it('never shows one party the other\u2019s answers in shuttle talks, only the mediator\u2019s relay', () => {
    const run = shuttleScript();
    const israelAgent = run.agents.find((a) => a.role === I)!;
    const seen = israelAgent.views[israelAgent.views.length - 1]!.events;
    expect(seen.some((e) => e.kind === 'package-response')).toBe(false);
    expect(seen.some((e) => e.kind === 'ratification-requested' && e.party === 'Hamas')).toBe(false);
    expect(seen.find((e) => e.kind === 'relayed')).toMatchObject({ message: 'Hamas asks for more time' });
  });
});

describe('runSession with shuttle talks', () => {
  it('reaches agreement only after adjournment, return, acceptance and both ratifications', () => {
    const { result, log } = shuttleScript();
    expect(result).toMatchObject({ agreement: true, outcome: deal, proposal: 'pkg-1' });
    const order = log.events
      .map((e) => e.kind)
      .filter((k) => ['adjourned', 'returned', 'ratified', 'agreement'].includes(k));
    expect(order).toEqual(['adjourned', 'returned', 'ratified', 'ratified', 'agreement']);
    expect(log.events.find((e) => e.kind === 'returned')!.at).toBe(3);
  });
});

describe('views over time', () => {
  it('hands out views that do not change after the agent received them', () => {
    const { agents } = shuttleScript();
    const egypt = agents.find((a) => a.role === 'Egypt')!;
    const lengths = egypt.views.map((v) => v.events.length);
    expect(lengths[0]).toBeLessThan(lengths[lengths.length - 1]!);
    // Each view holds its own array: what one agent does to its copy reaches no later view.
    expect(egypt.views[0]!.events).not.toBe(egypt.views[egypt.views.length - 1]!.events);
  });
});
