/**
 * The SQLite checkpoint thread: copies the committed pages of the write-ahead log into the
 * database file every `everyMs`, on a connection of its own. Left to SQLite, the connection
 * whose commit takes the log past 1,000 pages does this inside that commit (an automatic
 * checkpoint: megabytes written and synced to the database file), and every action of that
 * group waits for it; here no commit does (the writer's own automatic checkpoint is only a
 * backstop, far above what this thread leaves behind). A PASSIVE checkpoint neither waits
 * for the writer nor stops it; once it has copied the whole log, the writer's next
 * transaction starts the log file again from its beginning, so the log stays small. The
 * build makes it dist/store/sqlite-checkpoint-worker.js (every `*worker.ts` is an entry).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from './open.js';

export type CheckpointRequest = { readonly close: true };
export type CheckpointReply = { readonly ready: true } | { readonly error: string };

const port = parentPort!;
const { location, everyMs } = workerData as { location: string; everyMs: number };
const db = await openSqlite(location);
let reported = false;

const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    // Not fatal (the writer's own automatic checkpoint still bounds the log): said once.
    if (!reported) port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies CheckpointReply);
    reported = true;
  }
}, everyMs);

port.on('message', (_request: CheckpointRequest) => {
  clearInterval(timer);
  db.close();
  port.close();
});
port.postMessage({ ready: true } satisfies CheckpointReply);
