/** Small hand-built scenarios for blocker and sticking-point tests. */
import type { Domain } from '../../../src/core/domain.js';
import type { Party, RedLine } from '../../../src/core/party.js';
import { bareScenario, type Scenario } from '../../../src/core/scenario.js';
import type { AdditiveUtility } from '../../../src/core/utility.js';

export const talks: Domain = {
  name: 'talks',
  issues: [
    { kind: 'discrete', name: 'ceasefire', values: ['temporary', 'sustained', 'permanent'] },
    { kind: 'discrete', name: 'withdrawal', values: ['none', 'partial', 'full'] },
    { kind: 'discrete', name: 'aid', values: ['low', 'high'] },
  ],
  phases: [],
};

/** Weights and value tables in issue order, values listed in each issue's value order. */
export function additive(
  weights: readonly number[],
  tables: readonly (readonly number[])[],
  domain: Domain = talks,
): AdditiveUtility {
  return {
    kind: 'additive',
    weights: Object.fromEntries(domain.issues.map((i, k) => [i.name, weights[k]!])),
    values: Object.fromEntries(
      domain.issues.map((i, k) => [
        i.name,
        {
          kind: 'table' as const,
          utilities: Object.fromEntries((i.kind === 'discrete' ? i.values : []).map((v, j) => [v, tables[k]![j]!])),
        },
      ]),
    ),
  };
}

export function party(name: string, utility: AdditiveUtility, redLines: RedLine[] = [], reservation = 0): Party {
  return { name, utility, reservation, discount: 1, redLines };
}

/** Israel and Hamas modelled symmetrically, with opposed red lines on two issues. */
export function deadlockedTalks(): Scenario {
  const israel = party(
    'Israel',
    additive(
      [0.5, 0.3, 0.2],
      [
        [1, 0.5, 0],
        [1, 0.6, 0],
        [1, 0],
      ],
    ),
    [
      { id: 'no-permanent-ceasefire', issue: 'ceasefire', allowed: ['temporary', 'sustained'] },
      { id: 'no-full-withdrawal', issue: 'withdrawal', allowed: ['none', 'partial'] },
    ],
  );
  const hamas = party(
    'Hamas',
    additive(
      [0.5, 0.4, 0.1],
      [
        [0, 0.5, 1],
        [0, 0.4, 1],
        [0, 1],
      ],
    ),
    [
      { id: 'permanent-ceasefire', issue: 'ceasefire', allowed: ['permanent'] },
      { id: 'full-withdrawal', issue: 'withdrawal', allowed: ['full'] },
    ],
  );
  return bareScenario('deadlock', talks, [israel, hamas]);
}
