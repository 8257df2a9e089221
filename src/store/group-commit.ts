import type { GroupEntry, GroupOutcome } from './commit-group.js';
import type { AppendOutcome, SessionAppend } from './rows.js';

/** Commits one group in one transaction (in this thread, or in the SQLite writer thread). */
export type GroupExecutor = (entries: readonly GroupEntry[]) => Promise<GroupOutcome[]>;

interface Pending {
  readonly entry: GroupEntry;
  readonly resolve: (outcome: AppendOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Most sessions one transaction takes. */
const MAX_GROUP = 512;

/** The append as rows, numbered after its head (the commit chains them). */
function entryOf(append: SessionAppend): GroupEntry {
  const { session, after } = append;
  return {
    session,
    after,
    lines: append.lines.map((l, i) => ({ seq: after + 1 + i, type: l.type, event_seq: l.eventSeq, text: l.text })),
    ...(append.snapshot ? { snapshot: { session, ...append.snapshot } } : {}),
  };
}

/**
 * Group commit: the appends of different sessions that arrive while a transaction is
 * committing (or within one turn of the event loop) share the next transaction, so one
 * fsync makes all of them durable. Each append's promise settles only after its
 * transaction committed. A session is in at most one group at a time (the store's half of
 * "one writer per session"). An append whose head has moved writes nothing (a conflict the
 * caller resolves from the log). If a
 * group's transaction fails, each of its appends is tried again alone, so one bad append
 * fails only itself.
 */
export class GroupCommitter {
  private pending: Pending[] = [];
  private readonly busy = new Set<string>();
  private running = 0;
  private scheduled = false;
  /** Transactions committed so far. */
  commits = 0;

  constructor(
    private readonly execute: GroupExecutor,
    /** Groups committing at once: 1 on SQLite (one writer), a few on PostgreSQL. */
    private readonly parallel: number,
  ) {}

  submit(append: SessionAppend): Promise<AppendOutcome> {
    const entry = entryOf(append);
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      this.schedule();
    });
  }

  /** Settles once nothing is pending or committing. */
  async drain(): Promise<void> {
    while (this.running > 0 || this.pending.length > 0) await new Promise((r) => setTimeout(r, 5));
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.parallel || this.pending.length === 0) return;
    this.scheduled = true;
    // After this turn's I/O callbacks, so that every action that has arrived joins the group.
    setImmediate(() => {
      this.scheduled = false;
      this.startGroups();
    });
  }

  private startGroups(): void {
    while (this.running < this.parallel) {
      const group = this.take();
      if (group.length === 0) return;
      this.running++;
      for (const p of group) this.busy.add(p.entry.session);
      void this.commitOrSplit(group);
    }
  }

  /**
   * A group is done: the next one starts at once, with the appends that arrived while this
   * one committed, before this one's appends are settled. Settling them (each session's
   * answers and broadcast) is the server thread's longest task; the next commit and its
   * fsync go on meanwhile instead of after it.
   */
  private release(group: readonly Pending[]): void {
    for (const p of group) this.busy.delete(p.entry.session);
    this.running--;
    this.startGroups();
  }

  /** The next group: the oldest pending append of every session not already committing. */
  private take(): Pending[] {
    const group: Pending[] = [];
    const rest: Pending[] = [];
    const taken = new Set<string>();
    for (const p of this.pending) {
      const { session } = p.entry;
      if (group.length < MAX_GROUP && !this.busy.has(session) && !taken.has(session)) {
        group.push(p);
        taken.add(session);
      } else rest.push(p);
    }
    this.pending = rest;
    return group;
  }

  private async commitOrSplit(group: readonly Pending[]): Promise<void> {
    let outcomes: AppendOutcome[];
    try {
      outcomes = await this.commit(group);
    } catch (e) {
      if (group.length === 1) {
        this.release(group);
        return group[0]!.reject(e);
      }
      for (const p of group)
        await this.commit([p]).then(
          ([outcome]) => p.resolve(outcome!),
          (error: unknown) => p.reject(error),
        );
      return this.release(group);
    }
    this.release(group);
    group.forEach((p, i) => p.resolve(outcomes[i]!));
  }

  private async commit(group: readonly Pending[]): Promise<AppendOutcome[]> {
    const outcomes = await this.execute(group.map((p) => p.entry));
    this.commits++;
    return outcomes.map((o, i) =>
      o.committed ? { committed: true, head: group[i]!.entry.after + group[i]!.entry.lines.length } : o,
    );
  }
}
