import { describe, expect, it } from 'vitest';
import { utilityFor } from '../../src/core/party.js';
import { loadInput } from '../../src/formats/input.js';
import { consistencyProblems, draftOf, partyOf } from '../../web/src/prefs.js';

const cairo = loadInput(['cairo-2024']);
const israel = cairo.parties.find((p) => p.name === 'Israel')!;
const domain = cairo.domain;

describe('the delegation console’s preferences editor', () => {
  it('starts from the party’s own profile and values every package as that profile does', () => {
    const party = partyOf('Israel', draftOf(domain, israel));
    const text = Object.fromEntries(domain.issues.map((i) => [i.name, i.kind === 'discrete' ? i.values[1]! : 0]));
    expect(utilityFor(party, text)).toBeCloseTo(utilityFor(israel, text), 2);
    expect(party.redLines.map((l) => l.issue).sort()).toEqual(israel.redLines.map((l) => l.issue).sort());
  });

  it('finds the party’s own profile consistent', () => {
    expect(consistencyProblems(draftOf(domain, israel))).toEqual([]);
  });

  it('names weights, ratings, red lines and a walk-away value that do not hold together', () => {
    const draft = draftOf(domain, israel);
    const problems = consistencyProblems({
      ...draft,
      weights: { ...draft.weights, 'truce-days': -1 },
      ratings: { ...draft.ratings, 'aid-crossing': { closed: 0.2, open: 0.6 } },
      allowed: { ...draft.allowed, withdrawal: [], 'aid-crossing': ['closed'] },
    });
    expect(problems).toEqual([
      'weights must be 0 or more',
      'aid-crossing: the best value should be rated 1',
      'withdrawal: the red line allows no value',
      'aid-crossing: the red line excludes open, rated above every value it allows',
    ]);
  });

  it('refuses a walk-away value outside 0 to 1', () => {
    const draft = { ...draftOf(domain, israel), reservation: 1.2 };
    expect(consistencyProblems(draft)).toEqual(['the walk-away value must be between 0 and 1']);
  });

  it('normalises typed weights so that the profile’s weights sum to 1', () => {
    const draft = draftOf(domain, israel);
    const weights = Object.fromEntries(Object.keys(draft.weights).map((k, i) => [k, i + 1]));
    const party = partyOf('Israel', { ...draft, weights });
    const sum = Object.values(party.utility.kind === 'additive' ? party.utility.weights : {}).reduce((a, b) => a + b);
    expect(sum).toBeCloseTo(1, 12);
  });
});
