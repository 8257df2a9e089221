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
import { nextDue } from './clock.js';
import { eventText, parseLine, type ActionRecord } from './lines.js';
import { actingSeats, type SessionSpec } from './spec.js';
import { actionKey, answerOf, stepBatch, type ActionAnswer, type Stepped, type Waiting } from './step-batch.js';

export type { ActionAnswer } from './step-batch.js';

/**
 * Told of every committed change: its events and the answers of the actions committed with
 * them (none for lines taken from the log), before any caller of `act` is, with each event
 * and answer as JSON (`eventTexts[i]` is `{"type":"event","event":…}` of `events[i]`,
 * `answerTexts[i]` the JSON of `answers[i]`), made once for the store and reused by every
 * stream. A socket can so send its seat's events and its acks in one write as soon as the
 * session's commit is taken, instead of waiting for the answers' promises, which settle
 * only after every session of the same group commit has been taken.
 */
export type Listener = (
  events: readonly ProtocolEvent[],
  answers: readonly ActionAnswer[],
  eventTexts: readonly string[],
  answerTexts: readonly string[],
) => void;

/** The header of a session's log: its first line. */
function headerOf(id: string, lines: readonly StoredLine[]): LogHeader {
  const first = lines[0] && parseLine(lines[0]);
  if (first?.type !== 'header') throw new ParleyError('PARLEY_E_INTERNAL', `session ${id} has no log header`);
  return first.header;
}

/**
 * One hosted negotiation in memory: the protocol state folded from the stored log, the
 * full event list, and each acting role's view. Every change goes through the store first;
 * memory follows only what has been committed.
 */
