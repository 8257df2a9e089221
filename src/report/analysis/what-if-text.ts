import type { NearMiss } from '../../analysis/what-if/near-misses.js';
import type { Trade } from '../../analysis/what-if/trades.js';
import type { Scenario } from '../../core/scenario.js';
import { formatUtility, heading, outcomeText, wrap } from './format.js';

/** The packages that come closest to the empty zone, ranked, each with what keeps it out. */
export function nearMissesSection(scenario: Scenario, misses: readonly NearMiss[]): string {
  if (misses.length === 0) return '';
  const items = misses.map((m, i) => {
    const crossed = m.crossed.length
      ? `crosses ${m.crossed.map((c) => `${c.party}/${c.line.id}`).join(', ')}`
      : 'crosses no red line';
    const short = scenario.parties
      .map((p, k) =>
        m.shortfall[k]! > 0 ? `${p.name} ${formatUtility(m.shortfall[k]!)} short of its walk-away value` : '',
      )
      .filter(Boolean);
    const utilities = scenario.parties.map((p, k) => `${p.name} ${formatUtility(m.utilities[k]!)}`).join(', ');
    return (
      wrap(`${i + 1}. ${crossed}${short.length ? `; ${short.join(', ')}` : ''} (${utilities})`, 100, '   ') +
      '\n' +
      wrap(`   ${outcomeText(scenario.domain, m.outcome)}`, 100, '   ')
    );
  });
  return (
    heading('Near misses') +
    'The packages that come closest: fewest red lines crossed, then least short of the walk-away values.\n' +
    items.join('\n') +
    '\n'
  );
}

/** Trades on a package that leave nobody worse off, as a list a mediator can act on. */
export function tradesSection(scenario: Scenario, trades: readonly Trade[]): string {
  const head = heading('Trades on this package');
  if (trades.length === 0)
    return head + 'No change of one or two issues makes a party better off without making another worse off.\n';
  const items = trades.map((t, i) => {
    const changes = Object.entries(t.changes)
      .map(([issue, v]) => `${issue} to ${String(v)}`)
      .join(' and ');
    const gains = scenario.parties.map(
      (p, k) => `${p.name} ${t.gains[k]! >= 0 ? '+' : ''}${formatUtility(t.gains[k]!)}`,
    );
    return wrap(`${i + 1}. change ${changes}: ${gains.join(', ')}`, 100, '   ');
  });
  return (
    head +
    'Changes of one or two issues that leave no party worse off and one better off, crossing no new red line (largest total gain first):\n' +
    items.join('\n') +
    '\n'
  );
}
