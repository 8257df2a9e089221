import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FilePosition } from '../../core/errors.js';
import type { AgentSpec, Scenario } from '../../core/scenario.js';
import { readText } from '../file-io.js';
import { numberOf } from './check-context.js';
import { describeField } from './explain.js';
import { scenarioFileSchema, type ScenarioFile } from './schema.js';
import { parseSourceText, type FilePath, type SourceText } from './source-text.js';
import { scenarioFromFile } from './to-core.js';

/**
 * A problem `parley validate` finds beyond the format: the file reads, but something in it
 * would mislead (a quote its source does not hold) or fail later (an agent `run` cannot build).
 * Errors make `validate` fail; warnings are reported and pass.
 */
export interface ScenarioProblem {
  readonly severity: 'error' | 'warning';
  readonly position: FilePosition;
  readonly message: string;
  readonly expected?: string;
}

/** Checks an agent spec of the simulation defaults for its seat (the agent registry lives above this layer). */
export type AgentSpecCheck = (
  spec: AgentSpec,
  seat: 'delegation' | 'mediator',
  scenario: Scenario,
  party?: string,
) => { readonly message: string; readonly parameters?: readonly string[] } | null;

export interface LintOptions {
  readonly checkAgentSpec?: AgentSpecCheck;
  /** Rounds `parley run` plays when the scenario sets none. */
  readonly defaultRounds: number;
}

interface Lint {
  readonly file: ScenarioFile;
  readonly scenario: Scenario;
  readonly text: SourceText;
  readonly dir: string;
  readonly problems: ScenarioProblem[];
}

function report(lint: Lint, severity: ScenarioProblem['severity'], path: FilePath, message: string, expected?: string) {
  const params = path[path.length - 2] === 'params';
  const at = params ? 'key' : 'value';
  lint.problems.push({
    severity,
    position: lint.text.position(path, at),
    // An agent's own message already names the agent and the parameter.
    message:
      params || path[path.length - 1] === 'strategy' ? message : `${describeField(path, lint.text.data)} ${message}`,
    ...(expected ? { expected } : {}),
  });
}

/** Re-reads a scenario file that already parsed, and reports what the format alone cannot see. */
export function lintScenarioFile(path: string, options: LintOptions): ScenarioProblem[] {
  const text = parseSourceText(readText(path), path, path.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
  const file = scenarioFileSchema.parse(text.data);
  const lint: Lint = { file, scenario: scenarioFromFile(file), text, dir: dirname(resolve(path)), problems: [] };
  checkSources(lint);
  checkTimelineRanges(lint, options.defaultRounds);
  if (options.checkAgentSpec) checkAgentSpecs(lint, options.checkAgentSpec);
  const line = (p: ScenarioProblem) => (p.position.line ?? 0) * 1e6 + (p.position.column ?? 0);
  return lint.problems.sort((a, b) => line(a) - line(b));
}

/** Whitespace and the typographic form of quotation marks are the only liberties a quote may take. */
export const normaliseQuote = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** A source file is looked up beside the scenario, then in a `seeds/` folder beside it. */
function sourceText(lint: Lint, cache: Map<string, string | null>, name: string): string | null {
  if (!cache.has(name)) {
    const found = [join(lint.dir, name), join(lint.dir, 'seeds', name)].find((p) => existsSync(p));
    cache.set(name, found ? normaliseQuote(readFileSync(found, 'utf8')) : null);
  }
  return cache.get(name)!;
}

/** Every `source: {file, quote}` names a file that exists and holds the quote; every report's headline is in its file. */
function checkSources(lint: Lint): void {
  const cache = new Map<string, string | null>();
  const check = (path: FilePath, name: string, quote: string, what: string) => {
    const text = sourceText(lint, cache, name);
    if (text === null)
      report(
        lint,
        'error',
        [...path, 'file'],
        `names the source file "${name}", which does not exist`,
        `a file beside the scenario or in its seeds/ folder`,
      );
    else if (!text.includes(normaliseQuote(quote)))
      report(
        lint,
        'error',
        [...path, what],
        `is not found in ${name}`,
        `words copied from ${name} (only whitespace and quotation marks may differ)`,
      );
  };
  const walk = (node: unknown, path: (string | number)[]) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, [...path, i]));
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const source = value as { file?: unknown; quote?: unknown };
      if (key === 'source' && typeof source?.file === 'string' && typeof source.quote === 'string')
        check([...path, key], source.file, source.quote, 'quote');
      else walk(value, [...path, key]);
    }
  };
  walk(lint.text.data, []);
  (lint.file.reports ?? []).forEach((r, i) => check(['reports', i], r.file, r.headline, 'headline'));
}

