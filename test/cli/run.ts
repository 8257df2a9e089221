import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturingIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `parley <args…>` in-process, as the command would run, capturing what it writes. */
export async function parley(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  const io = capturingIo(options.cwd ?? process.cwd(), options.env ?? {});
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'parley-cli-'));
}
