import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Domain } from '../../core/domain.js';
import { ParleyError } from '../../core/errors.js';
import { loadInput } from '../../formats/input.js';
import { noteLenientForms } from '../report-error.js';
import {
  evaluateOutcome,
  parseOutcome,
  renderEvaluationText,
  type OutcomeEvaluation,
} from '../../report/analysis/evaluate.js';
import { comparePackage, type PackageComparison } from '../../analysis/what-if/compare.js';
import { whatIf, whatIfHeader } from '../../analysis/what-if/index.js';
import { tradesOn, type Trade } from '../../analysis/what-if/trades.js';
import { tradesSection } from '../../report/analysis/what-if-text.js';
import { parsePartialOutcome, renderComparisonText } from '../../report/analysis/compare-text.js';
import type { CliCommand } from '../command.js';
import { collect, hours } from '../options.js';
import type { CliIo } from '../io.js';

interface EvalOptions {
  readonly outcome: string[];
  readonly json?: boolean;
  readonly set?: string[];
  readonly at?: number;
  readonly trades?: boolean;
}

/** The one-package JSON; `changes` (what if) and `trades` (with `--trades`) join it when there are any. */
function evaluationJson(evaluation: OutcomeEvaluation, changes: readonly string[], trades?: readonly Trade[]) {
  return {
    ...(changes.length ? { whatIf: [...changes] } : {}),
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
    ...(trades ? { trades: trades.map((t) => ({ changes: { ...t.changes }, gains: [...t.gains] })) } : {}),
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

function comparisonJson(c: PackageComparison) {
  return {
    outcome: c.outcome,
    open: c.open,
    parties: c.parties.map((p) => ({
      party: p.party,
      worst: p.worst,
      best: p.best,
      reservation: p.reservation,
      redLinesCrossed: p.redLinesCrossed.map((l) => l.id),
    })),
    inZone: c.inZone,
  };
}

/** Whether the JSON text is an object naming every issue (anything else is read as a partial package). */
function namesEveryIssue(domain: Domain, text: string): boolean {
  try {
    const raw: unknown = JSON.parse(text);
    return typeof raw === 'object' && raw !== null && domain.issues.every((i) => i.name in raw);
  } catch {
    return true;
  }
}

export function runEval(inputs: string[], options: EvalOptions, io: CliIo): void {
  const { scenario, changes } = whatIf(loadInput(inputs, noteLenientForms(io, inputs)), options);
  const given = options.outcome.map(outcomeText);
  // One package naming every issue: the one-package report (and its JSON), read strictly as before.
  if (given.length === 1 && namesEveryIssue(scenario.domain, given[0]!.text)) {
    const evaluation = evaluateOutcome(scenario, parseOutcome(scenario.domain, given[0]!.text, given[0]!.source));
    const trades = options.trades ? tradesOn(scenario, evaluation.outcome) : undefined;
    io.out(
      options.json
        ? JSON.stringify(evaluationJson(evaluation, changes, trades), null, 2) + '\n'
        : whatIfHeader(changes) +
            renderEvaluationText(scenario, evaluation) +
            (trades ? tradesSection(scenario, trades) : ''),
    );
    return;
  }
  const partial = given.map(({ text, source }) => parsePartialOutcome(scenario.domain, text, source));
  const comparisons = partial.map((o) => comparePackage(scenario, o));
  io.out(
    options.json
      ? JSON.stringify({ whatIf: changes, packages: comparisons.map(comparisonJson) }, null, 2) + '\n'
      : whatIfHeader(changes) + renderComparisonText(scenario, comparisons),
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
      .requiredOption(
        '--outcome <json>',
        'the outcome as JSON, e.g. \'{"issue": "value", …}\', or @file.json; repeat to compare packages side by side; leave issues out for a partial package',
        collect,
      )
      .option('--json', 'print one JSON object instead of the table')
      .option(
        '--set <path=value>',
        'what if: change the scenario without editing it (repeatable; see parley analyze)',
        collect,
      )
      .option('--at <hour>', "apply the timeline's events up to this hour", hours)
      .option(
        '--trades',
        'for one full package: the changes of one or two issues that leave nobody worse off and someone better off',
      )
      .addHelpText('after', `\nExample:\n  parley eval anac/2011/Energy --outcome '{"Electricity": "low", …}'`)
      .action((inputs: string[], options: EvalOptions) => runEval(inputs, options, io));
  },
};
