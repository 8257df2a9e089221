import type { Scenario } from '../../core/scenario.js';
import type { Analysis, Blocker, FrontierPoint } from '../../analysis/types.js';
import { ZONE_SAMPLES } from '../../analysis/zone-count.js';
import type { AssumedNumbers } from './assumed.js';
import { formatCount, formatUtility, heading, plainTable, wrap, wrappedOutcome } from './format.js';
import { issueGroups, redLineText } from './overview.js';
import { limitsText, solutionTies, tiesText } from './ties.js';

const WIDTH = 100;

/** Column heads for utilities: party names, marked where the party's utilities rest on assumptions. */
function utilityHeads(scenario: Scenario, assumed: AssumedNumbers): string[] {
  return scenario.parties.map((p) => assumed.mark(p.name, assumed.utilities(p.name)));
}

export function solutionsSection(scenario: Scenario, analysis: Analysis, assumed: AssumedNumbers): string {
  const solutions: [string, FrontierPoint | null][] = [
    ['Nash', analysis.nash],
    ['Kalai–Smorodinsky', analysis.kalaiSmorodinsky],
    ['Max welfare', analysis.maxWelfare],
    ['Egalitarian', analysis.egalitarian],
  ];
  const rows = solutions.map(([name, point]) =>
    point
      ? [name, ...point.utilities.map(formatUtility), formatUtility(sum(point.utilities))]
      : [name, ...scenario.parties.map(() => '—'), '—'],
  );
  const reservations = analysis.disagreement.map((d, i) =>
    assumed.mark(formatUtility(d), assumed.reservation(scenario.parties[i]?.name ?? '')),
  );
  rows.push(['Disagreement', ...reservations, formatUtility(sum(analysis.disagreement))]);
  const heads = ['Solution', ...utilityHeads(scenario, assumed), 'Sum'];
  const table = plainTable(
    heads,
    rows,
    heads.map((_, i) => (i === 0 ? 'left' : 'right')),
  );
  const outcomes = solutions.map(([name, point]) =>
    point
      ? wrappedOutcome(`  ${name}: `, scenario.domain, point.outcome, WIDTH, '      ')
      : `  ${name}: none (${noneReason(name)})`,
  );
  const scope =
    'Nash and Kalai–Smorodinsky are taken over the outcomes every party accepts (no red line crossed, at least the\n' +
    'reservation value); max welfare and egalitarian over all outcomes, red lines aside.\n';
  return (
    heading('Bargaining solutions') +
    table +
    '\n' +
    scope +
    tiesText(scenario, solutionTies(scenario, analysis), WIDTH) +
    limitsText(scenario, analysis, WIDTH) +
    'Outcomes:\n' +
    outcomes.join('\n') +
    '\n'
  );
}

/** Nash and Kalai–Smorodinsky need a point every party prefers to walking away. */
function noneReason(name: string): string {
  return name === 'Nash' || name === 'Kalai–Smorodinsky' ? 'no outcome is acceptable to every party' : 'no outcome';
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function zoneSection(scenario: Scenario, analysis: Analysis, assumed: AssumedNumbers): string {
  const { zopa } = analysis;
  const empty = zopa.size === '0' || (zopa.size === null && zopa.best.length === 0);
  const size =
    zopa.size !== null
      ? `${formatCount(BigInt(zopa.size))} outcome${zopa.size === '1' ? '' : 's'}`
      : zopa.estimate !== null
        ? `about ${formatCount(BigInt(zopa.estimate))} outcomes (estimated from ${formatCount(BigInt(ZONE_SAMPLES))} random outcomes; not counted exactly within the time limit)`
        : 'not counted within the time limit';
  let text = heading('Zone of possible agreement');
  if (empty) {
    text +=
      'The zone is EMPTY: no outcome respects every red line and gives every party at least its reservation value.\n';
    return text;
  }
  text += `Size: ${size}\n`;
  const rows = zopa.best.map((point, i) => [
    `best for ${scenario.parties[i]?.name ?? i}`,
    ...point.utilities.map(formatUtility),
  ]);
  text +=
    plainTable(['Point', ...utilityHeads(scenario, assumed)], rows, [
      'left',
      ...scenario.parties.map(() => 'right' as const),
    ]) + '\n';
  text +=
    zopa.best
      .map((p, i) =>
        wrappedOutcome(`  best for ${scenario.parties[i]?.name}: `, scenario.domain, p.outcome, WIDTH, '      '),
      )
      .join('\n') + '\n';
  return text;
}

export function blockersSection(scenario: Scenario, analysis: Analysis): string {
  if (analysis.blockers.length === 0) return '';
  const parts = analysis.blockers.map((b, i) => blockerText(scenario, b, i + 1));
  return (
    heading('What blocks agreement') +
    'Relaxing any one of these sets of constraints would open the zone (red lines as listed under Parties):\n' +
    parts.join('')
  );
}

/** One blocker: its constraints in short, then the best package it opens and how many more. */
function blockerText(scenario: Scenario, blocker: Blocker, n: number): string {
  const lines = [
    wrap(`${n}. ${blocker.constraints.map((c) => shortConstraint(scenario, c)).join(' + ')}`, WIDTH, '   '),
  ];
  if (blocker.issues.length > 0) lines.push(`   Issues: ${blocker.issues.join(', ')}`);
  const [first, ...rest] = blocker.opens;
  if (!first) lines.push('   Opens: no package (the zone stays empty)');
  else {
    const utilities = first.utilities.map((u, i) => `${scenario.parties[i]?.name ?? i} ${formatUtility(u)}`).join(', ');
    const more = rest.length > 0 ? ` (+${rest.length} more on the frontier)` : '';
    lines.push(`   Opens, e.g. (${utilities})${more}:`);
    lines.push(wrappedOutcome('     ', scenario.domain, first.outcome, WIDTH, '     '));
  }
  return lines.join('\n') + '\n';
}

/** `Israel / pause-not-end` or `Hamas's reservation 0.300`. */
function shortConstraint(scenario: Scenario, constraint: string): string {
  const [kind, rest = ''] = splitOnce(constraint, ':');
  if (kind === 'red-line') return rest.replace('/', ' / ');
  if (kind === 'reservation') {
    const party = scenario.parties.find((p) => p.name === rest);
    return `${rest}'s reservation value${party ? ` ${formatUtility(party.reservation)}` : ''}`;
  }
  return constraint;
}

/** `red-line:<party>/<id>` and `reservation:<party>` in words, with the rule or the value. */
export function constraintText(scenario: Scenario, constraint: string): string {
  const [kind, rest = ''] = splitOnce(constraint, ':');
  if (kind === 'red-line') {
    const [partyName, id] = splitOnce(rest, '/');
    const line = scenario.parties.find((p) => p.name === partyName)?.redLines.find((l) => l.id === id);
    return `${partyName}'s red line ${id}${line ? ` (${redLineText(line)})` : ''}`;
  }
  if (kind === 'reservation') {
    const party = scenario.parties.find((p) => p.name === rest);
    return `${rest}'s reservation value${party ? ` (${formatUtility(party.reservation)})` : ''}`;
  }
  return constraint;
}

function splitOnce(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + sep.length)];
}