export class LiveSession {
  readonly protocol: ParleyProtocol<BaseState>;
  state: BaseState;
  /**
   * Each event's log line, in order, parsed again only when read: events live as long as the
   * session, and one string each (already made for the store) costs the young-generation
   * collector a fraction of what an object graph does under load. Lines read from the store
   * carry their `prev`; lines this instance committed are kept as it made them, without.
   */
  private readonly eventLines: string[] = [];
  /** Each role's view, made on first use (bots, GeniusWeb parties, a seat's preferences) and then kept up. */
  private viewBook: ViewBook | null = null;
  headSeq = -1;
  private chain: Promise<unknown> = Promise.resolve();
  /** Actions not yet in an append, in arrival order. */
  private waiting: Waiting[] = [];
  private flushQueued = false;
  private committing = false;
  /** Actions waiting or committing, by `role\nactionId`: a second copy gets the first one's answer. */
  private readonly answering = new Map<string, Promise<ActionAnswer>>();
  /**
   * The answer of every logged action, by `role\nactionId`, as JSON: a retry of a logged id
   * is answered from here, before it is stepped. Made from the log when the session is
   * loaded and kept up with every commit, so it holds every id up to the head; what another
   * instance commits moves the head, and the conflict reads its lines (and ids) in. This,
   * with the head check, is what applies an action once per id: the store keeps no second
   * index of them.
   */
  private readonly answered = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  /** The roles that act (the plan's seats and a mediated protocol's mediators), looked up for every action. */
  private readonly acting: ReadonlySet<string>;
  /** Called after every committed change (bots and the clock look again). */
  onChange: () => void = () => undefined;
  /** Called when the last stream stops following the session (an ended one may then leave memory). */
  onUnfollowed: () => void = () => undefined;
  /** What `memo` computed for the state it was computed on. */
  private memoState: BaseState | null = null;
  private readonly memos = new Map<string, unknown>();
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
    this.released = released;
    this.acting = new Set(actingSeats(plan).map((s) => s.role));
  }

  /** Rebuilds a session from its stored log, starting from the latest snapshot. */
  static async load(store: EventStore, id: string, planOf: (spec: SessionSpec) => RunPlan): Promise<LiveSession> {
    const row = await store.session(id);
    if (!row) throw new ParleyError('PARLEY_E_NOT_FOUND', `no session ${id}`);
    const spec = JSON.parse(row.spec) as SessionSpec;
    const lines = await store.lines(id);
    const header = headerOf(id, lines);
    const live = new LiveSession(store, id, spec, planOf(spec), header, row.startedAt, row.released);
    const snapshot = await store.latestSnapshot(id);
    if (snapshot) live.state = { ...(JSON.parse(snapshot.state) as BaseState), setup: header.setup };
    live.applyLines(lines, snapshot?.seq ?? 0, false);
    return live;
  }

  /**
   * A session just created, from what its creator holds: the lines it stored (the header and
   * the protocol's first events) and the plan it made from `spec`, so that nothing is read
   * back. The header is taken from its stored line, as `load` takes it.
   */
  static created(
    store: EventStore,
    id: string,
    spec: SessionSpec,
    plan: RunPlan,
    startedAt: number,
    lines: readonly StoredLine[],
  ): LiveSession {
    const live = new LiveSession(store, id, spec, plan, headerOf(id, lines), startedAt, false);
    live.applyLines(lines, 0, false);
    return live;
  }

  /**
   * The logged actions up to the head in memory, read from the store: memory keeps a
   * session's events (streams and views read them) but not its actions, which only the
   * end-of-session reports need. The head is taken when this is called, so the actions
   * match the events in memory at that moment.
   */
  async loggedActions(): Promise<ActionRecord[]> {
    const head = this.headSeq;
    const actions: ActionRecord[] = [];
    for (const line of await this.store.lines(this.id)) {
      if (line.seq > head) break;
      if (line.type !== 'action') continue;
      const parsed = parseLine(line);
      if (parsed.type === 'action') actions.push(parsed.record);
    }
    return actions;
  }

  /** Every event of the log so far, parsed afresh (a caller may keep or change the list). */
  get events(): ProtocolEvent[] {
    return this.eventLines.map((line) => (JSON.parse(line) as { event: ProtocolEvent }).event);
  }

  /** How many events the log holds. */
  get eventCount(): number {
    return this.eventLines.length;
  }

  /** The events each acting role has seen, as \`parley run\` hands them to its agents. */
  get book(): ViewBook {
    if (!this.viewBook) {
      this.viewBook = new ViewBook(this.header.setup, this.plan.scenario.parties, []);
      for (const event of this.events) this.viewBook.record(event);
    }
    return this.viewBook;
  }

  /** Whether `role` is a seat that acts in this session (others only read). */
  acts(role: string): boolean {
    return this.acting.has(role);
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

  /** Whose move it is (worked out once per state: the streams, the bots and the clock all ask). */
  expected(): readonly Expectation[] {
    return this.memo('expected', () => this.protocol.expected(this.state));
  }

  /** When the clock must next tick, in scenario hours (see `nextDue`); null once the talks are over. */
  nextDue(): number | null {
    return this.memo('next-due', () => nextDue(this.protocol, this.state, this.hoursPerRound));
  }

  /** What a `parley run` agent of this role would be given now. */
  agentView(expectation: Expectation): AgentView {
    return this.book.view(this.state, expectation);
  }

  /** How many streams follow the session now (a followed session stays in memory). */
  get listening(): number {
    return this.listeners.size;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0) this.onUnfollowed();
    };
  }

  /**
   * A value that depends only on the current state (whose move it is, a seat's \`expected\`
   * message), made once per state however many seats and requests ask for it: every socket
   * of a session is sent the new \`expected\` after each commit.
   */
  memo<T>(key: string, make: () => T): T {
    if (this.memoState !== this.state) {
      this.memos.clear();
      this.memoState = this.state;
    }
    let value = this.memos.get(key) as T | undefined;
    if (value === undefined) this.memos.set(key, (value = make()));
    return value;
  }

  /**
   * Applies one action of `role` exactly once per `actionId`: checked by the protocol, its
   * lines committed (with those of the actions that arrived alongside, see `flush`), and
   * only then answered and broadcast. A retry of a known id returns the first answer and
   * changes nothing.
   */
  act(role: string, actionId: string, action: Action): Promise<ActionAnswer> {
    const key = actionKey(role, actionId);
    const done = this.answered.get(key);
    if (done !== undefined) return Promise.resolve(JSON.parse(done) as ActionAnswer);
    const same = this.answering.get(key);
    if (same) return same;
    const answer = new Promise<ActionAnswer>((resolve, reject) =>
      this.waiting.push({ role, actionId, action, key, resolve, reject }),
    );
    this.answering.set(key, answer);
    this.flush();
    return answer;
  }

  /** Answers a waiting action; a copy of its id arriving later is answered from `answered`. */
  private answer(waiting: Waiting, answer: ActionAnswer): void {
    this.answering.delete(waiting.key);
    waiting.resolve(answer);
  }

  private fail(waiting: Waiting, error: unknown): void {
    this.answering.delete(waiting.key);
    waiting.reject(error);
  }

  /** Takes in lines another instance committed (PostgreSQL fan-out), unless `upTo` is already here. */
  catchUp(upTo = Infinity): Promise<void> {
    return this.serial(async () => {
      if (upTo > this.headSeq) await this.syncFromLog();
    });
  }

  /**
   * Commits every waiting action in one append: each is stepped in memory on the state the
   * one before it left, and memory takes the new state only once the store committed.
   * Actions arriving meanwhile wait for the next append; appends of other sessions share
   * the same transaction (the store's group commit).
   */
  private flush(): void {
    if (this.flushQueued || this.waiting.length === 0) return;
    this.flushQueued = true;
    void this.serial(async () => {
      this.flushQueued = false;
      const batch = this.waiting.splice(0);
      this.committing = true;
      try {
        await this.commitBatch(batch);
      } catch (e) {
        // Nothing of the batch is in memory; a retry with the same ids is answered once.
        for (const w of batch) this.fail(w, e);
      } finally {
        this.committing = false;
      }
      this.flush();
    });
  }

  /** True while actions wait for or are in a commit (the clock lets them go first). */
  get busy(): boolean {
    return this.committing || this.waiting.length > 0;
  }

  private async commitBatch(batch: readonly Waiting[]): Promise<void> {
    // An id may have been logged since it arrived: by another instance, read in with its lines.
    const open = batch.filter((waiting) => !this.answerFromLog(waiting));
    const stepped = stepBatch(this.protocol, this.state, this.id, this.headSeq, open, (w, e) => this.fail(w, e));
    if (stepped.waiting.length === 0) return;
    const outcome = await this.store.append(stepped.append);
    if (outcome.committed) return this.takeCommitted(stepped, outcome.head);
    // Nothing was written: the log moved on (another instance). They go again after what it wrote.
    await this.syncFromLog();
    this.waiting.unshift(...stepped.waiting);
  }

  /** Answers a waiting action whose id the log already holds; false if it does not. */
  private answerFromLog(waiting: Waiting): boolean {
    const done = this.answered.get(waiting.key);
    if (done === undefined) return false;
    this.answer(waiting, JSON.parse(done) as ActionAnswer);
    return true;
  }

  private takeCommitted(stepped: Stepped, head: number): void {
    this.state = stepped.state;
    this.headSeq = head;
    const { events, eventTexts, answers } = stepped;
    for (let i = 0; i < events.length; i++) this.recordEvent(events[i]!, eventTexts[i]!);
    for (let i = 0; i < answers.length; i++) this.answered.set(stepped.waiting[i]!.key, stepped.answerTexts[i]!);
    this.emit(events, answers, eventTexts, stepped.answerTexts);
    for (let i = 0; i < answers.length; i++) this.answer(stepped.waiting[i]!, answers[i]!);
  }

  private async syncFromLog(): Promise<void> {
    const lines = await this.store.lines(this.id, this.headSeq);
    this.applyLines(lines, this.headSeq, true);
  }

  /**
   * Folds stored lines into memory. Actions after `stateFrom` run through the protocol and
   * must meet the fate they were logged with; events are taken as logged.
   */
  private applyLines(lines: readonly StoredLine[], stateFrom: number, broadcast: boolean): void {
    const fresh: ProtocolEvent[] = [];
    // The action whose events come next: they follow its line in the same append.
    let answering: { record: ActionRecord; line: number; events: number[] } | null = null;
    for (const line of lines) {
      if (line.seq <= this.headSeq) continue;
      const parsed = parseLine(line);
      if (parsed.type === 'event') {
        this.recordEvent(parsed.event, line.line);
        fresh.push(parsed.event);
        answering?.events.push(parsed.event.seq);
      } else if (parsed.type === 'action') {
        if (line.seq > stateFrom) this.state = this.replayAction(parsed.record, line.seq);
        answering = { record: parsed.record, line: line.seq, events: [] };
      }
      if (answering && answering.events.length === answering.record.produced) {
        const { record } = answering;
        this.answered.set(
          actionKey(record.role, record.actionId),
          JSON.stringify(answerOf(record, answering.line, answering.events)),
        );
        answering = null;
      }
      this.headSeq = line.seq;
    }
    if (broadcast && fresh.length > 0) this.emit(fresh, [], fresh.map(eventText), []);
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

  private recordEvent(event: ProtocolEvent, line: string): void {
    this.eventLines.push(line);
    this.viewBook?.record(event);
  }

  private emit(
    events: readonly ProtocolEvent[],
    answers: readonly ActionAnswer[],
    eventTexts: readonly string[],
    answerTexts: readonly string[],
  ): void {
    for (const listener of this.listeners) listener(events, answers, eventTexts, answerTexts);
    this.onChange();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
