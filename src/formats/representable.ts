import { ParleyError } from '../core/errors.js';
import type { Scenario } from '../core/scenario.js';

/**
 * What a GENIUS or GeniusWeb file set cannot hold: everything in a scenario beyond the
 * domain's issues and each party's utility, reservation and discount.
 */
export function scenarioExtras(scenario: Scenario): string[] {
  const out: string[] = [];
  if (scenario.domain.phases.length > 0)
    out.push(`phases (${scenario.domain.phases.map((p) => `"${p.name}"`).join(', ')})`);
  for (const party of scenario.parties) {
    for (const line of party.redLines) out.push(`red line "${line.id}" of party "${party.name}"`);
    if (party.description) out.push(`description of party "${party.name}"`);
  }
  const r = scenario.roles;
  const roleCount =
    r.delegations.length + r.mediators.length + r.decisionBodies.length + r.workingGroups.length + r.observers.length;
  if (roleCount > 0)
    out.push(`roles (${roleCount}: delegations, mediators, decision bodies, working groups, observers)`);
  if (scenario.timeline.length > 0) out.push(`timeline (${scenario.timeline.length} outside events)`);
  if (scenario.positions.length > 0) out.push(`reported positions (${scenario.positions.length})`);
  if (scenario.simulation) out.push('simulation defaults');
  if (scenario.reports.length > 0) out.push(`source reports (${scenario.reports.length})`);
  if (scenario.notes.length > 0) out.push(`provenance notes (${scenario.notes.length})`);
  if (scenario.title) out.push('title');
  if (scenario.description) out.push('description');
  return out;
}

/** Throws PARLEY_E_UNREPRESENTABLE naming every item the target format cannot hold. */
export function refuseUnrepresentable(format: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 20).join('; ');
  const more = problems.length > 20 ? `; and ${problems.length - 20} more` : '';
  throw new ParleyError('PARLEY_E_UNREPRESENTABLE', `${format} cannot represent: ${shown}${more}`, {
    expected: `a scenario with only issues and additive${format === 'GENIUS XML' ? ' or hyper-rectangle' : ''} utilities`,
  });
}

export const sumOf = (xs: Iterable<number>): number => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
};
