import { ParleyError } from '../core/errors.js';
import type { ProtocolEvent } from '../protocols/events.js';
import type { Expectation } from '../protocols/types.js';
import { filterEvents, type Viewer } from '../protocols/visibility.js';
import { seatOf } from '../session/views.js';
import { wallTimeOf } from './clock.js';
import { CONVENOR } from './host.js';
import type { LiveSession } from './live-session.js';

/** Who a seat is, as visibility judges it: the convenor audits, every other seat is its role. */
export function viewerOf(live: LiveSession, role: string): Viewer {
  return role === CONVENOR ? { kind: 'auditor' } : seatOf(live.header.setup, role).viewer;
}

/**
 * The events a seat may see, after `after`: the one visibility filter over the log, which
 * for an acting role is the very list a `parley run` agent of that role gets (the ViewBook
 * applies the same filter event by event).
 */
export function visibleEvents(live: LiveSession, role: string, after = -1): ProtocolEvent[] {
  const all = filterEvents(live.events, viewerOf(live, role));
  let i = all.length;
  while (i > 0 && all[i - 1]!.seq > after) i--;
  return all.slice(i);
}

const iso = (ms: number) => new Date(ms).toISOString();

interface ExpectedNow {
  readonly expected: readonly (Expectation & { readonly until: string | null })[];
  readonly nextTickAt: string | null;
}

/** Every expectation with its wall-clock deadline, and the next tick: worked out once per state. */
function expectedNow(live: LiveSession): ExpectedNow {
  return live.memo('expected-until', () => {
    const toWall = (hours: number) => iso(wallTimeOf(live.startedAt, live.timeScale, hours));
    const { state } = live;
    const until = state.deadline.time !== undefined ? toWall(state.deadline.time) : null;
    const due = live.nextDue();
    return { expected: live.expected().map((e) => ({ ...e, until })), nextTickAt: due === null ? null : toWall(due) };
  });
}

/** Whose move it is and until when: a seat learns only its own expectations, the convenor all. */
export function expectedFor(live: LiveSession, role: string) {
  const { expected, nextTickAt } = expectedNow(live);
  return {
    expected: role === CONVENOR ? expected.slice() : expected.filter((e) => e.role === role),
    nextTickAt,
  };
}

/**
 * The stream's `expected` message for a seat, as JSON: made once per state and seat however
 * many of its sockets are open (every socket of a session is sent one after each commit).
 */
export function expectedFrame(live: LiveSession, role: string): string {
  const frames = live.memo('expected-frames', () => new Map<string, string>());
  let frame = frames.get(role);
  if (frame === undefined) {
    const { now, round } = live.state;
    frame = JSON.stringify({ type: 'expected', now, round, over: live.isOver(), ...expectedFor(live, role) });
    frames.set(role, frame);
  }
  return frame;
}

/** A seat's view now: its events, its own expectations, the clock and (for a party) its own preferences. */
export function seatView(live: LiveSession, role: string) {
  const { state } = live;
  const seat = role === CONVENOR ? null : seatOf(live.header.setup, role);
  const self = seat?.party !== undefined ? live.agentView({ role, may: [] }).self : undefined;
  return {
    session: live.id,
    role,
    kind: seat?.kind ?? CONVENOR,
    ...(seat?.party !== undefined ? { party: seat.party } : {}),
    protocol: live.header.protocol,
    now: state.now,
    round: state.round,
    deadline: state.deadline,
    over: live.isOver(),
    ...expectedFor(live, role),
    ...(self ? { self } : {}),
    events: visibleEvents(live, role),
  };
}

/** What every seat may know about the session: its public structure, never the timeline ahead. */
export function sessionInfo(live: LiveSession, role: string) {
  const { setup } = live.header;
  return {
    id: live.id,
    scenario: live.header.scenario,
    title: live.plan.scenario.title ?? live.plan.scenario.name,
    protocol: live.header.protocol,
    seed: role === CONVENOR ? live.header.seed : undefined,
    domain: setup.domain,
    parties: setup.parties,
    roles: setup.roles,
    hoursPerRound: live.hoursPerRound,
    timeScale: live.timeScale,
    startedAt: iso(live.startedAt),
    you: role,
    ...(role === CONVENOR ? { timeline: setup.timeline } : {}),
  };
}

export function requireOver(live: LiveSession): void {
  if (!live.isOver())
    throw new ParleyError('PARLEY_E_CONFLICT', 'the session has not ended yet; results come at the end');
}
