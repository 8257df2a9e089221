import { issueByName, outcomeProblems, type Domain, type Outcome } from '../core/domain.js';
import { isValueOf } from '../core/issue.js';
import type { Effect } from '../core/timeline.js';
import { audienceOf, type UnaddressedEvent } from './audience.js';
import type { EndReason, ProtocolEvent } from './events.js';
import type { Action, InvalidAction, NegotiationSetup } from './types.js';

export interface Deadline {
  readonly rounds?: number;
  readonly time?: number;
}

export interface Ending {
  readonly reason: EndReason;
  readonly at: number;
  readonly round: number;
  readonly proposal?: string;
  readonly outcome?: Outcome;
  readonly by?: string;
}

/** What every protocol state holds: the public setup, the clock, fired effects and the end. */
export interface BaseState {
  readonly protocol: string;
  readonly setup: NegotiationSetup;
  readonly seq: number;
  readonly now: number;
  /** Completed rounds: turns of every party. */
  readonly round: number;
  readonly deadline: Deadline;
  /** Ids of outside events fired so far, in firing order. */
  readonly fired: readonly string[];
  readonly effects: readonly Effect[];
  readonly end: Ending | null;
}

/**
 * Collects events for one step, giving each its audience (`audienceOf`), seq and time;
 * local to a pure function call. Emit sites never choose an audience themselves.
 */
export class EventSink {
  /** Made at the first event, holding just it: most steps emit one event or none, and `[]` grows to 17 slots at its first push. */
  private list: ProtocolEvent[] | null = null;
  constructor(
    private readonly setup: NegotiationSetup,
    private seq: number,
    /** Time stamped on the next events; the clock moves it forward during a tick. */
    public at: number,
  ) {}
  /** Kind and audience lead, as in every log line written so far. */
  push(draft: UnaddressedEvent): void {
    const audience = audienceOf(draft, this.setup);
    const event = Object.assign({ kind: draft.kind, audience }, draft, { seq: this.seq++, at: this.at });
    if (this.list === null) this.list = [event as ProtocolEvent];
    else this.list.push(event as ProtocolEvent);
  }
  /** The events pushed so far, in order. */
  get events(): ProtocolEvent[] {
    return (this.list ??= []);
  }
  get next(): number {
    return this.seq;
  }
}

export function invalid(reason: string): InvalidAction {
  return { code: 'PARLEY_E_INVALID_ACTION', reason };
}

export function initBase(protocol: string, setup: NegotiationSetup): BaseState {
  return {
    protocol,
    setup,
    seq: 0,
    now: 0,
    round: 0,
    deadline: { ...setup.deadline },
    fired: [],
    effects: [],
    end: null,
  };
}

export function startedEvent(state: BaseState): UnaddressedEvent {
  return {
    kind: 'started',
    protocol: state.protocol,
    parties: state.setup.parties,
    deadline: state.deadline,
  };
}

/** Checks every protocol shares: the end, the clock. Null means "go on checking". */
export function validateCommon(state: BaseState, action: Action): InvalidAction | null {
  if (state.end)
    return invalid(
      `the negotiation is over (${state.end.reason} at time ${state.end.at}, round ${state.end.round}); no ${action.kind} is possible`,
    );
  if (action.kind === 'tick') {
    if (!Number.isFinite(action.now)) return invalid(`tick needs a finite time, got ${String(action.now)}`);
    if (action.now < state.now)
      return invalid(`time cannot run backwards: tick to ${action.now} but it is already ${state.now}`);
  }
  return null;
}

export function outcomeError(domain: Domain, outcome: Outcome, what: string): InvalidAction | null {
  const problems = outcomeProblems(domain, outcome);
  return problems.length === 0
    ? null
    : invalid(`${what} is not an outcome of domain "${domain.name}": ${problems.join('; ')}`);
}

