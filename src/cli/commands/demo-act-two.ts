import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Analysis, Blocker } from '../../analysis/types.js';
import { applyOverrides } from '../../analysis/what-if/overrides.js';
import type { Scenario } from '../../core/scenario.js';
import { writeFileAtomic } from '../../formats/atomic-write.js';
import { writeScenarioText } from '../../formats/scenario/index.js';
import type { DemoStep } from './demo.js';
import { runSimulation } from './run.js';

/** The red lines of a blocking set, by party; null when it holds anything but red lines. */
function linesByParty(blocker: Blocker): Map<string, string[]> | null {
  const out = new Map<string, string[]>();
  for (const c of blocker.constraints) {
    const m = /^red-line:([^/]+)\/(.+)$/.exec(c);
    if (!m) return null;
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), m[2]!]);
  }
  return out;
}

/**
 * The blocking set act two relaxes, by rule: red lines only, no party giving up all of its
 * lines, split most evenly between the parties (the smallest gap between the most and the
 * fewest lines a party gives up, parties giving up none counted), the first in the
 * analysis' order among equals. Null when no blocking set qualifies.
 */
export function twoSidedRelaxation(scenario: Scenario, analysis: Analysis): Map<string, string[]> | null {
  let best: { lines: Map<string, string[]>; gap: number } | null = null;
  for (const blocker of analysis.blockers) {
    const lines = linesByParty(blocker);
    if (!lines) continue;
    const givesAll = scenario.parties.some(
      (p) => p.redLines.length > 0 && (lines.get(p.name)?.length ?? 0) >= p.redLines.length,
    );
    if (givesAll) continue;
    const counts = scenario.parties.map((p) => lines.get(p.name)?.length ?? 0);
    const gap = Math.max(...counts) - Math.min(...counts);
    if (!best || gap < best.gap) best = { lines, gap };
  }
  return best?.lines ?? null;
}

/**
 * Act two: the question the analysis raises. One blocking set of red lines, chosen by rule,
 * is relaxed; the same mediators and delegations negotiate again; the output says plainly
 * that this is a hypothetical and which lines it relaxes.
 */
export const actTwoStep: DemoStep = {
  title: 'Act two, a hypothetical: one blocking set of red lines relaxed',
  async run(ctx) {
    const { scenario, analysis } = ctx;
    const relaxed = scenario && analysis ? twoSidedRelaxation(scenario, analysis) : null;
    if (!scenario || !relaxed) {
      ctx.io.out(
        'The zone is not empty, or no blocking set of red lines splits between the parties: there is no act two.\n',
      );
      return;
    }
    const names = [...relaxed].map(([party, ids]) => `${party}: ${ids.join(', ')}`);
    ctx.io.out(
      `This act is a HYPOTHETICAL, not a record of the talks. It asks: what if these red lines were relaxed?\n` +
        names.map((n) => `  - ${n}\n`).join('') +
        `(The blocking set that splits its lines most evenly between the parties, the first such in the analysis' order.)\n\n`,
    );
    const sets = [...relaxed].flatMap(([party, ids]) => ids.map((id) => `parties.${party}.redLines.${id}=off`));
    const hypothetical = applyOverrides(scenario, sets);
    const dir = join(ctx.outDir, 'act-two');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${scenario.name}-relaxed.yaml`);
    writeFileAtomic(file, writeScenarioText({ ...hypothetical, name: `${scenario.name}-relaxed` }, 'yaml'));
    ctx.io.out(`The relaxed scenario is written to ${relative(ctx.io.cwd, file)}.\n\n`);
    await runSimulation([file], { out: dir }, ctx.io);
  },
};
