import Table from 'cli-table3';
import type { RunOutcome } from '../../session/simulate.js';
import { packageText } from './narrate.js';
import { whyText } from './why.js';

const fmt = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '—' : x.toFixed(digits));

function plain(head: string[]): Table.Table {
  // No colours: the table goes to files and pipes as often as to a terminal.
  return new Table({ head, style: { head: [], border: [] } });
}

/** The per-party table: utility, reservation, discounted where any party discounts. */
function partyTable(run: RunOutcome): string {
  const discounting = run.parties.some((p) => p.discount < 1);
  const table = plain(['Party', 'Utility', 'Reservation', ...(discounting ? ['Discounted'] : [])]);
  run.result.parties.forEach((r, i) => {
    const party = run.parties[i]!;
    table.push([r.party, fmt(r.utility), fmt(party.reservation), ...(discounting ? [fmt(r.discounted)] : [])]);
  });
  return table.toString();
}

function summaryTable(run: RunOutcome): string {
  const { result } = run;
  const table = plain(['Result', '']);
  const unit = run.plan.scenario.simulation?.hoursPerRound !== undefined ? ' hours' : '';
  table.push(
    ['Agreement', result.agreement ? `yes: ${result.proposal}` : 'no'],
    ['End reason', result.endReason],
    ['Rounds', String(result.rounds)],
    ['Virtual time', `${result.time}${unit}`],
    ['Welfare (sum of utilities)', fmt(result.welfare)],
    ['Distance to Pareto frontier', fmt(result.distances?.frontier)],
    ['Distance to Nash point', fmt(result.distances?.nash)],
  );
  if (!result.agreement)
    table.push(['Sticking points remaining', result.stickingPoints.map((s) => s.issue).join(', ') || '—']);
  if (result.agreement) table.push(['Pareto improvements', String(run.improvements.length)]);
  return table.toString();
}

/** The result as printed at the end of `parley run`: tables, the agreed package, and why. */
export function resultText(run: RunOutcome): string {
  const parts = [partyTable(run), summaryTable(run)];
  if (run.result.outcome) parts.push(`Agreed package: ${packageText(run.result.outcome)}`);
  const best = run.improvements.slice(0, 3);
  if (best.length)
    parts.push(
      [
        'Every party would prefer:',
        ...best.map((p) => `  (${p.utilities.map((u) => u.toFixed(3)).join(', ')}) ${packageText(p.outcome)}`),
      ].join('\n'),
    );
  parts.push(['Why:', ...whyText(run).map((l) => `  ${l}`)].join('\n'));
  return parts.join('\n') + '\n';
}
