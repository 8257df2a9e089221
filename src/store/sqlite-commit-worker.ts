/**
 * The SQLite writer thread: commits the store's groups on its own connection, so that the
 * fsync of one group (better-sqlite3 is synchronous) does not stop the server's thread,
 * which meanwhile takes in, checks and answers other actions and gathers the next group.
 * The build makes it dist/store/sqlite-commit-worker.js (every `*worker.ts` is an entry).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { commitGroup, type GroupEntry } from './commit-group.js';
import { openDatabase } from './open.js';

export type WriterRequest = { readonly id: number; readonly entries: readonly GroupEntry[] } | { readonly close: true };

export type WriterReply =
  | { readonly ready: { readonly journalMode: string; readonly synchronous: number } }
  | { readonly id: number; readonly outcomes: unknown }
  | { readonly id: number; readonly error: string };

const port = parentPort!;
const db = await openDatabase((workerData as { location: string }).location);
const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
port.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    void db.destroy().then(() => port.close());
    return;
  }
  commitGroup(db, 'sqlite', request.entries).then(
    (outcomes) => port.postMessage({ id: request.id, outcomes } satisfies WriterReply),
    (e: unknown) =>
      port.postMessage({ id: request.id, error: e instanceof Error ? e.message : String(e) } satisfies WriterReply),
  );
});
port.postMessage({
  ready: { journalMode: mode.rows[0]?.journal_mode ?? '', synchronous: Number(sync.rows[0]?.synchronous) },
} satisfies WriterReply);
