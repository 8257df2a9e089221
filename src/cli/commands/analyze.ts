import type { Command } from 'commander';
import { analyze } from '../../analysis/index.js';
import type { Analysis } from '../../analysis/types.js';
import type { Scenario } from '../../core/scenario.js';
import { loadInput } from '../../formats/input.js';
import { noteLenientForms } from '../report-error.js';
import { renderAnalysisText } from '../../report/analysis/text.js';
import { analysisToJson } from '../../report/json/analysis-json.js';
import { plotFrontier } from '../../report/plot/frontier.js';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import { collect, count, hours, positiveSeconds, spreadOf } from '../options.js';
import { sensitivity, type SensitivityResult } from '../../analysis/what-if/sensitivity.js';
import { AssumedNumbers } from '../../report/analysis/assumed.js';
import { sensitivitySection } from '../../report/analysis/sensitivity-text.js';
import { whatIf, whatIfHeader, type WhatIfOptions } from '../../analysis/what-if/index.js';
import { progressBar } from '../progress.js';

export interface AnalyzeOptions {
  readonly json?: boolean;
  readonly plot?: string;
  readonly timeLimit?: number;
  readonly set?: string[];
  readonly at?: number;
  readonly sensitivity?: number;
  readonly spread?: number;
  readonly seed?: number;
}

/** Loads and analyses a scenario, with a progress bar on a terminal. */
export function analyzeInputs(
  inputs: string[],
  io: CliIo,
  timeLimit?: number,
  what: WhatIfOptions = {},
): { scenario: Scenario; analysis: Analysis; changes: string[] } {
  const { scenario, changes } = whatIf(loadInput(inputs, noteLenientForms(io, inputs)), what);
  const progress = progressBar(io, `analysing ${scenario.name}`);
  try {
    return { scenario, changes, analysis: analyze(scenario, { timeLimit, onProgress: progress.update }) };
  } finally {
    progress.stop();
  }
}

export async function runAnalyze(inputs: string[], options: AnalyzeOptions, io: CliIo): Promise<void> {
  const { scenario, analysis, changes } = analyzeInputs(inputs, io, options.timeLimit, options);
  // The plot is written before the report is printed, so a failed plot leaves neither half-done.
  if (options.plot) {
    await plotFrontier(scenario, analysis, { file: options.plot });
    io.err(`parley: wrote the frontier plot to ${options.plot}\n`);
  }
  const sampled = sensitivityOf(scenario, analysis, options, io);
  if (options.json)
    io.out(JSON.stringify(analysisToJson(scenario, analysis, { changes, sensitivity: sampled }), null, 2) + '\n');
  else
    io.out(
      whatIfHeader(changes) + renderAnalysisText(scenario, analysis) + (sampled ? sensitivitySection(sampled) : ''),
    );
}

/** The sensitivity of the analysis when `--sensitivity N` asks for it, with a progress bar while it samples. */
function sensitivityOf(
  scenario: Scenario,
  analysis: Analysis,
  options: AnalyzeOptions,
  io: CliIo,
): SensitivityResult | undefined {
  if (!options.sensitivity) return undefined;
  const assumed = new AssumedNumbers(scenario);
  const parts = {
    preferences: (p: string) => assumed.utilities(p),
    reservation: (p: string) => assumed.reservation(p),
  };
  const progress = progressBar(io, `sampling ${options.sensitivity} variants of ${scenario.name}`);
  try {
    return sensitivity(scenario, analysis, parts, {
      samples: options.sensitivity,
      spread: options.spread,
      seed: options.seed,
    });
  } finally {
    progress.stop();
  }
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  register(program: Command, io: CliIo) {
    program
      .command('analyze')
      .description('Pareto frontier, bargaining solutions, zone of agreement, blockers and sticking points')
      .argument(
        '<inputs...>',
        'a built-in name (cairo-2024, anac/2011/Energy), a scenario file, or GENIUS/GeniusWeb files or folder',
      )
      .option('--json', 'print one JSON object (schema/analysis.schema.json) instead of the report')
      .option('--plot <file.svg>', 'also draw the frontier and the solutions to an SVG file')
      .option('--time-limit <seconds>', 'give up exactness after this long (default 60)', positiveSeconds)
      .option(
        '--set <path=value>',
        'what if: change the scenario without editing it (repeatable), e.g. parties.Israel.redLines.rafah-regardless=off, parties.Hamas.reservation=0.2, parties.Israel.weights.aid-crossing=0.3',
        collect,
      )
      .option(
        '--at <hour>',
        "apply the timeline's events up to this hour (default: none; analysis ignores the timeline)",
        hours,
      )
      .option(
        '--sensitivity <N>',
        'sample the numbers marked assumed N times and report how often each conclusion holds',
        count,
      )
      .option(
        '--spread <x>',
        'half-width of the draw for assumed value scores and walk-away values (default 0.2)',
        spreadOf,
      )
      .option('--seed <n>', 'seed of the sensitivity samples (default 1)', count)
      .addHelpText(
        'after',
        '\nExamples:\n  parley analyze cairo-2024\n  parley analyze anac/2011/Energy --json\n  parley analyze domain.xml profile1.xml profile2.xml --plot frontier.svg',
      )
      .action((inputs: string[], options: AnalyzeOptions) => runAnalyze(inputs, options, io));
  },
};
