import type BetterSqlite3 from 'better-sqlite3';
import { chainRows } from './chain.js';
import type { GroupEntry, GroupOutcome, Head } from './commit-group.js';
import type { NewSessionRows } from './new-session.js';

/**
 * The SQLite writer thread's transactions on prepared statements: a group of sessions'
 * appends with the same checks and writes as `commitGroup` (each session's head checked,
 * then the lines, chained after the head's hash, and the snapshot of those that passed: the chain's SHA-256 runs here, not on the server's thread), and a new
 * session's rows. Each runs in one BEGIN IMMEDIATE transaction; better-sqlite3 runs it
 * synchronously, which is what this thread is for. Building the statements once spares the
 * query builder's work for every row (it cost more than the inserts themselves).
 */
export class SqliteGroupWriter {
  private readonly head: BetterSqlite3.Statement<[string], Head>;
  private readonly insertLine: BetterSqlite3.Statement<[string, number, string, number | null, string, string]>;
  private readonly insertSnapshot: BetterSqlite3.Statement<[string, number, string]>;
  private readonly insertSession: BetterSqlite3.Statement<[string, string, number, number]>;
  private readonly insertSeat: BetterSqlite3.Statement<[string, string, string, string | null]>;
  private readonly insertCredential: BetterSqlite3.Statement<[string, string, string, string, number]>;
  private readonly commitTransaction: BetterSqlite3.Transaction<(entries: readonly GroupEntry[]) => GroupOutcome[]>;
  private readonly createTransaction: BetterSqlite3.Transaction<(rows: NewSessionRows) => void>;

  constructor(db: BetterSqlite3.Database) {
    this.head = db.prepare<[string], Head>('select seq, hash from log where session = ? order by seq desc limit 1');
    this.insertLine = db.prepare(
      'insert into log (session, seq, type, event_seq, line, hash) values (?, ?, ?, ?, ?, ?)',
    );
    this.insertSnapshot = db.prepare(
      'insert into snapshots (session, seq, state) values (?, ?, ?) on conflict do nothing',
    );
    this.insertSession = db.prepare('insert into sessions (id, spec, started_at, released) values (?, ?, ?, ?)');
    this.insertSeat = db.prepare('insert into seats (session, role, kind, bot) values (?, ?, ?, ?)');
    this.insertCredential = db.prepare(
      'insert into credentials (token_hash, session, role, kind, revoked) values (?, ?, ?, ?, ?)',
    );
    this.commitTransaction = db.transaction((entries: readonly GroupEntry[]) => {
      return entries.map((e): GroupOutcome => {
        const head = this.head.get(e.session) ?? { seq: -1, hash: null };
        const committed = head.seq === e.after;
        if (committed) this.write(e, head.hash);
        return { committed, head: head.seq };
      });
    });
    this.createTransaction = db.transaction((rows: NewSessionRows) => {
      const s = rows.session;
      this.insertSession.run(s.id, s.spec, s.started_at, s.released);
      for (const r of rows.seats) this.insertSeat.run(r.session, r.role, r.kind, r.bot);
      for (const r of rows.credentials) this.insertCredential.run(r.token_hash, r.session, r.role, r.kind, r.revoked);
      for (const r of rows.log) this.insertLine.run(r.session, r.seq, r.type, r.event_seq, r.line, r.hash);
    });
  }

  /** Commits a group in one transaction: what became of each append, in order. */
  commit(entries: readonly GroupEntry[]): GroupOutcome[] {
    return this.commitTransaction.immediate(entries);
  }

  /** Inserts a new session's rows in one transaction. */
  create(rows: NewSessionRows): void {
    this.createTransaction.immediate(rows);
  }

  /** Writes an append, its lines chained after the head's hash (this thread hashes them, not the server's). */
  private write(e: GroupEntry, headHash: string | null): void {
    for (const l of chainRows(e.session, e.lines, headHash))
      this.insertLine.run(l.session, l.seq, l.type, l.event_seq, l.line, l.hash);
    if (e.snapshot) this.insertSnapshot.run(e.snapshot.session, e.snapshot.seq, e.snapshot.state);
  }
}
