import type { ProtocolEvent } from './events.js';
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
import type { Action, Expectation, InvalidAction, NegotiationSetup, Protocol } from './types.js';

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
}

/** What one protocol adds to the shared clock, deadline and end handling. */
export interface ProtocolRules<S extends BaseState> {
  readonly name: string;
  /** Protocol-specific state on top of the base (setup already checked). */
  init(base: BaseState): S;
  /** Checks a non-tick action on a running negotiation. */
  validate(state: S, action: Exclude<Action, { kind: 'tick' }>): InvalidAction | null;
  /** Applies a valid non-tick action. */
  apply(state: S, action: Exclude<Action, { kind: 'tick' }>, sink: EventSink): S;
  /** Runs after the clock moved and outside events fired, before the deadline check. */
  onTick?(state: S, sink: EventSink): S;
  /** When `onTick` next has something to do, if it has timers of its own. */
  nextDue?(state: S): number | null;
  expected(state: S): readonly Expectation[];
}

export function defineProtocol<S extends BaseState>(rules: ProtocolRules<S>): ParleyProtocol<S> {
  const protocol: ParleyProtocol<S> = {
    name: rules.name,
    init(setup: NegotiationSetup) {
      const sink = new EventSink(setup, 0, 0);
      const base = initBase(rules.name, setup);
      const state = rules.init(base);
      sink.push(startedEvent(state));
      return { state: { ...state, seq: sink.next }, events: sink.events };
    },
    validate(state, action) {
      const common = validateCommon(state, action);
      if (common || action.kind === 'tick') return common;
      return rules.validate(state, action);
    },
    apply(state, action) {
      const sink = new EventSink(state.setup, state.seq, state.now);
      let next: S;
      if (action.kind === 'tick') {
        next = advanceClock(state, action.now, sink);
        if (rules.onTick) next = rules.onTick(next, sink);
      } else next = rules.apply(state, action, sink);
      next = closeAtDeadline(next, sink);
      // A state made during this step has not escaped yet, so it takes the new seq in place.
      const stamped = next === state ? { ...next, seq: sink.next } : Object.assign(next, { seq: sink.next });
      return { state: stamped, events: sink.events };
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
