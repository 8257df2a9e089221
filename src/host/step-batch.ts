/**
 * One batch of a live session's actions run through its protocol in memory, before the
 * commit: the lines to append, the answers and their JSON (kept for retries, and sent as they are).
 */
import type { BaseState } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import type { ParleyProtocol } from '../protocols/protocol.js';
import type { Action } from '../protocols/types.js';
import { attempt } from '../session/attempt.js';
import type { NewLine, SessionAppend } from '../store/store.js';
import { actionLine, eventLine, type ActionRecord } from './lines.js';

/** The answer to one action, stored with it and given again to a retry of the same id. */
export interface ActionAnswer {
  readonly actionId: string;
  readonly role: string;
  readonly accepted: boolean;
  /** Why the protocol refused it (the actor's side also sees an `invalid-action` event). */
  readonly reason?: string;
  /** The action's line in the log. */
  readonly line: number;
  /** Seqs of the events it caused. */
  readonly events: readonly number[];
}

/** An action's key among a session's answers: its role and its client-chosen id. */
export const actionKey = (role: string, actionId: string): string => `${role}\n${actionId}`;

/**
 * The answer to a logged action, from its record, its line and the seqs of the events it
 * caused: what the log alone gives for any action, so that a retry of its id is answered the
 * same way after a restart as right after the commit (same fields, same order, same JSON).
 */
export function answerOf(record: ActionRecord, line: number, events: readonly number[]): ActionAnswer {
  return {
    actionId: record.actionId,
    role: record.role,
    accepted: record.rejected === undefined,
    ...(record.rejected !== undefined ? { reason: record.rejected } : {}),
    line,
    events,
  };
}

/** A state snapshot is stored every this many log lines, so a long session restarts fast. */
export const SNAPSHOT_EVERY = 200;

/**
 * A state as its snapshot stores it: without the setup (domain, parties and their profiles,
 * timeline), which the log's header holds and `load` puts back. The setup is most of a
 * state's text, and it never changes in a session.
 */
function snapshotText(state: BaseState): string {
  return JSON.stringify({ ...state, setup: undefined });
}

export interface Waiting {
  readonly role: string;
  readonly actionId: string;
  readonly action: Action;
  /** Its key in `answering`, which it leaves when it is answered or fails. */
  readonly key: string;
  readonly resolve: (answer: ActionAnswer) => void;
  readonly reject: (error: unknown) => void;
}

/** A batch of actions stepped in memory, waiting for its commit. */
export interface Stepped {
  readonly state: BaseState;
  readonly waiting: readonly Waiting[];
  readonly answers: readonly ActionAnswer[];
  /** Each answer as JSON: kept for a retry, and the body of its ack. */
  readonly answerTexts: readonly string[];
  readonly events: readonly ProtocolEvent[];
  /** Each event's line text, `{"type":"event","event":…}`: stored (chained), kept, and its stream frame. */
  readonly eventTexts: readonly string[];
  readonly append: SessionAppend;
}

/**
 * Runs a batch through the protocol on a copy of the state, after the log's line `head`: the
 * lines to append and the answers. An action the protocol throws on goes to `fail`; the
 * others are answered, accepted or rejected, once the append commits.
 */
export function stepBatch(
  protocol: ParleyProtocol<BaseState>,
  from: BaseState,
  session: string,
  head: number,
  batch: readonly Waiting[],
  fail: (waiting: Waiting, error: unknown) => void,
): Stepped {
  let state = from;
  let seq = head;
  const lines: NewLine[] = [];
  const taken: Waiting[] = [];
  const answers: ActionAnswer[] = [];
  const answerTexts: string[] = [];
  const events: ProtocolEvent[] = [];
  const eventTexts: string[] = [];
  for (const waiting of batch) {
    const { role, actionId, action } = waiting;
    let r: ReturnType<typeof attempt<BaseState>>;
    try {
      r = attempt(protocol, state, role, action);
    } catch (e) {
      fail(waiting, e);
      continue;
    }
    const record: ActionRecord = { role, action, rejected: r.rejected, produced: r.events.length, actionId };
    const answer = answerOf(
      record,
      seq + 1,
      r.events.map((e) => e.seq),
    );
    lines.push(actionLine(record));
    for (const event of r.events) {
      const line = eventLine(event);
      lines.push(line);
      events.push(event);
      eventTexts.push(line.text);
    }
    seq += 1 + r.events.length;
    state = r.state;
    taken.push(waiting);
    answers.push(answer);
    answerTexts.push(JSON.stringify(answer));
  }
  const snapshot =
    Math.floor(seq / SNAPSHOT_EVERY) > Math.floor(head / SNAPSHOT_EVERY)
      ? { snapshot: { seq, state: snapshotText(state) } }
      : {};
  const append: SessionAppend = { session, after: head, lines, ...snapshot };
  return { state, waiting: taken, answers, answerTexts, events, eventTexts, append };
}