/** Partial packages (amendments, details): known issues, legal values, allowed issues only. */
export function packageError(
  domain: Domain,
  pkg: Outcome,
  allowed: readonly string[] | null,
  what: string,
): InvalidAction | null {
  const keys = Object.keys(pkg);
  if (keys.length === 0) return invalid(`${what} names no issue`);
  const problems: string[] = [];
  for (const key of keys) {
    const issue = issueByName(domain, key);
    if (!issue) problems.push(`"${key}" is not an issue of the domain`);
    else if (allowed && !allowed.includes(key))
      problems.push(`issue "${key}" is outside what may be changed here (${allowed.join(', ')})`);
    else if (!isValueOf(issue, pkg[key]!)) problems.push(`"${String(pkg[key])}" is not a value of issue "${key}"`);
  }
  return problems.length === 0
    ? null
    : invalid(`${what} is not valid in domain "${domain.name}": ${problems.join('; ')}`);
}

/**
 * Moves the clock to `now` and fires due outside events in time order, recording their
 * effects. Deadline effects move the time deadline (or, with none, the round deadline).
 */
export function advanceClock<S extends BaseState>(state: S, now: number, sink: EventSink): S {
  let s: S = { ...state, now };
  sink.at = now;
  if (s.setup.timeline.length === 0) return s;
  const due = s.setup.timeline
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.at <= now && !s.fired.includes(e.id))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  for (const { e } of due) {
    s = { ...s, fired: [...s.fired, e.id], effects: [...s.effects, ...e.effects] };
    sink.push({
      kind: 'outside-event',
      id: e.id,
      title: e.title,
      description: e.description,
      effects: e.effects,
    });
    for (const effect of e.effects) {
      if (effect.kind !== 'deadline') continue;
      s = { ...s, deadline: movedDeadline(s.deadline, effect.delta) };
      sink.push({ kind: 'deadline-moved', deadline: s.deadline, cause: e.id });
    }
  }
  return s;
}

function movedDeadline(d: Deadline, delta: number): Deadline {
  if (d.time !== undefined) return { ...d, time: d.time + delta };
  if (d.rounds !== undefined) return { ...d, rounds: Math.max(0, d.rounds + Math.round(delta)) };
  return d;
}

export function deadlineReached(state: BaseState): boolean {
  const { rounds, time } = state.deadline;
  return (rounds !== undefined && state.round >= rounds) || (time !== undefined && state.now >= time);
}

/** Ends the talks at the deadline if it has come and nothing else ended them. */
export function closeAtDeadline<S extends BaseState>(state: S, sink: EventSink): S {
  if (state.end || !deadlineReached(state)) return state;
  sink.push({ kind: 'deadline', round: state.round, now: state.now });
  return { ...state, end: { reason: 'deadline', at: state.now, round: state.round } };
}

export function endWith<S extends BaseState>(state: S, ending: Omit<Ending, 'at' | 'round'>): S {
  return { ...state, end: { ...ending, at: state.now, round: state.round } };
}

/** The next unfired outside event or the time deadline, whichever comes first. */
export function nextCommonDue(state: BaseState): number | null {
  const pending = state.setup.timeline.filter((e) => !state.fired.includes(e.id)).map((e) => e.at);
  return earliest([...pending, state.deadline.time ?? null]);
}

export function earliest(times: readonly (number | null)[]): number | null {
  let first: number | null = null;
  for (const t of times) if (t !== null && (first === null || t < first)) first = t;
  return first;
}

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The smallest time after `t`: when a rule that fires only once `now > t` is first due. */
export function justAfter(t: number): number {
  if (t === 0) return Number.MIN_VALUE;
  bits[0] = t;
  word[0]! += t > 0 ? 1n : -1n;
  return bits[0]!;
}

/** Fraction of the deadline used, 0..1. */
export function progressOf(state: BaseState): number {
  const { rounds, time } = state.deadline;
  const byRounds = rounds !== undefined && rounds > 0 ? state.round / rounds : 0;
  const byTime = time !== undefined && time > 0 ? state.now / time : 0;
  return Math.min(1, Math.max(0, byRounds, byTime));
}
