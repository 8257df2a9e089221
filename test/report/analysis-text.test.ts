import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { renderAnalysisText } from '../../src/report/analysis/text.js';
import { talks } from './fixtures.js';

describe('the analysis report', () => {
  it('lists parties with their reservation values and issues grouped by phase', () => {
    const scenario = talks();
    const text = renderAnalysisText(scenario, analyze(scenario));
    expect(text).toMatch(/│ North\s+│\s+0\.300 │/);
    expect(text).toMatch(/│ South\s+│\s+0\.350 │/);
    expect(text).toMatch(/│ first\s+│ ceasefire/);
    expect(text).toMatch(/│\s+│ exchange/);
    expect(text).toMatch(/│ second\s+│ aid/);
    expect(text).toContain('Outcomes: 30');
    expect(text).toMatch(/Pareto frontier: \d+ points .*\(exact\)/);
  });

  it('gives every bargaining solution with its utilities and outcome', () => {
    const scenario = talks();
    const analysis = analyze(scenario);
    const text = renderAnalysisText(scenario, analysis);
    const nash = analysis.nash!;
    expect(text).toMatch(
      new RegExp(`│ Nash\\s+│\\s+${nash.utilities[0]!.toFixed(3)} │\\s+${nash.utilities[1]!.toFixed(3)} │`),
    );
    expect(text).toContain(
      `Nash: ceasefire=${nash.outcome.ceasefire}, exchange=${nash.outcome.exchange}, aid=${nash.outcome.aid}`,
    );
    for (const name of ['Kalai–Smorodinsky', 'Max welfare', 'Egalitarian', 'Disagreement'])
      expect(text).toContain(`│ ${name}`);
    expect(text).toMatch(/Size: \d+ outcomes/);
    expect(text).toContain('best for North:');
  });

  it('says the zone is empty and which red lines block it, and what relaxing them opens', () => {
    const scenario = talks({ redLines: true });
    const text = renderAnalysisText(scenario, analyze(scenario));
    expect(text).toContain('The zone is EMPTY');
    expect(text).toContain('North / no-permanent: ceasefire must be one of {none, pause}');
    expect(text).toMatch(
      /1\. North \/ no-permanent\n   Issues: ceasefire\n   Opens, e\.g\. \(North \d\.\d{3}, South \d\.\d{3}\)[^\n]*:\n     ceasefire=permanent/,
    );
    expect(text).toMatch(/│ ceasefire\s+│ first\s+│\s+\d\.\d{3} │ yes/);
    expect(text).toMatch(/│ aid\s+│ second\s+│\s+\d\.\d{3} │ no/);
    expect(text).toContain('Nash: none (no outcome is acceptable to every party)');
  });

  it('marks assumed numbers and lists them with their reasons', () => {
    const scenario = talks();
    const text = renderAnalysisText(scenario, analyze(scenario));
    expect(text).toMatch(/│ ceasefire\s+│[^\n]*│ 0\.50\*\s+│ 0\.60\s+│/);
    expect(text).toContain('│ North* │');
    expect(text).toContain('Assumed numbers');
    expect(text).toContain('parties.North.weights.ceasefire: the reports give no weights');
  });

  it('has no assumed-numbers section when nothing is assumed', () => {
    const scenario = { ...talks(), notes: [] };
    const text = renderAnalysisText(scenario, analyze(scenario));
    expect(text).not.toContain('Assumed numbers');
    expect(text).not.toContain('*');
  });
});
