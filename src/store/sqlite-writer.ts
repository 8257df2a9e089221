import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ParleyError } from '../core/errors.js';
import { ownModuleFile, RUNS_FROM_BUILD } from '../core/package-root.js';
import type { GroupEntry, GroupOutcome } from './commit-group.js';
import { groupText } from './group-text.js';
import type { NewSessionRows } from './new-session.js';
import type { CheckpointReply, CheckpointRequest } from './sqlite-checkpoint-worker.js';
import type { RefusedJson, WriterReply, WriterRequest } from './sqlite-commit-worker.js';

/** How the writer thread's connection commits: what `pragma journal_mode` and `pragma synchronous` say there. */
export interface WriterSettings {
  readonly journalMode: string;
  readonly synchronous: number;
}

/**
 * How often the checkpoint thread copies the write-ahead log into the database file (ms):
 * at the benchmark's pace the log grows by well under 1,000 pages (SQLite's own threshold)
 * in this time.
 */
const CHECKPOINT_EVERY_MS = 100;

/**
 * One of the store's threads, from the build or (tests, tsx) from the sources: there the
 * thread registers tsx's loader before it imports the TypeScript entry.
 */
function startThread(module: string, workerData: unknown): Worker {
  const file = ownModuleFile(module);
  if (RUNS_FROM_BUILD) return new Worker(file, { workerData });
  const tsx = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(pathToFileURL(file).href)}))`,
    { eval: true, workerData },
  );
}

/**
 * The server thread's end of the SQLite writer thread (sqlite-commit-worker.ts): sends it
 * groups and new sessions and settles each when its transaction committed or failed. A
 * second thread (sqlite-checkpoint-worker.ts) keeps checkpoints out of the writer's commits.
 */
export class SqliteWriter {
  private readonly waiting = new Map<number, { resolve: (json: string) => void; reject: (e: unknown) => void }>();
  private next = 0;
  private failure: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly checkpointer: Worker,
    readonly settings: WriterSettings,
  ) {
    worker.on('message', (reply: WriterReply) => this.settle(reply));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', () => this.fail(new Error('the SQLite writer thread stopped')));
    worker.unref();
    // Without it the log still stays bounded (the writer's backstop), so a failure is only said.
    checkpointer.on('message', (reply: CheckpointReply) => {
      if ('error' in reply) console.error(`parley: SQLite checkpoint thread: ${reply.error}`);
    });
    checkpointer.on('error', (e) => console.error(`parley: SQLite checkpoint thread stopped: ${e.message}`));
    checkpointer.unref();
  }

  static async start(location: string): Promise<SqliteWriter> {
    const worker = startThread('store/sqlite-commit-worker', { location });
    const settings = await new Promise<WriterSettings>((resolve, reject) => {
      worker.once('message', (reply: WriterReply) =>
        'ready' in reply ? resolve(reply.ready) : reject(new Error('the SQLite writer thread did not start')),
      );
      worker.once('error', reject);
    });
    const checkpointer = startThread('store/sqlite-checkpoint-worker', { location, everyMs: CHECKPOINT_EVERY_MS });
    try {
      await new Promise<void>((resolve, reject) => {
        checkpointer.once('message', (reply: CheckpointReply) =>
          'ready' in reply
            ? resolve()
            : reject(new Error(`the SQLite checkpoint thread did not start: ${reply.error}`)),
        );
        checkpointer.once('error', reject);
      });
    } catch (e) {
      await worker.terminate();
      throw e;
    }
    return new SqliteWriter(worker, checkpointer, settings);
  }

  /** Commits one group in one transaction. */
  async commit(entries: readonly GroupEntry[]): Promise<GroupOutcome[]> {
    const json = await this.request('commit', groupText(entries));
    const outcomes = entries.map((e): GroupOutcome => ({ committed: true, head: e.after }));
    if (json !== '[]')
      for (const [i, head] of JSON.parse(json) as RefusedJson[]) outcomes[i] = { committed: false, head };
    return outcomes;
  }

  /** Inserts a new session's rows in one transaction. */
  async create(rows: NewSessionRows): Promise<void> {
    await this.request('create', JSON.stringify(rows));
  }

  private request(op: 'commit' | 'create', json: string): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    // Kept alive while a request is out, so that a caller awaiting it does not see the process end.
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, json } satisfies WriterRequest);
    });
  }

  async close(): Promise<void> {
    const stopped = new Promise((r) => this.checkpointer.once('exit', r));
    this.checkpointer.postMessage({ close: true } satisfies CheckpointRequest);
    await stopped;
    if (this.failure) return;
    const exited = new Promise((r) => this.worker.once('exit', r));
    this.worker.ref();
    this.worker.postMessage({ close: true } satisfies WriterRequest);
    await exited;
  }

  private settle(reply: WriterReply): void {
    if ('ready' in reply) return;
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if ('error' in reply) waiter.reject(new Error(reply.error));
    else waiter.resolve(reply.json);
  }

  private fail(error: Error): void {
    this.failure ??= new ParleyError('PARLEY_E_INTERNAL', `SQLite writer thread: ${error.message}`, { cause: error });
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}
