import { expect } from 'vitest';
import type { BaseState } from '../../../src/protocols/base.js';
import type { ProtocolEvent } from '../../../src/protocols/events.js';
import type { ParleyProtocol } from '../../../src/protocols/protocol.js';
import type { Action, NegotiationSetup } from '../../../src/protocols/types.js';

export interface Run<S> {
  state: S;
  events: ProtocolEvent[];
}

/** Starts a protocol and applies actions that must all be valid. */
export function drive<S extends BaseState>(
  protocol: ParleyProtocol<S>,
  setup: NegotiationSetup,
  actions: readonly Action[],
): Run<S> {
  const init = protocol.init(setup);
  return continueRun(protocol, { state: init.state, events: [...init.events] }, actions);
}

export function continueRun<S extends BaseState>(
  protocol: ParleyProtocol<S>,
  run: Run<S>,
  actions: readonly Action[],
): Run<S> {
  let { state } = run;
  const events = [...run.events];
  for (const action of actions) {
    const r = protocol.step(state, action);
    if (!r.ok) throw new Error(`unexpectedly refused ${action.kind}: ${r.error.reason}`);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

/** Asserts the action is refused with a reason matching `reason`, and that nothing changed. */
export function expectRefused<S extends BaseState>(
  protocol: ParleyProtocol<S>,
  state: S,
  action: Action,
  reason: RegExp,
): void {
  const r = protocol.step(state, action);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe('PARLEY_E_INVALID_ACTION');
    expect(r.error.reason).toMatch(reason);
  }
}

export function kinds(events: readonly ProtocolEvent[]): string[] {
  return events.map((e) => e.kind);
}

export function last<K extends ProtocolEvent['kind']>(
  events: readonly ProtocolEvent[],
  kind: K,
): Extract<ProtocolEvent, { kind: K }> {
  const found = [...events].reverse().find((e) => e.kind === kind);
  if (!found) throw new Error(`no ${kind} event`);
  return found as Extract<ProtocolEvent, { kind: K }>;
}
