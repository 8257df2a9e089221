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
import { positiveSeconds } from '../options.js';
import { progressBar } from '../progress.js';

export interface AnalyzeOptions {
  readonly json?: boolean;
  readonly plot?: string;
  readonly timeLimit?: number;
}

/** Loads and analyses a scenario, with a progress bar on a terminal. */
export function analyzeInputs(
  inputs: string[],
  io: CliIo,
  timeLimit?: number,
): { scenario: Scenario; analysis: Analysis } {
  const scenario = loadInput(inputs, noteLenientForms(io, inputs));
  const progress = progressBar(io, `analysing ${scenario.name}`);
  try {
    return { scenario, analysis: analyze(scenario, { timeLimit, onProgress: progress.update }) };
  } finally {
    progress.stop();
  }
}

export async function runAnalyze(inputs: string[], options: AnalyzeOptions, io: CliIo): Promise<void> {
  const { scenario, analysis } = analyzeInputs(inputs, io, options.timeLimit);
  // The plot is written before the report is printed, so a failed plot leaves neither half-done.
  if (options.plot) {
    await plotFrontier(scenario, analysis, { file: options.plot });
    io.err(`parley: wrote the frontier plot to ${options.plot}\n`);
  }
  if (options.json) io.out(JSON.stringify(analysisToJson(scenario, analysis), null, 2) + '\n');
  else io.out(renderAnalysisText(scenario, analysis));
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
      .addHelpText(
        'after',
        '\nExamples:\n  parley analyze cairo-2024\n  parley analyze anac/2011/Energy --json\n  parley analyze domain.xml profile1.xml profile2.xml --plot frontier.svg',
      )
      .action((inputs: string[], options: AnalyzeOptions) => runAnalyze(inputs, options, io));
  },
};
