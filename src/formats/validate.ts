import { outcomeCount, type Domain } from '../core/domain.js';
import { issueSize, type Issue } from '../core/issue.js';
import { formatName, inspectInput, type InspectedInput } from './input.js';
import { count, shown } from './text-limits.js';
import { describeWarning, type FormatWarning } from './warnings.js';
import { existsSync } from 'node:fs';
import { findBuiltin } from './builtin.js';
import { isDirectory } from './file-io.js';
import { lintScenarioFile, type ScenarioProblem } from './scenario/lint.js';
import { agentSpecProblem } from '../session/spec-problems.js';
import { DEFAULT_ROUNDS } from '../session/plan.js';

/** At most this many warnings are listed one by one; the rest are counted. */
export const MAX_LISTED_WARNINGS = 20;

function issueLine(issue: Issue): string {
  const size = count(issueSize(issue));
  switch (issue.kind) {
    case 'discrete':
      return `${shown(issue.name, 60)} (discrete, ${size} values)`;
    case 'integer':
      return `${shown(issue.name, 60)} (integer ${issue.min}..${issue.max})`;
    case 'real':
      return `${shown(issue.name, 60)} (real ${issue.min}..${issue.max}, ${size} grid points)`;
  }
}

function domainLines(domain: Domain): string[] {
  const issues = domain.issues.length;
  const shownIssues = domain.issues.slice(0, 12).map(issueLine);
  const more = issues > 12 ? `, and ${issues - 12} more` : '';
  return [
    `${issues} issue${issues === 1 ? '' : 's'}, ${count(outcomeCount(domain))} outcomes${domain.phases.length ? `, ${domain.phases.length} phases` : ''}`,
    `issues: ${shownIssues.join(', ')}${more}`,
  ];
}

/** One line per warning, `warning: file:line:column: what was read leniently`, the rest counted. */
export function warningLines(warnings: readonly FormatWarning[]): string[] {
  const lines = warnings.slice(0, MAX_LISTED_WARNINGS).map((w) => `warning: ${shown(describeWarning(w), 300)}`);
  if (warnings.length > MAX_LISTED_WARNINGS)
    lines.push(`warning: and ${count(warnings.length - MAX_LISTED_WARNINGS)} more warnings of these kinds`);
  return lines;
}

function summaryLines(inspected: InspectedInput): string[] {
  const source = inspected.builtin ? `built-in ${inspected.builtin}` : undefined;
  if (inspected.kind === 'domain')
    return [
      `${source ?? `domain "${shown(inspected.domain.name, 60)}"`}: ${formatName(inspected.format)} domain, no utility profiles`,
      ...domainLines(inspected.domain),
      "give the profiles with the domain to analyse or run it (each party's preferences are needed)",
    ];
  const { scenario } = inspected;
  const parties = scenario.parties.map((p) => {
    const kind = p.utility.kind === 'additive' ? 'additive' : `${p.utility.rectangles.length} hyper-rectangles`;
    return `${shown(p.name, 60)} (${kind}, reservation ${p.reservation}${p.discount < 1 ? `, discount ${p.discount}` : ''})`;
  });
  const lines = [
    `${source ?? `scenario "${shown(scenario.name, 60)}"`}: ${formatName(inspected.format)}`,
    `${scenario.parties.length} parties: ${parties.join(', ')}`,
    domainLines(scenario.domain)[0]!,
  ];
  if (scenario.origin) lines.push(`origin: ${shown(scenario.origin, 200)}`);
  return lines;
}

/** The parley scenario file the inputs name (a file or a built-in), where the checks beyond the format apply. */
function scenarioFileOf(inputs: readonly string[], inspected: InspectedInput): string | undefined {
  if (!inspected.format.startsWith('parley')) return undefined;
  if (inspected.builtin) return findBuiltin(inspected.builtin)?.path;
  const only = inputs.length === 1 ? inputs[0]! : undefined;
  return only && existsSync(only) && !isDirectory(only) ? only : undefined;
}

/** `error: file:line:column: message (expected …)`, as the CLI shows errors. */
function problemLine(p: ScenarioProblem): string {
  const where = describeWarning({ position: p.position, message: p.message });
  return `${p.severity}: ${shown(where, 400)}${p.expected ? ` (expected ${shown(p.expected, 240)})` : ''}`;
}

/**
 * Reads and checks inputs without analysing them. Throws the ParleyError of the first
 * problem that stops reading; otherwise returns a summary (a domain alone included), every
 * lenient form that was read as GENIUS reads it, and for a parley scenario what the format
 * alone cannot see (`lintScenarioFile`): `ok` is false when one of those is an error.
 */
export function validateInput(inputs: readonly string[]): {
  ok: boolean;
  summary: string;
  warnings: readonly FormatWarning[];
  problems: readonly ScenarioProblem[];
} {
  const inspected = inspectInput(inputs);
  const file = scenarioFileOf(inputs, inspected);
  const problems = file
    ? lintScenarioFile(file, { checkAgentSpec: agentSpecProblem, defaultRounds: DEFAULT_ROUNDS })
    : [];
  const lines = [...summaryLines(inspected), ...warningLines(inspected.warnings), ...problems.map(problemLine)];
  return {
    ok: problems.every((p) => p.severity !== 'error'),
    summary: lines.join('\n'),
    warnings: inspected.warnings,
    problems,
  };
}
