import type { Party, RedLine } from '../../src/core/party.js';
import { bareScenario, type Scenario } from '../../src/core/scenario.js';

const table = (utilities: Record<string, number>) => ({ kind: 'table' as const, utilities });

/**
 * A small two-phase talk between two parties who pull opposite ways on `ceasefire` and
 * agree on `aid`; red lines on `ceasefire` can leave no acceptable deal. Numbers are made
 * up for the tests, and one is marked assumed so reports must show it.
 */
export function talks(options: { redLines?: boolean; thirdParty?: boolean } = {}): Scenario {
  const issues = [
    { kind: 'discrete' as const, name: 'ceasefire', values: ['none', 'pause', 'permanent'] },
    { kind: 'integer' as const, name: 'exchange', min: 0, max: 4 },
    { kind: 'discrete' as const, name: 'aid', values: ['low', 'high'] },
  ];
  const domain = {
    name: 'talks',
    issues,
    phases: [
      { name: 'first', issues: ['ceasefire', 'exchange'] },
      { name: 'second', issues: ['aid'] },
    ],
  };
  const line = (id: string, allowed: string[]): RedLine[] =>
    options.redLines ? [{ id, issue: 'ceasefire', allowed, description: `${id} as reported` }] : [];
  const north: Party = {
    name: 'North',
    reservation: 0.3,
    discount: 1,
    redLines: line('no-permanent', ['none', 'pause']),
    utility: {
      kind: 'additive',
      weights: { ceasefire: 0.5, exchange: 0.3, aid: 0.2 },
      values: {
        ceasefire: table({ none: 1, pause: 0.6, permanent: 0 }),
        exchange: { kind: 'linear', slope: 0.25, offset: 0 },
        aid: table({ low: 0.2, high: 1 }),
      },
    },
  };
  const south: Party = {
    name: 'South',
    reservation: 0.35,
    discount: 1,
    redLines: line('permanent-only', ['permanent']),
    utility: {
      kind: 'additive',
      weights: { ceasefire: 0.6, exchange: 0.2, aid: 0.2 },
      values: {
        ceasefire: table({ none: 0, pause: 0.4, permanent: 1 }),
        exchange: { kind: 'linear', slope: -0.25, offset: 1 },
        aid: table({ low: 0, high: 1 }),
      },
    },
  };
  const west: Party = { ...south, name: 'West', reservation: 0.2, redLines: [] };
  const parties = options.thirdParty ? [north, south, west] : [north, south];
  return {
    ...bareScenario('talks', domain, parties, 'made up for the tests'),
    notes: [{ path: 'parties.North.weights.ceasefire', assumed: true, reason: 'the reports give no weights' }],
  };
}
