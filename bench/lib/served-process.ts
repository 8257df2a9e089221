/**
 * The server process a server-bench run measures: `parley serve`, or the floor
 * (floor-server.ts), started on a free loopback port with the memory sampler loaded, and
 * the one request the bench makes of it.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/support/postgres.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * What a run serves: parley, or the floor, a stand-in that does only the transport and a
 * group-committed, fdatasync'd append, with `floorWork` µs of busy work per action on its
 * event loop and in its commit thread (`MAIN/COMMIT`).
 */
export type Served = 'parley' | { readonly floorWork: string };

export interface ServedOptions {
  /** The `parley` entry that serves parley: this checkout's, or another build's. */
  readonly bin: string;
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeFlags: readonly string[];
  /** The store's location (a file, or a PostgreSQL URL), relative to `cwd`. */
  readonly database: string;
  readonly cwd: string;
  /** Where the server writes its memory samples, every `memoryEveryMs`. */
  readonly samples: string;
  readonly memoryEveryMs: number;
}

/** Starts the process and waits until it has printed its admin token (at most a minute). */
export async function startServed(served: Served, options: ServedOptions) {
  const port = await freePort();
  const spawnedAt = performance.now();
  const entry =
    served === 'parley'
      ? [options.bin]
      : ['--import', import.meta.resolve('tsx'), join(HERE, 'floor-server.ts'), '--work-us', served.floorWork];
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(HERE, 'memory-sampler.mjs'),
      ...options.nodeFlags,
      ...entry,
      'serve',
      '--port',
      String(port),
      '--database',
      options.database,
      '--max-sessions',
      '1000000',
    ],
    {
      cwd: options.cwd,
      env: {
        ...process.env,
        PARLEY_MEMORY_SAMPLES: options.samples,
        PARLEY_MEMORY_EVERY_MS: String(options.memoryEveryMs),
      },
    },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(out)), 60_000);
    const onData = (d: Buffer) => {
      out += String(d);
      if (/Admin token[^\n]*\n/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    if (process.env.PARLEY_BENCH_SERVER_STDERR) child.stderr.pipe(process.stderr);
  });
  const admin = /Admin token[^:]*: (\S+)/.exec(out)![1]!;
  return { child, port, admin, spawnedAt };
}

/** A JSON POST to the served process with a bearer token; its JSON answer. */
export async function post(port: number, token: string, path: string, body: unknown): Promise<any> {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return r.json();
}
