import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ParleyError } from '../../core/errors.js';
import { loadInput } from '../../formats/input.js';
import { noteLenientForms } from '../report-error.js';
import {
  evaluateOutcome,
  parseOutcome,
  renderEvaluationText,
  type OutcomeEvaluation,
} from '../../report/analysis/evaluate.js';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';

interface EvalOptions {
  readonly outcome: string;
  readonly json?: boolean;
}

function evaluationJson(evaluation: OutcomeEvaluation) {
  return {
    outcome: evaluation.outcome,
    parties: evaluation.parties.map((p) => ({
      party: p.party,
      utility: p.utility,
      reservation: p.reservation,
      redLinesCrossed: p.redLinesCrossed.map((l) => l.id),
      acceptable: p.acceptable,
    })),
    crossesRedLine: evaluation.crossesRedLine,
    inZone: evaluation.inZone,
  };
}

/** `--outcome` takes the JSON itself, or `@file.json` to read it from a file. */
function outcomeText(option: string): { text: string; source: string } {
  if (!option.startsWith('@')) return { text: option, source: '--outcome' };
  const file = option.slice(1);
  try {
    return { text: readFileSync(file, 'utf8'), source: file };
  } catch (e) {
    throw new ParleyError('PARLEY_E_FILE_NOT_FOUND', `cannot read the outcome file ${file}: ${(e as Error).message}`, {
      position: { file },
    });
  }
}

export function runEval(inputs: string[], options: EvalOptions, io: CliIo): void {
  const scenario = loadInput(inputs, noteLenientForms(io, inputs));
  const { text, source } = outcomeText(options.outcome);
  const evaluation = evaluateOutcome(scenario, parseOutcome(scenario.domain, text, source));
  io.out(
    options.json
      ? JSON.stringify(evaluationJson(evaluation), null, 2) + '\n'
      : renderEvaluationText(scenario, evaluation),
  );
}

export const evalCommand: CliCommand = {
  name: 'eval',
  register(program: Command, io: CliIo) {
    program
      .command('eval')
      .description(
        "each party's utility of one outcome, the red lines it crosses, and whether it is in the zone of agreement",
      )
      .argument('<inputs...>', 'a built-in name, a scenario file, or GENIUS/GeniusWeb files or folder')
      .requiredOption('--outcome <json>', 'the outcome as JSON, e.g. \'{"issue": "value", …}\', or @file.json')
      .option('--json', 'print one JSON object instead of the table')
      .addHelpText('after', `\nExample:\n  parley eval anac/2011/Energy --outcome '{"Electricity": "low", …}'`)
      .action((inputs: string[], options: EvalOptions) => runEval(inputs, options, io));
  },
};
