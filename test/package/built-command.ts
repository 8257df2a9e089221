import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'parley.js');
const RECORDER = join(ROOT, 'test', 'package', 'support', 'record-loads.mjs');

export interface BuiltRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Every module URL the process resolved. */
  readonly loaded: readonly string[];
}

/** Runs the built `parley` (bin/parley.js on dist/) in a child process, recording what it loads. */
export function runBuilt(args: readonly string[], cwd = ROOT): BuiltRun {
  const record = join(mkdtempSync(join(tmpdir(), 'parley-loads-')), 'loads.txt');
  const r = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PARLEY_DEBUG: '', PARLEY_RECORD_LOADS: record },
  });
  let loaded: string[] = [];
  try {
    loaded = readFileSync(record, 'utf8').trim().split('\n');
  } catch {
    // nothing resolved
  } finally {
    rmSync(dirname(record), { recursive: true, force: true });
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

/** Whether a module of package `name` (from node_modules) was loaded. */
export const loadedPackage = (run: BuiltRun, name: string): boolean =>
  run.loaded.some((url) => url.includes(`/node_modules/${name}/`));
