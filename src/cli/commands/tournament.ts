import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import type { TournamentPlan } from '../../tournament/plan.js';
import type { TournamentOutcome } from '../../tournament/run.js';
import { countProgress, type CountProgress } from './tournament-progress.js';

export interface TournamentCliOptions {
  readonly workers?: number;
  readonly out?: string;
  readonly queue?: string;
  readonly batch?: number;
  readonly fresh?: boolean;
  readonly json?: boolean;
  readonly scenarioCache?: number;
}

export function wholeNumber(min: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}.`);
    return n;
  };
}

/** A path relative to the working folder when it lies inside it. */
function relativeTo(cwd: string): (f: string) => string {
  return (f) => {
    const r = relative(cwd, f);
    return r && !r.startsWith('..') ? r : f;
  };
}

/** What the run is, where it runs, and what an earlier run already did. */
function startText(plan: TournamentPlan, done: number, where: string, out: string): string {
  const n = plan.negotiations.length;
  const scenarios = `${plan.scenarios.length} scenario${plan.scenarios.length === 1 ? '' : 's'}`;
  return (
    `Tournament ${plan.name}: ${n} negotiations (${plan.agents.length} agents, ${scenarios}), ` +
    `batches of ${plan.batchSize}, ${where}.\n` +
    (done > 0 ? `Resuming: ${done} of ${n} already done in ${out}.\n` : '')
  );
}

function outcomeText(outcome: TournamentOutcome, rel: (f: string) => string): string {
  const ran = outcome.rows.length - outcome.resumed;
  return (
    `Ran ${ran} negotiation${ran === 1 ? '' : 's'} in ${outcome.seconds.toFixed(1)} s` +
    (ran > 0 ? ` (${(ran / outcome.seconds).toFixed(0)} per second)` : '') +
    '.\n\n' +
    outcome.report.text +
    `\nMeans ± 95% confidence half-widths (Student t). Wrote ${Object.values(outcome.report.files).map(rel).join(', ')}.\n`
  );
}

function outcomeJson(outcome: TournamentOutcome): string {
  const { plan, report } = outcome;
  const json = {
    tournament: plan.id,
    name: plan.name,
    negotiations: outcome.rows.length,
    resumed: outcome.resumed,
    seconds: outcome.seconds,
    agents: report.agents,
    mediators: report.mediators,
    files: report.files,
  };
  return JSON.stringify(json) + '\n';
}

/** Runs `parley tournament`; the heavy modules load only here. */
export async function runTournamentCommand(definition: string, options: TournamentCliOptions, io: CliIo) {
  const { runTournament } = await import('../../tournament/run.js');
  const { safeUrl } = await import('../../tournament/queue-keys.js');
  const workers = options.workers ?? cpus().length;
  const out = resolve(io.cwd, options.out ?? join('out', 'tournament'));
  const rel = relativeTo(io.cwd);
  const where = options.queue
    ? `on the queue at ${safeUrl(options.queue)} (start workers with \`parley worker --queue …\`)`
    : workers === 0
      ? 'in this process'
      : `on ${workers} worker thread${workers === 1 ? '' : 's'}`;
  let progress: CountProgress = { update: () => {}, stop: () => {} };
  try {
    const outcome = await runTournament(resolve(io.cwd, definition), {
      out,
      workers,
      queue: options.queue,
      batchSize: options.batch,
      fresh: options.fresh,
      scenarioCacheMegabytes: options.scenarioCache,
      onStart: async ({ plan, done }) => {
        if (!options.json) io.out(startText(plan, done, where, rel(out)));
        progress = await countProgress(io, 'negotiations', done);
      },
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    io.out(options.json ? outcomeJson(outcome) : outcomeText(outcome, rel));
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
      .option(
        '--scenario-cache <MB>',
        'scenarios each worker thread keeps, in approximate MB (default 64)',
        wholeNumber(0),
      )
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
