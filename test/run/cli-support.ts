import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturingIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `parley <args…>` in-process, as the command runs, capturing what it writes. */
export async function parley(args: string[], cwd = process.cwd()): Promise<CliRun> {
  const io = capturingIo(cwd, {});
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'parley-run-'));
}
