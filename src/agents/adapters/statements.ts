import type { Outcome } from '../../core/domain.js';
import type { Negotiator } from '../negotiator.js';

/**
 * A public statement of a party's position in plain words: the values it asks for on the
 * issues that matter most to it, and its red lines. No adjectives, no blame.
 */
export function positionStatement(party: string, negotiator: Negotiator, position: Outcome, issueCount = 3): string {
  const prefs = negotiator.prefs;
  const ranked = prefs.domain.issues
    .map((issue) => ({ issue: issue.name, stake: stakeOf(negotiator, position, issue.name) }))
    .filter((x) => x.stake > 0)
    .sort((a, b) => b.stake - a.stake)
    .slice(0, issueCount);
  const asks = ranked.map((r) => `${r.issue}: ${String(position[r.issue])}`);
  const lines = prefs.current.redLines.map((l) =>
    l.allowed
      ? `${l.issue} only ${l.allowed.map(String).join(' or ')}`
      : `${l.issue} ${l.min !== undefined ? `at least ${l.min}` : ''}${l.min !== undefined && l.max !== undefined ? ' and ' : ''}${l.max !== undefined ? `at most ${l.max}` : ''}`,
  );
  const parts = [`${party} asks for ${asks.length ? asks.join('; ') : 'the terms it has set out'}.`];
  if (lines.length) parts.push(`${party} will not sign an agreement without ${lines.join('; ')}.`);
  return parts.join(' ');
}

/** How much utility the party would lose at worst by changing this issue alone. */
function stakeOf(negotiator: Negotiator, position: Outcome, issueName: string): number {
  const prefs = negotiator.prefs;
  const issue = prefs.domain.issues.find((i) => i.name === issueName)!;
  const base = prefs.utility(position);
  let worst = 0;
  const n =
    issue.kind === 'discrete'
      ? issue.values.length
      : Math.min(issue.kind === 'integer' ? issue.max - issue.min + 1 : issue.steps + 1, 64);
  for (let j = 0; j < n; j++) {
    const v =
      issue.kind === 'discrete'
        ? issue.values[j]!
        : issue.kind === 'integer'
          ? issue.min + Math.round((j * (issue.max - issue.min)) / Math.max(1, n - 1))
          : issue.min + ((issue.max - issue.min) * j) / Math.max(1, n - 1);
    worst = Math.max(worst, base - prefs.utility({ ...position, [issueName]: v }));
  }
  return worst;
}
