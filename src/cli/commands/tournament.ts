import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import { countProgress } from './tournament-progress.js';

export interface TournamentCliOptions {
  readonly workers?: number;
  readonly out?: string;
  readonly queue?: string;
  readonly batch?: number;
  readonly fresh?: boolean;
  readonly json?: boolean;
}

export function wholeNumber(min: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}.`);
    return n;
  };
}

/** Runs `parley tournament`; the heavy modules load only here. */
export async function runTournamentCommand(definition: string, options: TournamentCliOptions, io: CliIo) {
  const { runTournament } = await import('../../tournament/run.js');
  const { safeUrl } = await import('../../tournament/queue-keys.js');
  const file = resolve(io.cwd, definition);
  const workers = options.workers ?? cpus().length;
  const out = resolve(io.cwd, options.out ?? join('out', 'tournament'));
  const talk = !options.json;
  const rel = (f: string) => {
    const r = relative(io.cwd, f);
    return r && !r.startsWith('..') ? r : f;
  };
  let progress = { update: (_d: number, _t: number) => {}, stop: () => {} };
  try {
    const outcome = await runTournament(file, {
      out,
      workers,
      queue: options.queue,
      batchSize: options.batch,
      fresh: options.fresh,
      onStart: async ({ plan, done }) => {
        const where = options.queue
          ? `on the queue at ${safeUrl(options.queue)} (start workers with \`parley worker --queue …\`)`
          : workers === 0
            ? 'in this process'
            : `on ${workers} worker thread${workers === 1 ? '' : 's'}`;
        if (talk)
          io.out(
            `Tournament ${plan.name}: ${plan.negotiations.length} negotiations (${plan.agents.length} agents, ` +
              `${plan.scenarios.length} scenario${plan.scenarios.length === 1 ? '' : 's'}), ` +
              `batches of ${plan.batchSize}, ${where}.\n` +
              (done > 0 ? `Resuming: ${done} of ${plan.negotiations.length} already done in ${rel(out)}.\n` : ''),
          );
        progress = await countProgress(io, 'negotiations', done);
      },
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    if (options.json) {
      io.out(
        JSON.stringify({
          tournament: outcome.plan.id,
          name: outcome.plan.name,
          negotiations: outcome.rows.length,
          resumed: outcome.resumed,
          seconds: outcome.seconds,
          agents: outcome.report.agents,
          mediators: outcome.report.mediators,
          files: outcome.report.files,
        }) + '\n',
      );
      return;
    }
    const ran = outcome.rows.length - outcome.resumed;
    io.out(
      `Ran ${ran} negotiation${ran === 1 ? '' : 's'} in ${outcome.seconds.toFixed(1)} s` +
        (ran > 0 ? ` (${(ran / outcome.seconds).toFixed(0)} per second)` : '') +
        '.\n\n' +
        outcome.report.text +
        `\nMeans ± 95% confidence half-widths (Student t). Wrote ${Object.values(outcome.report.files).map(rel).join(', ')}.\n`,
    );
  } finally {
    progress.stop();
  }
}

export const tournamentCommand: CliCommand = {
  name: 'tournament',
  register(program: Command, io: CliIo) {
    program
      .command('tournament')
      .description(
        'run every agent against every other on many scenarios (worker threads, or a Redis queue across machines) and rank them by ANAC scores',
      )
      .argument('<definition>', 'a tournament definition (YAML or JSON; schema/tournament.schema.json)')
      .option('--workers <n>', 'worker threads (default: one per core; 0 runs in this process)', wholeNumber(0))
      .option('--out <dir>', 'folder for results, resumable (default out/tournament/)')
      .option('--queue <url>', 'put the negotiations on a Redis queue (redis://host:6379) for `parley worker`s')
      .option('--batch <n>', 'negotiations per job (default 10)', wholeNumber(1))
      .option('--fresh', 'discard earlier results in --out instead of resuming')
      .option('--json', 'print the scores as one JSON object')
      .addHelpText(
        'after',
        '\nExamples:\n  parley tournament examples/tournament.yaml --out out/small\n  parley tournament anac.yaml --queue redis://10.0.0.5:6379 --out out/anac',
      )
      .action(async (definition: string, options: TournamentCliOptions) => {
        await runTournamentCommand(definition, options, io);
      });
  },
};
