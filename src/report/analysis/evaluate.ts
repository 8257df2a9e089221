import { outcomeProblems, type Outcome } from '../../core/domain.js';
import { ParleyError } from '../../core/errors.js';
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

// The outcome reader belongs to the formats: strict JSON, positioned errors.
export { parseOutcome, legalValues } from '../../formats/outcome.js';

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