const clip = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * Outside events in time order: one after the deadline never fires in a run (a warning when the
 * deadline is `run`'s default, which `--rounds` may raise; an error when the scenario sets it),
 * and an effect must not push a walk-away value out of [0, 1] or change a weight that cannot move.
 */
function checkTimelineRanges(lint: Lint, defaultRounds: number): void {
  const sim = lint.scenario.simulation;
  const hoursPerRound = sim?.hoursPerRound ?? 1;
  let deadline = (sim?.rounds ?? defaultRounds) * hoursPerRound;
  const setBy = sim?.rounds !== undefined ? 'simulation.rounds' : `parley run's default of ${defaultRounds} rounds`;
  const reservation = new Map(lint.scenario.parties.map((p) => [p.name, p.reservation]));
  const events = (lint.file.timeline ?? []).map((event, index) => ({ event, index }));
  events.sort((a, b) => numberOf(a.event.at) - numberOf(b.event.at));
  for (const { event, index } of events) {
    const at = numberOf(event.at);
    if (at > deadline + 1e-9)
      report(
        lint,
        sim?.rounds !== undefined ? 'error' : 'warning',
        ['timeline', index, 'at'],
        `is hour ${at}, after the deadline (hour ${clip(deadline)}, from ${setBy}${hoursPerRound !== 1 ? ` × ${hoursPerRound} hours per round` : ''}): the event never fires in a run`,
        `an hour up to ${clip(deadline)}, or a later deadline`,
      );
    (event.effects ?? []).forEach((effect, f) => {
      const path = ['timeline', index, 'effects', f];
      if (effect.kind === 'deadline')
        deadline += sim?.hoursPerRound === undefined ? Math.round(numberOf(effect.delta)) : numberOf(effect.delta);
      if (effect.kind === 'reservation') {
        const before = reservation.get(effect.party) ?? 0;
        const after = before + numberOf(effect.delta);
        if (after < -1e-9 || after > 1 + 1e-9)
          report(
            lint,
            'error',
            [...path, 'delta'],
            `would move ${effect.party}'s walk-away value from ${clip(before)} to ${clip(after)}, outside [0, 1] (a run would cap it at ${after < 0 ? 0 : 1})`,
            `a change between ${clip(-before)} and ${clip(1 - before)}`,
          );
        reservation.set(effect.party, Math.min(1, Math.max(0, after)));
      }
      if (effect.kind === 'weight') checkWeightEffect(lint, path, effect.party, effect.issue);
    });
  }
}

function checkWeightEffect(lint: Lint, path: FilePath, partyName: string, issue: string): void {
  const party = lint.scenario.parties.find((p) => p.name === partyName);
  if (!party) return;
  if (party.utility.kind !== 'additive')
    report(
      lint,
      'error',
      path,
      `changes a weight of ${partyName}, whose preferences are hyper-rectangles without weights: it would do nothing`,
      'a weight effect on a party with additive preferences',
    );
  else if (!(party.utility.weights[issue]! > 0))
    report(
      lint,
      'warning',
      [...path, 'factor'],
      `scales ${partyName}'s weight of ${issue}, which is 0: it would do nothing`,
      'an issue the party weighs',
    );
}

/** The party a simulation default plays: the one its role names (a party or a delegation), else the one at its place. */
function partyOfAgent(lint: Lint, spec: AgentSpec, index: number, all: readonly AgentSpec[]): string | undefined {
  const { parties, roles } = lint.scenario;
  if (spec.role === undefined) return all.every((s) => s.role === undefined) ? parties[index]?.name : undefined;
  return parties.find((p) => p.name === spec.role)?.name ?? roles.delegations.find((d) => d.name === spec.role)?.party;
}

function checkAgentSpecs(lint: Lint, check: AgentSpecCheck): void {
  const sim = lint.scenario.simulation;
  for (const [key, seat] of [
    ['agents', 'delegation'],
    ['mediators', 'mediator'],
  ] as const) {
    const specs = sim?.[key] ?? [];
    specs.forEach((spec, i) => {
      const path = ['simulation', key, i];
      const problem = check(
        spec,
        seat,
        lint.scenario,
        seat === 'delegation' ? partyOfAgent(lint, spec, i, specs) : undefined,
      );
      if (!problem) return;
      const parameter = problem.parameters?.find((p) => spec.params?.[p] !== undefined);
      report(lint, 'error', parameter ? [...path, 'params', parameter] : [...path, 'strategy'], problem.message);
    });
  }
}
