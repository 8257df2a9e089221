import { describe, expect, it } from 'vitest';
import { resultText } from '../../src/report/run/table.js';
import { saopDeadline, saopDeal } from './run-fixtures.js';

/** The cells of a table row, trimmed: `│ a │ b │` → ['a', 'b']. */
function row(text: string, first: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith(`│ ${first} `));
  return line
    ? line
        .split('│')
        .slice(1, -1)
        .map((c) => c.trim())
    : [];
}

describe('the run result table', () => {
  it('gives each party its utility, reservation and, where any party discounts, discounted utility', () => {
    const run = saopDeal();
    const text = resultText(run);
    expect(row(text, 'Party')).toEqual(['Party', 'Utility', 'Reservation', 'Discounted']);
    const [israel, hamas] = run.result.parties;
    expect(row(text, 'Israel')).toEqual(['Israel', israel!.utility.toFixed(3), '0.300', israel!.discounted.toFixed(3)]);
    expect(row(text, 'Hamas')).toEqual(['Hamas', hamas!.utility.toFixed(3), '0.200', hamas!.discounted.toFixed(3)]);
  });

  it('shows an agreement with its package, its improvements count and why', () => {
    const text = resultText(saopDeal());
    expect(row(text, 'Agreement')).toEqual(['Agreement', 'yes: offer-3']);
    expect(row(text, 'Pareto improvements')).toEqual(['Pareto improvements', '0']);
    expect(row(text, 'Sticking points remaining')).toEqual([]);
    expect(text).toContain('Agreed package: ceasefire pause, captives 33, withdrawal partial');
    expect(text).toMatch(/Why:\n {2}Deal: offer-3 was agreed by Israel, Hamas, in round 2\.\n$/);
  });

  it('shows an impasse with its end reason, the sticking points and a dash where a distance is unknown', () => {
    const run = saopDeadline();
    const text = resultText(run);
    expect(row(text, 'Agreement')).toEqual(['Agreement', 'no']);
    expect(row(text, 'End reason')).toEqual(['End reason', 'deadline']);
    expect(row(text, 'Rounds')).toEqual(['Rounds', '2']);
    expect(row(text, 'Distance to Nash point')).toEqual(['Distance to Nash point', '—']);
    expect(row(text, 'Sticking points remaining')[1]).toBe(run.result.stickingPoints.map((s) => s.issue).join(', '));
    expect(text).not.toContain('Agreed package');
  });
});
