import { ParleyError } from '../core/errors.js';
import type { BaseState } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { getProtocol } from '../protocols/index.js';
import type { ParleyProtocol } from '../protocols/protocol.js';
import type { Action, Expectation } from '../protocols/types.js';
import type { AgentView } from '../protocols/agent.js';
import { attempt } from '../session/attempt.js';
import type { LogHeader } from '../session/event-log.js';
import type { RunPlan } from '../session/plan.js';
import { ViewBook } from '../session/views.js';
import type { EventStore, StoredLine } from '../store/store.js';
import { actionLine, eventLine, parseLine, type ActionRecord } from './lines.js';
import type { SessionSpec } from './spec.js';

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

/** A state snapshot is stored every this many log lines, so a long session restarts fast. */
export const SNAPSHOT_EVERY = 200;

export type Listener = (events: readonly ProtocolEvent[]) => void;

/**
 * One hosted negotiation in memory: the protocol state folded from the stored log, the
 * full event list, and each acting role's view. Every change goes through the store first;
 * memory follows only what has been committed.
 */
export class LiveSession {
  readonly protocol: ParleyProtocol<BaseState>;
  readonly book: ViewBook;
  state: BaseState;
  readonly events: ProtocolEvent[] = [];
  readonly records: ActionRecord[] = [];
  headSeq = -1;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  /** Called after every committed change (bots and the clock look again). */
  onChange: () => void = () => undefined;
  released: boolean;

  private constructor(
    private readonly store: EventStore,
    readonly id: string,
    readonly spec: SessionSpec,
    readonly plan: RunPlan,
    readonly header: LogHeader,
    readonly startedAt: number,
    released: boolean,
  ) {
    this.protocol = getProtocol(header.protocol);
    this.state = this.protocol.init(header.setup).state;
    this.book = new ViewBook(header.setup, plan.scenario.parties, []);
    this.released = released;
  }

  /** Rebuilds a session from its stored log, starting from the latest snapshot. */
  static async load(store: EventStore, id: string, planOf: (spec: SessionSpec) => RunPlan): Promise<LiveSession> {
    const row = await store.session(id);
    if (!row) throw new ParleyError('PARLEY_E_NOT_FOUND', `no session ${id}`);
    const spec = JSON.parse(row.spec) as SessionSpec;
    const lines = await store.lines(id);
    const first = lines[0] && parseLine(lines[0]);
    if (first?.type !== 'header') throw new ParleyError('PARLEY_E_INTERNAL', `session ${id} has no log header`);
    const live = new LiveSession(store, id, spec, planOf(spec), first.header, row.startedAt, row.released);
    const snapshot = await store.latestSnapshot(id);
    if (snapshot) live.state = { ...(JSON.parse(snapshot.state) as BaseState), setup: first.header.setup };
    live.applyLines(lines, snapshot?.seq ?? 0, false);
    return live;
  }

  get hoursPerRound(): number {
    return this.header.hoursPerRound;
  }

  get timeScale(): number {
    return this.spec.timeScale;
  }

  isOver(): boolean {
    return this.protocol.isOver(this.state);
  }

  expected(): readonly Expectation[] {
    return this.protocol.expected(this.state);
  }

  /** What a `parley run` agent of this role would be given now. */
  agentView(expectation: Expectation): AgentView {
    return this.book.view(this.state, expectation);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Applies one action of `role` exactly once per `actionId`: checked by the protocol, its
   * lines committed in one transaction, and only then answered and broadcast. A retry of
   * a known id returns the first answer and changes nothing.
   */
  act(role: string, actionId: string, action: Action): Promise<ActionAnswer> {
    return this.serial(async () => {
      const done = await this.store.write(this.id, async (w) => {
        const head = await w.head();
        if (head.seq !== this.headSeq) this.applyLines(await w.linesAfter(this.headSeq), this.headSeq, true);
        const found = await w.findAction(role, actionId);
        if (found) return { answer: JSON.parse(found.response) as ActionAnswer };
        const r = attempt(this.protocol, this.state, role, action);
        const record: ActionRecord = { role, action, rejected: r.rejected, produced: r.events.length, actionId };
        const answer: ActionAnswer = {
          actionId,
          role,
          accepted: r.rejected === undefined,
          ...(r.rejected !== undefined ? { reason: r.rejected } : {}),
          line: this.headSeq + 1,
          events: r.events.map((e) => e.seq),
        };
        const stored = await w.append([actionLine(record), ...r.events.map(eventLine)], {
          role,
          actionId,
          response: JSON.stringify(answer),
        });
        const last = stored[stored.length - 1]!.seq;
        if (Math.floor(last / SNAPSHOT_EVERY) > Math.floor(this.headSeq / SNAPSHOT_EVERY))
          await w.snapshot(last, JSON.stringify(r.state));
        return { answer, commit: { stored, state: r.state, events: r.events, record } };
      });
      if (done.commit) {
        const { stored, state, events, record } = done.commit;
        this.state = state;
        this.headSeq = stored[stored.length - 1]!.seq;
        this.records.push(record);
        for (const e of events) this.recordEvent(e);
        this.emit(events);
      }
      return done.answer;
    });
  }

  /** Takes in lines another instance committed (PostgreSQL fan-out). */
  catchUp(): Promise<void> {
    return this.serial(async () => {
      const lines = await this.store.lines(this.id, this.headSeq);
      this.applyLines(lines, this.headSeq, true);
    });
  }

  /**
   * Folds stored lines into memory. Actions after `stateFrom` run through the protocol and
   * must meet the fate they were logged with; events are taken as logged.
   */
  private applyLines(lines: readonly StoredLine[], stateFrom: number, broadcast: boolean): void {
    const fresh: ProtocolEvent[] = [];
    for (const line of lines) {
      if (line.seq <= this.headSeq) continue;
      const parsed = parseLine(line);
      if (parsed.type === 'event') {
        this.recordEvent(parsed.event);
        fresh.push(parsed.event);
      } else if (parsed.type === 'action') {
        this.records.push(parsed.record);
        if (line.seq > stateFrom) this.state = this.replayAction(parsed.record, line.seq);
      }
      this.headSeq = line.seq;
    }
    if (broadcast && fresh.length > 0) this.emit(fresh);
  }

  private replayAction(record: ActionRecord, seq: number): BaseState {
    const r = attempt(this.protocol, this.state, record.role, record.action);
    if (r.rejected !== record.rejected)
      throw new ParleyError(
        'PARLEY_E_INTERNAL',
        `session ${this.id}: line ${seq} (${record.action.kind} by ${record.role}) replays ${r.rejected === undefined ? 'accepted' : 'refused'}, logged ${record.rejected === undefined ? 'accepted' : 'refused'}`,
      );
    return r.state;
  }

  private recordEvent(event: ProtocolEvent): void {
    this.events.push(event);
    this.book.record(event);
  }

  private emit(events: readonly ProtocolEvent[]): void {
    for (const listener of this.listeners) listener(events);
    this.onChange();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
