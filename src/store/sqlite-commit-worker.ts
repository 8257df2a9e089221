/**
 * The SQLite writer thread: commits the store's groups (and new sessions) on its own
 * connection, so that the fsync of one transaction (better-sqlite3 is synchronous) does
 * not stop the server's thread, which meanwhile takes in, checks and answers other actions
 * and gathers the next group. Its transactions are in sqlite-group.ts. Requests and
 * replies cross as text: copying one string costs the server's thread less than a
 * structured clone of many small row objects (a group's log lines travel unescaped, see
 * group-text.ts). The build makes it
 * dist/store/sqlite-commit-worker.js (every `*worker.ts` is an entry).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readGroupText } from './group-text.js';
import type { NewSessionRows } from './new-session.js';
import { openSqlite } from './open.js';
import { SqliteGroupWriter } from './sqlite-group.js';

/** `json` is the group's entries (`commit`, as `groupText` writes them) or the new session's rows (`create`, as JSON). */
export type WriterRequest =
  { readonly id: number; readonly op: 'commit' | 'create'; readonly json: string } | { readonly close: true };

export type WriterReply =
  | { readonly ready: { readonly journalMode: string; readonly synchronous: number } }
  | { readonly id: number; readonly json: string }
  | { readonly id: number; readonly error: string };

/**
 * A group's outcomes as the reply's JSON carries them: only the appends not written, each as
 * [its index in the group, the head]; every other append of the group was written (most
 * groups: an empty list, nothing to parse on the server's thread).
 */
export type RefusedJson = readonly [index: number, head: number];

/** The writer's own automatic checkpoint, a backstop: 10,000 pages of 4 KiB. */
const WRITER_AUTOCHECKPOINT_PAGES = 10_000;

const port = parentPort!;
const db = await openSqlite((workerData as { location: string }).location);
// The checkpoint thread copies the log into the database file; a commit does so itself only
// if that thread fell far behind (about 40 MiB of log), so that the log stays bounded.
db.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
const writer = new SqliteGroupWriter(db);

function run(op: 'commit' | 'create', json: string): string {
  if (op === 'create') {
    writer.create(JSON.parse(json) as NewSessionRows);
    return 'null';
  }
  const refused: RefusedJson[] = [];
  writer.commit(readGroupText(json)).forEach((o, i) => {
    if (!o.committed) refused.push([i, o.head]);
  });
  return JSON.stringify(refused);
}

port.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    db.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  try {
    reply = { id: request.id, json: run(request.op, request.json) };
  } catch (e) {
    reply = { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
port.postMessage({
  ready: {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
  },
} satisfies WriterReply);
