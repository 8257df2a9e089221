import { cpus } from 'node:os';
import type { Command } from 'commander';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import { wholeNumber } from './tournament.js';

export interface WorkerCliOptions {
  readonly queue: string;
  readonly threads?: number;
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
  readonly scenarioCache?: number;
}

/** Runs a queue worker until SIGINT or SIGTERM, then lets running batches finish. */
export async function runWorkerCommand(options: WorkerCliOptions, io: CliIo): Promise<void> {
  const { startQueueWorker } = await import('../../tournament/queue-worker.js');
  const { safeUrl } = await import('../../tournament/queue-keys.js');
  const threads = options.threads ?? cpus().length;
  // Listen for the stop signals before anything else, so that none arrives unheard.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  let batches = 0;
  let lastError = '';
  const worker = await startQueueWorker(options.queue, {
    threads,
    lockDuration: options.lockDuration,
    stalledInterval: options.stalledInterval,
    scenarioCacheMegabytes: options.scenarioCache,
    onBatch: () => void batches++,
    onError: (error) => {
      // One line per kind of trouble, not one per reconnection attempt.
      if (error.message === lastError) return;
      lastError = error.message;
      io.err(`parley worker: ${error.message}\n`);
    },
  });
  io.err(
    `parley worker: taking tournament jobs from ${safeUrl(options.queue)} on ${threads} thread${threads === 1 ? '' : 's'}; stop with Ctrl-C\n`,
  );
  await stopped;
  await worker.close();
  io.err(`parley worker: stopped after ${batches} batch${batches === 1 ? '' : 'es'}\n`);
}

export const workerCommand: CliCommand = {
  name: 'worker',
  register(program: Command, io: CliIo) {
    program
      .command('worker')
      .description('run tournament negotiations from a Redis queue (start any number, on any machines)')
      .requiredOption('--queue <url>', 'the Redis the tournament was queued on (redis://host:6379)')
      .option('--threads <n>', 'batches at once, each on its own thread (default: one per core)', wholeNumber(1))
      .option('--lock-duration <ms>', 'how long a job stays locked without renewal (default 30000)', wholeNumber(100))
      .option(
        '--stalled-interval <ms>',
        'how often to look for jobs whose worker died and queue them again (default 30000)',
        wholeNumber(100),
      )
      .option('--scenario-cache <MB>', 'scenarios each thread keeps, in approximate MB (default 64)', wholeNumber(0))
      .addHelpText('after', '\nExample:\n  parley worker --queue redis://10.0.0.5:6379 --threads 4')
      .action(async (options: WorkerCliOptions) => {
        await runWorkerCommand(options, io);
      });
  },
};
