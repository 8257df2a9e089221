import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { twoSidedRelaxation } from '../../src/cli/commands/demo-act-two.js';
import { loadInput } from '../../src/formats/input.js';

describe('the demo’s second act', () => {
  it('relaxes the blocking set that splits most evenly, with no party giving up all of its lines', () => {
    const scenario = loadInput(['cairo-2024']);
    const analysis = analyze(scenario, { timeLimit: 20 });
    const relaxed = twoSidedRelaxation(scenario, analysis)!;
    expect([...relaxed.keys()].sort()).toEqual(['Hamas', 'Israel']);
    for (const p of scenario.parties) expect(relaxed.get(p.name)!.length).toBeLessThan(p.redLines.length);
    // The first blocking set of the analysis' order with the smallest split gap.
    const first = analysis.blockers.find((b) => {
      const israel = b.constraints.filter((c) => c.startsWith('red-line:Israel/')).length;
      const hamas = b.constraints.filter((c) => c.startsWith('red-line:Hamas/')).length;
      return israel > 0 && hamas > 0 && Math.abs(israel - hamas) === 1;
    })!;
    expect(first.constraints.map((c) => c.replace('red-line:', '')).sort()).toEqual(
      [...relaxed].flatMap(([party, ids]) => ids.map((id) => `${party}/${id}`)).sort(),
    );
  });
});
