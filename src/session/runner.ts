import { ParleyError } from '../core/errors.js';
import type { Scenario } from '../core/scenario.js';
import type { BaseState } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { getProtocol } from '../protocols/index.js';
import type { ParleyProtocol } from '../protocols/protocol.js';
import type { Action, Expectation, NegotiationSetup } from '../protocols/types.js';
import type { Agent } from '../protocols/agent.js';
import { attempt, CLOCK_ROLE } from './attempt.js';
import { VirtualClock } from './clock.js';
import { EVENT_LOG_VERSION, type EventLog, type LoggedAction } from './event-log.js';
import { summarise, type AnalysisChoice, type NegotiationResult } from './result.js';
import { actingRoles, ViewBook } from './views.js';

export interface SessionOptions {
  readonly scenario: Scenario;
  /** A protocol name (`saop`, `single-text`, `shuttle`) or a protocol. */
  readonly protocol: string | ParleyProtocol<BaseState>;
  /** One per acting role; a role without an agent always waits. */
  readonly agents: readonly Agent[];
  readonly deadline: { readonly rounds?: number; readonly time?: number };
  readonly seed: number;
  /** Virtual hours a round of the clock takes (default: the scenario's, else 1). */
  readonly hoursPerRound?: number;
  /** Called with every event as it is logged, whatever its audience. */
  readonly onEvent?: (event: ProtocolEvent) => void;
  /** Invalid attempts a role may make in a row before it is taken to wait (default 3). */
  readonly maxRetries?: number;
  /** Clock rounds before the runner gives up on a run that never ends (default 10,000). */
  readonly maxPasses?: number;
  /** Parties whose preferences mediators may see (none by default). */
  readonly revealToMediators?: readonly string[];
  readonly analysis?: AnalysisChoice;
  /** Seconds for the analysis behind the distances (default 10). */
  readonly analysisTimeLimit?: number;
}

export interface SessionResult {
  readonly result: NegotiationResult;
  readonly log: EventLog;
  readonly state: BaseState;
}

export function setupOf(scenario: Scenario, deadline: SessionOptions['deadline'], seed: number): NegotiationSetup {
  return {
    domain: scenario.domain,
    parties: scenario.parties.map((p) => p.name),
    roles: scenario.roles,
    timeline: scenario.timeline,
    deadline,
    seed,
  };
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
 * Runs one negotiation on a virtual clock. Each clock round, every role the protocol
 * waits for is asked once, in the protocol's order (roles that become expected during the
 * round are asked too); then time moves on by `hoursPerRound` and due outside events fire.
 */
export function runSession(options: SessionOptions): SessionResult {
  const protocol = typeof options.protocol === 'string' ? getProtocol(options.protocol) : options.protocol;
  const hoursPerRound = options.hoursPerRound ?? options.scenario.simulation?.hoursPerRound ?? 1;
  if (!(hoursPerRound > 0))
    throw new ParleyError('PARLEY_E_USAGE', `hoursPerRound must be positive, got ${hoursPerRound}`);
  const setup = setupOf(options.scenario, options.deadline, options.seed);
  const agents = agentsByRole(setup, options.agents);
  const book = new ViewBook(setup, options.scenario.parties, options.revealToMediators ?? []);
  const events: ProtocolEvent[] = [];
  const actions: LoggedAction[] = [];
  const record = (list: readonly ProtocolEvent[]) => {
    for (const e of list) {
      events.push(e);
      book.record(e);
      options.onEvent?.(e);
    }
  };
  const init = protocol.init(setup);
  let state = init.state;
  record(init.events);
  const act = (role: string, action: Action): boolean => {
    const r = attempt(protocol, state, role, action);
    state = r.state;
    record(r.events);
    actions.push({ role, action, rejected: r.rejected, produced: r.events.length });
    return r.rejected === undefined;
  };
  const ask = (agent: Agent, expectation: Expectation) => {
    for (let tries = 0; tries <= (options.maxRetries ?? 3); tries++) {
      const action = agent.act(book.view(state, expectation));
      if (action === null || act(agent.role, action)) return;
    }
  };
  const clock = new VirtualClock(0);
  const maxPasses = options.maxPasses ?? 10_000;
  for (let pass = 0; pass < maxPasses && !protocol.isOver(state); pass++) {
    const asked = new Set<string>();
    for (;;) {
      const next = firstNotAsked(protocol.expected(state), asked);
      if (!next || protocol.isOver(state)) break;
      asked.add(next.role);
      const agent = agents.get(next.role);
      if (agent) ask(agent, next);
    }
    if (!protocol.isOver(state)) act(CLOCK_ROLE, { kind: 'tick', now: clock.advance(hoursPerRound) });
  }
  const header = {
    type: 'header' as const,
    version: EVENT_LOG_VERSION,
    scenario: options.scenario.name,
    protocol: protocol.name,
    seed: options.seed,
    hoursPerRound,
    setup,
  };
  const result = summarise({
    scenario: options.scenario,
    state,
    events,
    rejectedActions: actions.filter((a) => a.rejected !== undefined).length,
    analysis: options.analysis ?? 'auto',
    analysisTimeLimit: options.analysisTimeLimit ?? 10,
  });
  return { result, log: { header, events, actions }, state };
}

/** The first expectation of a role not asked yet this clock round (a loop, not a closure: it runs every turn). */
function firstNotAsked(expected: readonly Expectation[], asked: ReadonlySet<string>): Expectation | undefined {
  for (const e of expected) if (!asked.has(e.role)) return e;
  return undefined;
}
