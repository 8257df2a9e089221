import { parentPort, workerData } from 'node:worker_threads';
import { capturingIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';

/** One command line to run in this worker, and what the fuzz test checks of it. */
export interface FuzzCase {
  readonly id: string;
  readonly args: string[];
}

export interface FuzzResult {
  readonly id: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderrLength: number;
  readonly stderrHead: string;
  readonly heapMb: number;
}

/** Runs each case through the CLI's own `main`, in-process, and reports what it wrote. */
async function run(cases: readonly FuzzCase[]): Promise<void> {
  for (const c of cases) {
    const io = capturingIo(process.cwd(), {});
    const code = await main(c.args, io);
    const stderr = io.stderr();
    const result: FuzzResult = {
      id: c.id,
      code,
      stdout: io.stdout().slice(0, 20_000),
      stderrLength: stderr.length,
      stderrHead: stderr.slice(0, 600),
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    };
    parentPort!.postMessage(result);
  }
}

await run(workerData as FuzzCase[]);
