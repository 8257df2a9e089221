/** Shared pieces of the tournament tests: definitions in temp folders, rows to compare, CLI child processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { NegotiationRow } from '../../src/tournament/types.js';
import { tempDir } from '../cli/run.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'src', 'cli', 'main.ts');

/** The six built-in agents on three ANAC domains, both role orders, two seeds: 216 negotiations. */
export const ROUND_ROBIN = {
  'parley-tournament': 1,
  name: 'round robin',
  agents: ['boulware', 'linear', 'conceder', 'tit-for-tat', 'micro', 'random'],
  scenarios: ['anac/2012/CameraB', 'anac/2011/Laptop', 'anac/2013/Icecream'],
  seeds: [1, 2],
  rounds: 1000,
};

/** A quick tournament: 72 negotiations of the six built-in agents on two small ANAC domains. */
export const QUICK = {
  'parley-tournament': 1,
  name: 'quick',
  agents: ['boulware', 'linear', 'conceder', 'tit-for-tat', 'micro', 'random'],
  scenarios: ['anac/2011/Laptop', 'anac/2013/Icecream'],
  rounds: 200,
};

/**
 * A tournament slow enough to interrupt: a user's module (Boulware waiting 1 ms before each
 * action) against two built-ins, 36 negotiations of up to a tenth of a second.
 */
export const SLOW = {
  'parley-tournament': 1,
  name: 'slow',
  agents: [
    { strategy: join(ROOT, 'test/tournament/fixtures/slow-agent.ts'), name: 'slow-boulware', params: { delayMs: 1 } },
    'conceder',
    'tit-for-tat',
  ],
  scenarios: ['anac/2011/Laptop', 'anac/2012/CameraB'],
  seeds: [1, 2],
  rounds: 60,
};

/** Writes a definition (YAML) into a new temp folder; returns its path. */
export function writeDefinition(definition: object, name = 'tournament.yaml'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, stringify(definition));
  return file;
}

/** The rows of a results folder, without the wall-clock column: what "identical results" compares. */
export function comparableRows(dir: string): Omit<NegotiationRow, 'seconds'>[] {
  return readFileSync(join(dir, 'negotiations.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { seconds: _seconds, ...rest } = JSON.parse(line) as NegotiationRow;
      return rest;
    });
}

export function lineCount(file: string): number {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

/** `parley <args…>` as a real process (through tsx), its stderr kept for failure messages. */
export function spawnParley(args: readonly string[]): ChildProcess & { stderrText: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  return Object.assign(child, { stderrText: () => stderr });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Resolves once `check` holds, polling; rejects after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
