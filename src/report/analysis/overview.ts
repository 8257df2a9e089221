import type { Domain } from '../../core/domain.js';
import type { Issue } from '../../core/issue.js';
import type { Party, RedLine } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';
import type { Analysis } from '../../analysis/types.js';
import type { AssumedNumbers } from './assumed.js';
import { formatCount, formatUtility, formatValue, heading, plainTable } from './format.js';

export function titleSection(scenario: Scenario): string {
  const lines = [`${scenario.title ?? scenario.name}`];
  if (scenario.title && scenario.title !== scenario.name) lines.push(`Scenario: ${scenario.name}`);
  if (scenario.origin) lines.push(`Origin: ${scenario.origin}`);
  return lines.join('\n') + '\n';
}

export function partiesSection(scenario: Scenario, assumed: AssumedNumbers): string {
  const rows = scenario.parties.map((p) => [
    p.name,
    assumed.mark(formatUtility(p.reservation), assumed.reservation(p.name)),
    p.discount >= 1 ? 'none' : String(p.discount),
    String(p.redLines.length),
    p.utility.kind === 'additive' ? 'additive' : `${p.utility.rectangles.length} rectangles`,
  ]);
  const table = plainTable(['Party', 'Reservation', 'Discount', 'Red lines', 'Preferences'], rows, [
    'left',
    'right',
    'right',
    'right',
    'left',
  ]);
  const redLines = scenario.parties.flatMap((p) => p.redLines.map((l) => `  ${p.name} / ${l.id}: ${redLineText(l)}`));
  return heading('Parties') + table + '\n' + (redLines.length > 0 ? `Red lines:\n${redLines.join('\n')}\n` : '');
}

export function redLineText(line: RedLine): string {
  const parts: string[] = [];
  if (line.allowed) parts.push(`${line.issue} must be one of {${line.allowed.map(formatValue).join(', ')}}`);
  if (line.min !== undefined) parts.push(`${line.issue} ≥ ${line.min}`);
  if (line.max !== undefined) parts.push(`${line.issue} ≤ ${line.max}`);
  const rule = parts.length > 0 ? parts.join(' and ') : `on ${line.issue}`;
  return line.description ? `${rule} — ${line.description}` : rule;
}

export function issuesSection(scenario: Scenario, assumed: AssumedNumbers): string {
  const { domain, parties } = scenario;
  const additive = parties.every((p) => p.utility.kind === 'additive');
  const groups = issueGroups(domain);
  const phased = domain.phases.length > 0;
  const rows: string[][] = [];
  for (const group of groups) {
    group.issues.forEach((issue, i) => {
      const row = [
        ...(phased ? [i === 0 ? group.phase : ''] : []),
        assumed.mark(issue.name, assumed.covers(`issues.${issue.name}`)),
        issueValues(issue),
      ];
      if (additive) row.push(...parties.map((p) => weightText(p, issue.name, assumed)));
      rows.push(row);
    });
  }
  const head = [...(phased ? ['Phase'] : []), 'Issue', 'Values'];
  if (additive) head.push(...parties.map((p) => `w ${p.name}`));
  const table = plainTable(head, rows);
  return (
    heading(
      `Issues (${domain.issues.length}${domain.phases.length > 0 ? `, in ${domain.phases.length} phases` : ''})`,
    ) +
    table +
    '\n'
  );
}

interface IssueGroup {
  readonly phase: string;
  readonly issues: readonly Issue[];
}

/** Issues grouped by phase in phase order; issues outside every phase come last. */
export function issueGroups(domain: Domain): IssueGroup[] {
  if (domain.phases.length === 0) return [{ phase: '—', issues: domain.issues }];
  const groups: IssueGroup[] = domain.phases.map((phase) => ({
    phase: phase.name,
    issues: phase.issues.map((n) => domain.issues.find((i) => i.name === n)).filter((i): i is Issue => i !== undefined),
  }));
  const phased = new Set(domain.phases.flatMap((p) => p.issues));
  const rest = domain.issues.filter((i) => !phased.has(i.name));
  if (rest.length > 0) groups.push({ phase: '(no phase)', issues: rest });
  return groups;
}

function issueValues(issue: Issue): string {
  switch (issue.kind) {
    case 'discrete': {
      const shown = issue.values.slice(0, 5).join(', ');
      return issue.values.length > 5 ? `${shown}, … (${issue.values.length} values)` : shown;
    }
    case 'integer':
      return `${issue.min}..${issue.max} (integer)`;
    case 'real':
      return `${issue.min}..${issue.max} (real, ${issue.steps + 1} points)`;
  }
}

function weightText(party: Party, issue: string, assumed: AssumedNumbers): string {
  if (party.utility.kind !== 'additive') return '';
  const w = party.utility.weights[issue] ?? 0;
  return assumed.mark(
    w.toFixed(2),
    ['weights', 'values'].some((f) => assumed.covers(`parties.${party.name}.${f}.${issue}`)) ||
      assumed.covers(`parties.${party.name}.preferences`),
  );
}

export function sizeSection(analysis: Analysis): string {
  const count = analysis.outcomes;
  const exactness = analysis.exact ? 'exact' : 'approximate: the time limit was reached before the search finished';
  return (
    heading('Outcome space') +
    `Outcomes: ${formatCount(count)}\n` +
    `Pareto frontier: ${analysis.frontier.length} point${analysis.frontier.length === 1 ? '' : 's'} over all outcomes, red lines aside (${exactness})\n` +
    `Analysis took ${analysis.seconds.toFixed(2)} s\n`
  );
}