/** Whether every party's issue weights are assumed and all equal: then opposition ranks issues on value scores alone. */
export function equalAssumedWeights(scenario: Scenario, assumed: AssumedNumbers): boolean {
  return scenario.parties.every((p) => {
    if (p.utility.kind !== 'additive' || !assumed.utilities(p.name)) return false;
    const ws = Object.values(p.utility.weights);
    return ws.every((w) => Math.abs(w - ws[0]!) < 1e-9);
  });
}

export function stickingSection(scenario: Scenario, analysis: Analysis, assumed?: AssumedNumbers): string {
  const phaseOf = new Map<string, string>();
  for (const group of issueGroups(scenario.domain))
    for (const issue of group.issues) phaseOf.set(issue.name, group.phase);
  const points = [...analysis.stickingPoints].sort(
    (a, b) => Number(b.blocking) - Number(a.blocking) || b.opposition - a.opposition,
  );
  const phased = scenario.domain.phases.length > 0;
  const rows = points.map((s) => [
    s.issue,
    ...(phased ? [phaseOf.get(s.issue) ?? '—'] : []),
    s.opposition.toFixed(3),
    s.blocking ? 'yes' : 'no',
  ]);
  const head = ['Issue', ...(phased ? ['Phase'] : []), 'Opposition', 'Blocking'];
  const table = plainTable(head, rows, ['left', ...(phased ? ['left' as const] : []), 'right', 'left']);
  const pairs =
    scenario.parties.length > 2
      ? ' With more than two parties, the largest over every pair of parties (the pair that pulls hardest).'
      : '';
  const equal =
    assumed && equalAssumedWeights(scenario, assumed)
      ? wrap(
          'Every party’s issue weights are assumed and equal, so this ranking rests on that assumption: it reflects only how the parties’ value scores pull apart, not how much each issue matters to them.',
          WIDTH,
          '',
        ) + '\n'
      : '';
  const note =
    wrap(
      `Opposition: how directly two parties pull against each other on the issue, (1 − ρ)/2 with ρ the Spearman rank correlation of their value scores, weighted by the smaller of their two weights (0 = not at all).${pairs}`,
      WIDTH,
      '',
    ) +
    '\n' +
    equal +
    'Blocking: the issue carries a red line or reservation that keeps the zone empty.\n';
  return heading('Sticking points') + table + '\n' + note;
}

export function assumedSection(assumed: AssumedNumbers): string {
  if (!assumed.any) return '';
  // Notes that share a reason (the same choice made for each party) are listed once.
  const byReason = new Map<string, string[]>();
  for (const n of assumed.notes) {
    const reason = n.reason ?? 'assumed (no reason given)';
    byReason.set(reason, [...(byReason.get(reason) ?? []), n.path]);
  }
  const lines = [...byReason].map(([reason, paths]) => wrap(`  ${paths.join(', ')}: ${reason}`, WIDTH, '      '));
  return (
    heading('Assumed numbers') +
    `Numbers marked ${'*'} are not stated by the sources; they are modelling choices:\n` +
    lines.join('\n') +
    '\n'
  );
}
