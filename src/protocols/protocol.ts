import { z } from 'zod';
import { ParleyError } from '../core/errors.js';
import type { EventKind, ProtocolEvent } from './events.js';
import {
  advanceClock,
  earliest,
  nextCommonDue,
  closeAtDeadline,
  EventSink,
  initBase,
  startedEvent,
  validateCommon,
  type BaseState,
} from './base.js';
import { applyClose, validateClose } from './moves/close.js';
import { checkSetup } from './setup-checks.js';
import type { Action, Expectation, InvalidAction, NegotiationSetup, Protocol } from './types.js';

/** The seats a protocol needs besides the parties' delegations; run planning seats them. */
export interface SeatNeeds {
  /** `required`: at least one mediator (planning adds one when the scenario names none). */
  readonly mediators: 'none' | 'required';
  /** Decision bodies ratify what their delegation accepted (each is seated with `principal`). */
  readonly decisionBodies: boolean;
  /** Working groups settle the details of their phase (each is seated with `working-group`). */
  readonly workingGroups: boolean;
}

/** What every protocol may emit, whatever its rules. */
export const COMMON_EVENT_KINDS: readonly EventKind[] = [
  'started',
  'outside-event',
  'deadline-moved',
  'deadline',
  'invalid-action',
  'closed',
];

/** Options of a protocol that has none: any given is an error. */
const NO_OPTIONS = z.strictObject({});

export type StepResult<S> =
  | { readonly ok: false; readonly error: InvalidAction }
  | { readonly ok: true; readonly state: S; readonly events: ProtocolEvent[] };

/** A parley protocol: the contract's reducer plus the pieces the runner and replay need. */
export interface ParleyProtocol<S extends BaseState = BaseState> extends Protocol<S, ProtocolEvent> {
  /** Records a refused action as an `invalid-action` event seen by the actor's side only. */
  reject(state: S, action: Action, error: InvalidAction): { state: S; events: ProtocolEvent[] };
  /** Validates, then applies. */
  step(state: S, action: Action): StepResult<S>;
  /**
   * The earliest time at which a tick would change something (an outside event fires, the
   * time deadline comes, a protocol's own timer runs out), or null when no tick ever will.
   * A driver on a real clock ticks then; the simulator ticks every clock round anyway.
   */
  nextDue(state: S): number | null;
  /** One line for the help and the docs. */
  readonly summary: string;
  readonly seats: SeatNeeds;
  /** Its options (`NegotiationSetup.options`), checked when it starts. */
  readonly options: z.ZodType;
  /** Every event kind it may emit, the common ones included. */
  readonly events: readonly EventKind[];
}

/** The actions a protocol's own rules judge: the clock and the convenor's close are handled for all. */
export type RuleAction = Exclude<Action, { kind: 'tick' | 'close' }>;

/** What one protocol adds to the shared clock, deadline and end handling. */
export interface ProtocolRules<S extends BaseState, O = Record<string, never>> {
  readonly name: string;
  readonly summary: string;
  readonly seats: SeatNeeds;
  /** Its options; none when absent. */
  readonly options?: z.ZodType<O>;
  /** The event kinds of its own rules (the common ones are added). */
  readonly events: readonly EventKind[];
  /** Protocol-specific state on top of the base (setup and options already checked). */
  init(base: BaseState, options: O): S;
  /** Checks a non-tick action on a running negotiation. */
  validate(state: S, action: RuleAction): InvalidAction | null;
  /** Applies a valid non-tick action. */
  apply(state: S, action: RuleAction, sink: EventSink): S;
  /** Runs after the clock moved and outside events fired, before the deadline check. */
  onTick?(state: S, sink: EventSink): S;
  /** When `onTick` next has something to do, if it has timers of its own. */
  nextDue?(state: S): number | null;
  /** The proposals some party accepted that lapse if the convenor closes the talks now (none when absent). */
  lapsesOnClose?(state: S): readonly string[];
  expected(state: S): readonly Expectation[];
}

/** The protocol's options from the setup, checked: a usage error names each bad one. */
function optionsOf<O>(name: string, schema: z.ZodType<O>, setup: NegotiationSetup): O {
  const parsed = schema.safeParse(setup.options ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new ParleyError('PARLEY_E_USAGE', `${name} options: ${problems.join('; ')}`);
}

export function defineProtocol<S extends BaseState, O = Record<string, never>>(
  rules: ProtocolRules<S, O>,
): ParleyProtocol<S> {
  const options = rules.options ?? (NO_OPTIONS as unknown as z.ZodType<O>);
  const protocol: ParleyProtocol<S> = {
    name: rules.name,
    summary: rules.summary,
    seats: rules.seats,
    options,
    events: [...COMMON_EVENT_KINDS, ...rules.events.filter((k) => !COMMON_EVENT_KINDS.includes(k))],
    init(setup: NegotiationSetup) {
      checkSetup(rules.name, setup, rules.seats.mediators === 'required');
      const chosen = optionsOf(rules.name, options, setup);
      const sink = new EventSink(setup, 0, 0);
      const base = initBase(rules.name, setup);
      const state = rules.init(base, chosen);
      sink.push(startedEvent(state));
      return { state: { ...state, seq: sink.next }, events: sink.events };
    },
    validate(state, action) {
      const common = validateCommon(state, action);
      if (common || action.kind === 'tick') return common;
      // Closing is the convenor's, the same in every protocol: the rules never see it.
      if (action.kind === 'close') return validateClose(state, action);
      return rules.validate(state, action);
    },
    apply(state, action) {
      const sink = new EventSink(state.setup, state.seq, state.now);
      let next: S;
      if (action.kind === 'tick') {
        next = advanceClock(state, action.now, sink);
        if (rules.onTick) next = rules.onTick(next, sink);
      } else if (action.kind === 'close') next = applyClose(state, action, rules.lapsesOnClose?.(state) ?? [], sink);
      else next = rules.apply(state, action, sink);
      next = closeAtDeadline(next, sink);
      // A state made during this step has not escaped yet, so it takes the new seq in place.
      if (next === state) return { state: { ...next, seq: sink.next }, events: sink.events };
      (next as { seq: number }).seq = sink.next;
      return { state: next, events: sink.events };
    },
    expected(state) {
      return state.end ? [] : rules.expected(state);
    },
    isOver(state) {
      return state.end !== null;
    },
    reject(state, action, error) {
      const sink = new EventSink(state.setup, state.seq, state.now);
      const actor = action.kind === 'tick' ? 'clock' : action.actor;
      sink.push({
        kind: 'invalid-action',
        actor,
        action: action.kind,
        reason: error.reason,
      });
      return { state: { ...state, seq: sink.next }, events: sink.events };
    },
    step(state, action) {
      const error = protocol.validate(state, action);
      if (error) return { ok: false, error };
      return { ok: true, ...protocol.apply(state, action) };
    },
    nextDue(state) {
      if (state.end) return null;
      return earliest([nextCommonDue(state), rules.nextDue?.(state) ?? null]);
    },
  };
  return protocol;
}
