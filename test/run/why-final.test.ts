import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario.js';
import { loadInput } from '../../src/formats/input.js';
import { agreementMarkdown } from '../../src/report/run/agreement.js';
import { whyText } from '../../src/report/run/why.js';
import { planRun } from '../../src/session/plan.js';
import { simulate } from '../../src/session/simulate.js';

/** cairo-2024 with an outside event in the first hour that drops Israel's Rafah red line. */
function withRafahLineDropped(): Scenario {
  const scenario = loadInput(['cairo-2024']);
  return {
    ...scenario,
    timeline: [
      {
        id: 'side-letter',
        at: 1,
        title: 'A side letter on Rafah',
        audience: { kind: 'all' },
        effects: [{ kind: 'remove-red-line', party: 'Israel', id: 'rafah-regardless' }],
      },
      ...scenario.timeline,
    ],
  };
}

describe('why the talks ended, from the final state', () => {
  const run = simulate(planRun(withRafahLineDropped(), {}), { analysisTimeLimit: 10 });

  it('does not blame a red line an outside event dropped', () => {
    const why = whyText(run).join('\n');
    expect(why).not.toContain('rafah-regardless');
    expect(why).not.toMatch(/rafah-operation \(Israel allows only operation/);
  });

  it('lists every package answered in the agreement text, with who rejected it', () => {
    const text = agreementMarkdown(run);
    const answered = new Set(
      run.log.events.flatMap((e) => (e.kind === 'package-response' || e.kind === 'text-response' ? [e.proposal] : [])),
    );
    // The end-of-war and withdrawal lines still exclude each other: the talks end without agreement.
    expect(run.result.agreement).toBe(false);
    expect(answered.size).toBeGreaterThan(6);
    expect(text).toContain(`Every package answered in the talks (${answered.size}), in order:`);
    for (const id of answered) expect(text).toContain(`- **${id}**:`);
  });
});
