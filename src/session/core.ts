import type { Scenario } from '../core/scenario.js';
import type { AgentView } from '../protocols/agent.js';
import type { BaseState } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { getProtocol } from '../protocols/index.js';
import type { ParleyProtocol } from '../protocols/protocol.js';
import type { Action, Expectation, NegotiationSetup } from '../protocols/types.js';
import { attempt, CLOCK_ROLE } from './attempt.js';
import { EVENT_LOG_VERSION, type EventLog, type LoggedAction } from './event-log.js';
import { ViewBook } from './views.js';

export interface SessionCoreOptions {
  readonly scenario: Scenario;
  /** A registered protocol's name, or a protocol. */
  readonly protocol: string | ParleyProtocol<BaseState>;
  readonly deadline: { readonly rounds?: number; readonly time?: number };
  readonly seed: number;
  /** The protocol's own options, checked against its schema when it starts. */
  readonly protocolOptions?: Readonly<Record<string, unknown>>;
  /** Recorded in the log header: how much time one clock round takes in a simulation (default 1). */
  readonly hoursPerRound?: number;
  /** Parties whose preferences mediators may see (none by default). */
  readonly revealToMediators?: readonly string[];
  /** Called with every event as it is logged, whatever its audience. */
  readonly onEvent?: (event: ProtocolEvent) => void;
}

/** What one action did: the events it caused, and why it was refused if it was. */
export interface Applied {
  readonly events: readonly ProtocolEvent[];
  readonly rejected?: string;
}

export function setupOf(
  scenario: Scenario,
  deadline: SessionCoreOptions['deadline'],
  seed: number,
  options?: Readonly<Record<string, unknown>>,
): NegotiationSetup {
  const setup = {
    domain: scenario.domain,
    parties: scenario.parties.map((p) => p.name),
    roles: scenario.roles,
    timeline: scenario.timeline,
    deadline,
    seed,
  };
  return options === undefined ? setup : { ...setup, options };
}

/**
 * One negotiation, driven from outside one step at a time: apply an action from any seat
 * and get its events; ask when the next tick is due and apply it then. It holds the
 * protocol state, the log and each seat's view, and decides nothing about time or turns:
 * the simulation runner drives it on a virtual clock, asking agents in turn; a live server
 * drives it on the wall clock, applying actions as they arrive.
 */
export class SessionCore {
  readonly protocol: ParleyProtocol<BaseState>;
  readonly setup: NegotiationSetup;
  private current: BaseState;
  private readonly events: ProtocolEvent[] = [];
  private readonly actions: LoggedAction[] = [];
  private readonly book: ViewBook;

  constructor(private readonly options: SessionCoreOptions) {
    this.protocol = typeof options.protocol === 'string' ? getProtocol(options.protocol) : options.protocol;
    this.setup = setupOf(options.scenario, options.deadline, options.seed, options.protocolOptions);
    this.book = new ViewBook(this.setup, options.scenario.parties, options.revealToMediators ?? []);
    const init = this.protocol.init(this.setup);
    this.current = init.state;
    this.record(init.events);
  }

  get state(): BaseState {
    return this.current;
  }

  get isOver(): boolean {
    return this.protocol.isOver(this.current);
  }

  /** What the protocol waits for now, seat by seat, in its order. */
  expected(): readonly Expectation[] {
    return this.protocol.expected(this.current);
  }

  /** What a seat may know now, for the move the protocol expects of it (`live`: see `ViewBook.view`). */
  view(expectation: Expectation, live = false): AgentView {
    return this.book.view(this.current, expectation, live);
  }

  /** Every event a seat may see so far, in order. */
  eventsOf(role: string): readonly ProtocolEvent[] {
    return this.book.eventsOf(role);
  }

  /** Applies one action by a seat; a refused one is logged too, as an `invalid-action` its side sees. */
  act(role: string, action: Action): Applied {
    const r = attempt(this.protocol, this.current, role, action);
    this.current = r.state;
    this.record(r.events);
    this.actions.push({ role, action, rejected: r.rejected, produced: r.events.length });
    return r.rejected === undefined ? { events: r.events } : { events: r.events, rejected: r.rejected };
  }

  /** When a tick would next change something, or null when none ever will (see `ParleyProtocol.nextDue`). */
  nextTickDue(): number | null {
    return this.protocol.nextDue(this.current);
  }

  /** Moves the session's clock to `now`, firing what is due. */
  tick(now: number): Applied {
    return this.act(CLOCK_ROLE, { kind: 'tick', now });
  }

  /** How many actions the protocol refused so far. */
  get rejectedActions(): number {
    return this.actions.filter((a) => a.rejected !== undefined).length;
  }

  /**
   * The full record so far: enough to replay and audit the session. `copy: false` hands over
   * the core's own lists, for a driver that is done with the core (a simulation's end).
   */
  log(copy = true): EventLog {
    const header = {
      type: 'header' as const,
      version: EVENT_LOG_VERSION,
      scenario: this.options.scenario.name,
      protocol: this.protocol.name,
      seed: this.options.seed,
      hoursPerRound: this.options.hoursPerRound ?? 1,
      setup: this.setup,
    };
    return copy
      ? { header, events: [...this.events], actions: [...this.actions] }
      : { header, events: this.events, actions: this.actions };
  }

  private record(list: readonly ProtocolEvent[]): void {
    for (const e of list) {
      this.events.push(e);
      this.book.record(e);
      this.options.onEvent?.(e);
    }
  }
}
