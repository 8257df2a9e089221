import { outcomeProblems, type Domain, type Outcome } from '../../core/domain.js';
import { ParleyError } from '../../core/errors.js';
import { isValueOf, type Issue, type Value } from '../../core/issue.js';
import { isAcceptable, redLinesCrossed, utilityFor, type RedLine } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';
import { AssumedNumbers } from './assumed.js';
import { formatUtility, outcomeText, plainTable, wrap } from './format.js';
import { redLineText } from './overview.js';

export interface PartyEvaluation {
  readonly party: string;
  readonly utility: number;
  readonly reservation: number;
  readonly redLinesCrossed: readonly RedLine[];
  /** No red line crossed and utility at least the reservation value. */
  readonly acceptable: boolean;
}

export interface OutcomeEvaluation {
  readonly outcome: Outcome;
  readonly parties: readonly PartyEvaluation[];
  readonly crossesRedLine: boolean;
  /** Acceptable to every party: inside the zone of possible agreement. */
  readonly inZone: boolean;
}

export function evaluateOutcome(scenario: Scenario, outcome: Outcome): OutcomeEvaluation {
  const problems = outcomeProblems(scenario.domain, outcome);
  if (problems.length > 0) throw new ParleyError('PARLEY_E_OUTCOME', `bad outcome: ${problems.join('; ')}`);
  const parties = scenario.parties.map((p) => ({
    party: p.name,
    utility: utilityFor(p, outcome),
    reservation: p.reservation,
    redLinesCrossed: redLinesCrossed(p, outcome),
    acceptable: isAcceptable(p, outcome),
  }));
  return {
    outcome,
    parties,
    crossesRedLine: parties.some((p) => p.redLinesCrossed.length > 0),
    inZone: parties.every((p) => p.acceptable),
  };
}

/**
 * Reads an outcome given as JSON text (`{"issue": value, …}`). Numbers written as strings
 * are read as numbers on numeric issues, and numbers as strings on discrete issues, since
 * shells and spreadsheets blur the two. Every problem names the issue and the legal values.
 */
export function parseOutcome(domain: Domain, text: string, source = '--outcome'): Outcome {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ParleyError('PARLEY_E_OUTCOME', `${source} is not valid JSON: ${(e as Error).message}`, {
      expected: 'an object such as {"issue": "value", …}',
    });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ParleyError('PARLEY_E_OUTCOME', `${source} must be a JSON object`, {
      expected: 'an object such as {"issue": "value", …}',
    });
  }
  const outcome: Record<string, Value> = {};
  for (const [key, value] of Object.entries(raw)) {
    const issue = domain.issues.find((i) => i.name === key);
    outcome[key] = issue ? coerce(issue, value) : (value as Value);
  }
  const missingOrBad = domain.issues.filter((i) => outcome[i.name] === undefined || !isValueOf(i, outcome[i.name]!));
  const unknown = Object.keys(outcome).filter((k) => !domain.issues.some((i) => i.name === k));
  if (missingOrBad.length > 0 || unknown.length > 0) {
    const problems = outcomeProblems(domain, outcome);
    const first = missingOrBad[0];
    throw new ParleyError('PARLEY_E_OUTCOME', `bad outcome: ${problems.join('; ')}`, {
      expected: first
        ? `${first.name}: ${legalValues(first)}`
        : `only the issues ${domain.issues.map((i) => i.name).join(', ')}`,
    });
  }
  return outcome;
}

export function coerce(issue: Issue, value: unknown): Value {
  if (issue.kind === 'discrete' && typeof value === 'number') return String(value);
  if (issue.kind !== 'discrete' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
}

export function legalValues(issue: Issue): string {
  switch (issue.kind) {
    case 'discrete':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'integer':
      return `an integer from ${issue.min} to ${issue.max}`;
    case 'real':
      return `a number from ${issue.min} to ${issue.max}`;
  }
}

export function renderEvaluationText(scenario: Scenario, evaluation: OutcomeEvaluation): string {
  const assumed = new AssumedNumbers(scenario);
  const rows = evaluation.parties.map((p) => [
    assumed.mark(p.party, assumed.utilities(p.party)),
    formatUtility(p.utility),
    assumed.mark(formatUtility(p.reservation), assumed.reservation(p.party)),
    p.redLinesCrossed.length === 0 ? 'none' : p.redLinesCrossed.map((l) => l.id).join(', '),
    p.acceptable ? 'yes' : 'no',
  ]);
  const table = plainTable(['Party', 'Utility', 'Reservation', 'Red lines crossed', 'Acceptable'], rows, [
    'left',
    'right',
    'right',
    'left',
    'left',
  ]);
  const crossed = evaluation.parties.flatMap((p) =>
    p.redLinesCrossed.map((l) => `  ${p.party} / ${l.id}: ${redLineText(l)}`),
  );
  const lines = [
    wrap(`Outcome: ${outcomeText(scenario.domain, evaluation.outcome)}`, 100, '  '),
    table,
    crossed.length > 0 ? `Red lines crossed:\n${crossed.join('\n')}` : 'No red line is crossed.',
    evaluation.inZone
      ? 'In the zone of possible agreement: yes (every party prefers it to no agreement).'
      : `In the zone of possible agreement: no (not acceptable to ${evaluation.parties
          .filter((p) => !p.acceptable)
          .map((p) => p.party)
          .join(', ')}).`,
  ];
  if (assumed.any) lines.push(`Marked ${'*'}: rests on assumed numbers (see \`parley analyze\`).`);
  return lines.join('\n') + '\n';
}
