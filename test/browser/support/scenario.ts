import { analyze } from '../../../src/analysis/index.js';
import { applyOverrides } from '../../../src/analysis/what-if/overrides.js';
import { twoSidedRelaxation } from '../../../src/cli/commands/demo-act-two.js';
import { loadInput } from '../../../src/formats/input.js';
import { writeScenarioText } from '../../../src/formats/scenario/index.js';

/** The walk-away values the browser test gives the two parties: different, so a leak of one is visible. */
export const WALK_AWAY = { Israel: 0.35, Hamas: 0.25 } as const;

/**
 * The demo's act two: cairo-2024 with the blocking set of red lines that `parley demo`
 * relaxes (chosen by the same rule, twoSidedRelaxation), and different walk-away values
 * for the two parties. Uploaded through the convenor console as a parley YAML file.
 */
export function actTwoScenario(): { name: string; content: string; relaxed: string[] } {
  const scenario = loadInput(['cairo-2024']);
  const relaxed = twoSidedRelaxation(scenario, analyze(scenario, { timeLimit: 20 }));
  if (!relaxed) throw new Error('cairo-2024 has no blocking set to relax');
  const sets = [
    ...[...relaxed].flatMap(([party, ids]) => ids.map((id) => `parties.${party}.redLines.${id}=off`)),
    ...Object.entries(WALK_AWAY).map(([party, v]) => `parties.${party}.reservation=${v}`),
  ];
  const variant = { ...applyOverrides(scenario, sets), name: 'cairo-2024-act-two' };
  return {
    name: 'cairo-2024-act-two.yaml',
    content: writeScenarioText(variant, 'yaml'),
    relaxed: [...relaxed].flatMap(([party, ids]) => ids.map((id) => `${party}/${id}`)),
  };
}
