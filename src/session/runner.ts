import { ParleyError } from '../core/errors.js';
import type { BaseState } from '../protocols/base.js';
import type { Agent } from '../protocols/agent.js';
import { actingRoles } from '../protocols/seats.js';
import type { Action, Expectation, NegotiationSetup } from '../protocols/types.js';
import { VirtualClock, type SteppedClock } from './clock.js';
import { SessionCore, type SessionCoreOptions } from './core.js';
import type { EventLog } from './event-log.js';
import { stallError, type SeatTry } from './stall.js';

export { setupOf } from './core.js';

export interface SessionOptions extends SessionCoreOptions {
  /** One per acting role; a role without an agent always waits. */
  readonly agents: readonly Agent[];
  /** Virtual hours a round of the clock takes (default: the scenario's, else 1). */
  readonly hoursPerRound?: number;
  /** The virtual clock the runner moves on each clock round (default: one starting at 0). */
  readonly clock?: SteppedClock;
  /** Invalid attempts a role may make in a row before it is taken to wait (default 3). */
  readonly maxRetries?: number;
  /** Clock rounds before the runner gives up on a run that never ends (default 10,000). */
  readonly maxPasses?: number;
}

/** A finished (or abandoned) session: its final state and its full log. Results are measured elsewhere (`summarise`). */
export interface SessionRun {
  readonly log: EventLog;
  readonly state: BaseState;
}

function agentsByRole(setup: NegotiationSetup, agents: readonly Agent[]): Map<string, Agent> {
  const roles = new Set(actingRoles(setup));
  const byRole = new Map<string, Agent>();
  for (const agent of agents) {
    if (!roles.has(agent.role))
      throw new ParleyError(
        'PARLEY_E_USAGE',
        `agent for unknown role "${agent.role}"; acting roles: ${[...roles].join(', ')}`,
      );
    if (byRole.has(agent.role)) throw new ParleyError('PARLEY_E_USAGE', `two agents for role "${agent.role}"`);
    byRole.set(agent.role, agent);
  }
  return byRole;
}

/**
 * Runs one negotiation on a virtual clock, as one driver of the session core. Each clock
 * round, every role the protocol waits for is asked once, in the protocol's order (roles
 * that become expected during the round are asked too); then time moves on by
 * `hoursPerRound` and due outside events fire. A round in which no seat could make a move
 * the protocol accepts, with nothing left that time could bring, ends the run at once with
 * an error naming the seats and the moves they were asked for.
 */
export function runSession(options: SessionOptions): SessionRun {
  const hoursPerRound = options.hoursPerRound ?? options.scenario.simulation?.hoursPerRound ?? 1;
  if (!(hoursPerRound > 0))
    throw new ParleyError('PARLEY_E_USAGE', `hoursPerRound must be positive, got ${hoursPerRound}`);
  const core = new SessionCore({ ...options, hoursPerRound });
  const agents = agentsByRole(core.setup, options.agents);
  const clock = options.clock ?? new VirtualClock(0);
  const maxRetries = options.maxRetries ?? 3;
  const maxPasses = options.maxPasses ?? 10_000;
  // Emptied each clock round rather than made anew: a long run has thousands of rounds.
  const tries: SeatTry[] = [];
  const asked: string[] = [];
  for (let pass = 0; pass < maxPasses && !core.isOver; pass++) {
    tries.length = 0;
    asked.length = 0;
    let moved = false;
    for (;;) {
      const next = firstNotAsked(core.expected(), asked);
      if (!next || core.isOver) break;
      asked.push(next.role);
      const agent = agents.get(next.role);
      const tried = agent ? ask(core, agent, next, maxRetries) : { expectation: next };
      // Only a round in which no seat moved is told (`stallError`), so a seat that moved is not kept.
      if (tried === null) moved = true;
      else tries.push(tried);
    }
    if (core.isOver) break;
    if (!moved && core.nextTickDue() === null) throw stallError(core.protocol.name, tries);
    core.tick(clock.advance(hoursPerRound));
  }
  // The core ends here: its log is handed over, not copied.
  return { log: core.log(false), state: core.state };
}

/** Asks one agent for its move, again after each refusal up to `maxRetries` times; null when it moved. */
function ask(core: SessionCore, agent: Agent, expectation: Expectation, maxRetries: number): SeatTry | null {
  let refused: { action: Action; reason: string } | undefined;
  for (let tries = 0; tries <= maxRetries; tries++) {
    const action = agent.act(core.view(expectation, agent.readsViewsOnlyInAct === true));
    if (action === null) break;
    const applied = core.act(agent.role, action);
    if (applied.rejected === undefined) return null;
    refused = { action, reason: applied.rejected };
  }
  return { expectation, refused };
}

/** The first expectation of a role not asked yet this clock round (a loop, not a closure: it runs every turn). */
function firstNotAsked(expected: readonly Expectation[], asked: readonly string[]): Expectation | undefined {
  for (const e of expected) if (!asked.includes(e.role)) return e;
  return undefined;
}
