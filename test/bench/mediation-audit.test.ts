import { describe, expect, it } from 'vitest';
import { auditMediation } from '../../bench/lib/mediation-audit.js';
import { mediationBounds } from '../../bench/lib/mediation-bounds.js';
import type { Domain, Outcome } from '../../src/core/domain.js';
import type { Party } from '../../src/core/party.js';
import { bareScenario } from '../../src/core/scenario.js';
import { responseEvent, tabledEvent } from '../agents/support/fixtures.js';

const domain: Domain = {
  name: 'two',
  issues: [
    { kind: 'discrete', name: 'i0', values: ['v0', 'v1'] },
    { kind: 'discrete', name: 'i1', values: ['v0', 'v1'] },
  ],
  phases: [],
};
const tabled = tabledEvent;
const amend = (proposal: string, party: string, amendments: Outcome) =>
  responseEvent(proposal, party, 'amend', { amendments });

describe('the mediation audit', () => {
  it('counts a re-tabling as forced only when every text within the told red lines repeated a turned-down one', () => {
    const avoidable = auditMediation(
      domain,
      [
        tabled('text-1', { i0: 'v0', i1: 'v0' }),
        amend('text-1', 'A', { i0: 'v1' }),
        tabled('text-2', { i0: 'v0', i1: 'v1' }),
      ],
      'M',
    );
    expect(avoidable).toMatchObject({ texts: 2, unchangedRepeats: 1, unchangedRepeatsForced: 0 });
    const forced = auditMediation(
      domain,
      [
        tabled('text-1', { i0: 'v0', i1: 'v0' }),
        amend('text-1', 'A', { i0: 'v1' }),
        tabled('text-2', { i0: 'v1', i1: 'v0' }),
        amend('text-2', 'B', { i0: 'v0' }),
        tabled('text-3', { i0: 'v0', i1: 'v1' }),
      ],
      'M',
    );
    expect(forced).toMatchObject({ texts: 3, unchangedRepeats: 1, unchangedRepeatsForced: 1 });
  });

  it('counts a re-tabling after an objector asked for or accepted the refused value as after a change, not unchanged', () => {
    const refused = [tabled('text-1', { i0: 'v0', i1: 'v0' }), amend('text-1', 'A', { i0: 'v1' })];
    const asked = auditMediation(
      domain,
      [
        ...refused,
        tabled('text-2', { i0: 'v1', i1: 'v1' }),
        amend('text-2', 'A', { i0: 'v0' }),
        tabled('text-3', { i0: 'v0', i1: 'v1' }),
      ],
      'M',
    );
    expect(asked).toMatchObject({ texts: 3, unchangedRepeats: 0, repeatsAfterChange: 1 });
    const accepted = auditMediation(
      domain,
      [
        ...refused,
        tabled('text-2', { i0: 'v0', i1: 'v1' }),
        responseEvent('text-2', 'A', 'accept'),
        amend('text-2', 'B', { i1: 'v0' }),
        tabled('text-3', { i0: 'v0', i1: 'v0' }),
      ],
      'M',
    );
    // text-2 itself repeated text-1 on i0 with nothing changed; text-3 came after A accepted v0 there.
    expect(accepted).toMatchObject({ texts: 3, unchangedRepeats: 1, repeatsAfterChange: 1 });
  });

  it('still counts a re-tabling as unchanged when the objector only left the issue unnamed since', () => {
    const audit = auditMediation(
      domain,
      [
        tabled('text-1', { i0: 'v0', i1: 'v0' }),
        amend('text-1', 'A', { i0: 'v1' }),
        tabled('text-2', { i0: 'v1', i1: 'v1' }),
        amend('text-2', 'A', { i1: 'v0' }),
        tabled('text-3', { i0: 'v0', i1: 'v1' }),
      ],
      'M',
    );
    expect(audit).toMatchObject({ texts: 3, unchangedRepeats: 1, repeatsAfterChange: 0 });
  });

  it('counts the rounds the mediator held, and a hold never counts as a re-tabling', () => {
    const hold = { kind: 'held', seq: 900, at: 0, audience: { kind: 'all' }, actor: 'M', round: 1 } as const;
    const audit = auditMediation(
      domain,
      [tabled('text-1', { i0: 'v0', i1: 'v0' }), amend('text-1', 'A', { i0: 'v1' }), hold, { ...hold, seq: 901 }],
      'M',
    );
    expect(audit).toMatchObject({ texts: 1, held: 2, unchangedRepeats: 0 });
  });
});

describe('what any mediator could reach', () => {
  const three: Domain = {
    name: 'three',
    issues: [
      { kind: 'discrete', name: 'i0', values: ['v0', 'v1', 'v2'] },
      { kind: 'discrete', name: 'i1', values: ['v0', 'v1'] },
    ],
    phases: [],
  };
  const party = (name: string, order: number[]): Party => ({
    name,
    utility: {
      kind: 'additive',
      weights: { i0: 0.5, i1: 0.5 },
      values: {
        i0: { kind: 'table', utilities: { v0: order[0]!, v1: order[1]!, v2: order[2]! } },
        i1: { kind: 'table', utilities: { v0: 0.5, v1: 0.5 } },
      },
    },
    reservation: 0.2,
    discount: 1,
    redLines: [{ id: `${name}-i1`, issue: 'i1', allowed: ['v0'] }],
  });
  const scenario = bareScenario('opposed', three, [party('A', [1, 0.5, 0]), party('B', [0, 0.5, 1])]);

  it('finds agreement possible only once the delegations have conceded, and forces re-tablings where texts run out before then', () => {
    // Three texts within the lines, worth 0.75, 0.5 and 0.25 to A and the reverse to B: the
    // middle one needs each to concede half its range (0.75 to 0.25), at half time for linear.
    const linear = mediationBounds(scenario, 'linear', 60);
    expect(linear.withinLines).toBe(3);
    expect(linear.firstRound).toBe(30);
    expect(linear.forced).toBe(30 - 1 - 3 - 2);
    expect(mediationBounds(scenario, 'conceder', 60).firstRound).toBe(15);
    expect(mediationBounds(scenario, 'boulware', 60).firstRound).toBeGreaterThan(50);
  });
});
