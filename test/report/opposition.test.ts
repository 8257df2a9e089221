import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import type { Party } from '../../src/core/party.js';
import { bareScenario } from '../../src/core/scenario.js';
import { loadInput } from '../../src/formats/input.js';
import { renderAnalysisText } from '../../src/report/analysis/text.js';

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('sticking points in the analysis report', () => {
  it('says that the ranking rests on assumed equal weights where every weight is assumed and equal', () => {
    const scenario = loadInput(['cairo-2024']);
    const text = flat(renderAnalysisText(scenario, analyze(scenario, { timeLimit: 20 })));
    expect(text).toContain(
      'Every party’s issue weights are assumed and equal, so this ranking rests on that assumption',
    );
  });

  it('defines opposition for more than two parties as the largest over every pair, and says nothing of assumptions none made', () => {
    const domain = {
      name: 'three',
      issues: [{ kind: 'discrete' as const, name: 'x', values: ['a', 'b'] }],
      phases: [],
    };
    const party = (name: string, a: number): Party => ({
      name,
      reservation: 0,
      discount: 1,
      redLines: [],
      utility: { kind: 'additive', weights: { x: 1 }, values: { x: { kind: 'table', utilities: { a, b: 1 - a } } } },
    });
    const scenario = bareScenario('three', domain, [party('A', 1), party('B', 0), party('C', 1)]);
    const text = flat(renderAnalysisText(scenario, analyze(scenario)));
    expect(text).toContain('With more than two parties, the largest over every pair of parties');
    expect(text).not.toContain('assumed and equal');
  });
});
