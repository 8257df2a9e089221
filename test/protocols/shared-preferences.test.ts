import { describe, expect, it } from 'vitest';
import type { Party } from '../../src/core/party.js';
import { keptPreferences, sharedPreferences } from '../../src/protocols/moves/queries.js';
import { saop } from '../../src/protocols/saop.js';
import { seatOf } from '../../src/protocols/seats.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action } from '../../src/protocols/types.js';
import { filterEvents } from '../../src/protocols/visibility.js';
import { SessionCore } from '../../src/session/core.js';
import { bareSetup, hamas, israel, rocketAttack, scenario, setup } from '../session/support/fixtures.js';
import { drive, expectRefused, last } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const share = (actor: string, preferences: Party): Action => ({ kind: 'share-preferences', actor, preferences });
/** What Hamas says of itself: a higher walk-away than its true one, and a red line on withdrawal. */
const stated: Party = {
  ...hamas,
  reservation: 0.5,
  redLines: [{ id: 'full-withdrawal', issue: 'withdrawal', allowed: ['full'] }],
};

describe('preferences shared with the mediators', () => {
  it('reach every mediator and neither party\u2019s other side', () => {
    const s = setup();
    const run = drive(shuttle, s, [share(H, stated)]);
    expect(last(run.events, 'preferences-shared')).toMatchObject({
      actor: H,
      party: 'Hamas',
      audience: { kind: 'mediators' },
    });
    for (const role of ['Egypt', 'Qatar'])
      expect(sharedPreferences(filterEvents(run.events, seatOf(s, role).viewer))).toEqual({ Hamas: stated });
    for (const role of [I, 'War-cabinet', 'Technical-team', 'Hamas-leadership'])
      expect(sharedPreferences(filterEvents(run.events, seatOf(s, role).viewer))).toEqual({});
  });

  it('are what mediators\u2019 views then hold, replacing the true profile a run reveals, as stated', () => {
    const core = new SessionCore({
      scenario: scenario({ timeline: [rocketAttack] }),
      protocol: 'shuttle',
      deadline: { time: 50 },
      seed: 1,
      revealToMediators: ['Israel', 'Hamas'],
    });
    const egypt = () => core.view({ role: 'Egypt', may: ['table'] });
    expect(egypt().revealed.Hamas).toEqual(hamas);
    expect(core.act(H, share(H, stated)).rejected).toBeUndefined();
    expect(core.act(I, share(I, israel)).rejected).toBeUndefined();
    core.tick(11);
    // The rocket attack changed Israel's true profile; the mediators hold what Israel said before it.
    expect(egypt().revealed).toEqual({ Hamas: stated, Israel: israel });
    expect(core.view({ role: H, may: ['return'] }).revealed).toEqual({});
  });

  it('must be the delegation\u2019s own party\u2019s, and a profile of the domain', () => {
    const { state } = drive(shuttle, setup(), []);
    expectRefused(shuttle, state, share(H, israel), /shares Hamas's preferences, not "Israel"'s/);
    expectRefused(shuttle, state, share('Egypt', hamas), /only a party's delegation may share/);
    expectRefused(shuttle, state, share(H, { ...hamas, reservation: 2 }), /reservation must be a number in \[0, 1\]/);
    const weights = { ceasefire: 1, rafah: 1 };
    const unknown = { ...hamas, utility: { ...hamas.utility, weights } } as Party;
    expectRefused(shuttle, state, share(H, unknown), /weight for "rafah", which is not an issue/);
    const line = { ...hamas, redLines: [{ id: 'x', issue: 'withdrawal', allowed: ['total'] }] };
    expectRefused(shuttle, state, share(H, line), /"total" is not a value of withdrawal/);
    const table = { kind: 'table', utilities: { pause: 2 } } as const;
    const values = { ...hamas, utility: { ...hamas.utility, values: { ceasefire: table } } } as Party;
    expectRefused(shuttle, state, share(H, values), /utility of ceasefire pause must be a number in \[0, 1\]/);
    expectRefused(shuttle, state, share(H, null as unknown as Party), /preferences are missing/);
  });

  it('are shared in single-text talks too, and not in alternating offers, which have no mediators', () => {
    expect(last(drive(singleText, setup(), [share(I, israel)]).events, 'preferences-shared').party).toBe('Israel');
    const a: Party = { ...israel, name: 'A' };
    expectRefused(saop, drive(saop, bareSetup(), []).state, share('A', a), /saop has no "share-preferences"/);
  });
});

describe('preferences a delegation keeps for its own seat', () => {
  const keep = (actor: string, preferences: Party): Action => ({
    kind: 'share-preferences',
    actor,
    preferences,
    to: 'self',
  });

  it('reach that seat alone, and never the mediators\u2019 revealed preferences', () => {
    const s = setup();
    const run = drive(shuttle, s, [keep(H, stated)]);
    expect(last(run.events, 'preferences-shared')).toMatchObject({
      to: 'self',
      audience: { kind: 'seat', role: H },
    });
    expect(keptPreferences(filterEvents(run.events, seatOf(s, H).viewer), H)).toEqual(stated);
    for (const role of ['Egypt', 'Qatar', I, 'War-cabinet', 'Technical-team', 'Hamas-leadership']) {
      const seen = filterEvents(run.events, seatOf(s, role).viewer);
      expect(seen.some((e) => e.kind === 'preferences-shared')).toBe(false);
      expect(sharedPreferences(seen)).toEqual({});
    }
    const core = new SessionCore({ scenario: scenario(), protocol: 'shuttle', deadline: { time: 50 }, seed: 1 });
    expect(core.act(H, keep(H, stated)).rejected).toBeUndefined();
    expect(core.view({ role: 'Egypt', may: ['table'] }).revealed).toEqual({});
  });

  it('are checked like shared ones, and the last kept replaces the one before', () => {
    const s = setup();
    const { state } = drive(shuttle, s, []);
    expectRefused(shuttle, state, keep(H, { ...hamas, reservation: -1 }), /reservation must be a number in \[0, 1\]/);
    const odd = { ...keep(H, hamas), to: 'everyone' } as unknown as Action;
    expectRefused(shuttle, state, odd, /"mediators" or to the delegation's own seat \("self"\)/);
    const run = drive(singleText, s, [keep(H, stated), keep(H, hamas)]);
    expect(keptPreferences(run.events, H)).toEqual(hamas);
    expect(keptPreferences(run.events, I)).toBeNull();
  });
});
