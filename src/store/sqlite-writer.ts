import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ParleyError } from '../core/errors.js';
import { ownModuleFile, RUNS_FROM_BUILD } from '../core/package-root.js';
import type { GroupEntry, GroupOutcome } from './commit-group.js';
import type { NewSessionRows } from './new-session.js';
import type { OutcomeJson, WriterReply, WriterRequest } from './sqlite-commit-worker.js';

/** How the writer thread's connection commits: what `pragma journal_mode` and `pragma synchronous` say there. */
export interface WriterSettings {
  readonly journalMode: string;
  readonly synchronous: number;
}

/**
 * The server thread's end of the SQLite writer thread (sqlite-commit-worker.ts): sends it
 * groups and new sessions and settles each when its transaction committed or failed.
 */
export class SqliteWriter {
  private readonly waiting = new Map<number, { resolve: (json: string) => void; reject: (e: unknown) => void }>();
  private next = 0;
  private failure: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly settings: WriterSettings,
  ) {
    worker.on('message', (reply: WriterReply) => this.settle(reply));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', () => this.fail(new Error('the SQLite writer thread stopped')));
    worker.unref();
  }

  static async start(location: string): Promise<SqliteWriter> {
    const file = ownModuleFile('store/sqlite-commit-worker');
    // From the sources, the thread registers tsx's loader before it imports the TypeScript entry.
    const tsx = RUNS_FROM_BUILD
      ? ''
      : pathToFileURL(
          join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
        ).href;
    const worker = RUNS_FROM_BUILD
      ? new Worker(file, { workerData: { location } })
      : new Worker(
          `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(pathToFileURL(file).href)}))`,
          { eval: true, workerData: { location } },
        );
    const settings = await new Promise<WriterSettings>((resolve, reject) => {
      worker.once('message', (reply: WriterReply) =>
        'ready' in reply ? resolve(reply.ready) : reject(new Error('the SQLite writer thread did not start')),
      );
      worker.once('error', reject);
    });
    return new SqliteWriter(worker, settings);
  }

  /** Commits one group in one transaction. */
  async commit(entries: readonly GroupEntry[]): Promise<GroupOutcome[]> {
    const json = await this.request('commit', JSON.stringify(entries));
    return (JSON.parse(json) as OutcomeJson[]).map((o) => ({ ...o, known: new Map(o.known) }));
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
