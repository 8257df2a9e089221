import { describe, expect, it } from 'vitest';
import { saop } from '../../src/protocols/saop.js';
import { seatOf } from '../../src/protocols/seats.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action } from '../../src/protocols/types.js';
import { visibleTo } from '../../src/protocols/visibility.js';
import { bareSetup, setup, CAIRO_SEATS } from '../session/support/fixtures.js';
import { drive, expectRefused, last } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const ROLES = CAIRO_SEATS;
const caucus = (actor: string, other: string, binding?: unknown): Action => ({
  kind: 'caucus',
  actor,
  with: other,
  message: 'Could you accept 25 in the first phase?',
  binding: binding as boolean | undefined,
});

/** The seats that see the last caucus of a run. */
function audienceOfLast(actions: Action[]): string[] {
  const s = setup();
  const event = last(drive(shuttle, s, actions).events, 'caucus');
  return ROLES.filter((role) => visibleTo(event, seatOf(s, role).viewer));
}

describe('a private caucus', () => {
  it('is heard by its mediator and the party\u2019s side only, not by the party\u2019s other mediators', () => {
    // Qatar also has a channel to Hamas, yet an Egypt–Hamas caucus is Egypt's alone.
    expect(audienceOfLast([caucus('Egypt', 'Hamas')])).toEqual([H, 'Egypt', 'Hamas-leadership']);
    expect(audienceOfLast([caucus(H, 'Qatar')])).toEqual([H, 'Qatar', 'Hamas-leadership']);
  });

  it('names its mediator and party whichever side speaks, and is non-binding unless labelled', () => {
    const { events } = drive(shuttle, setup(), [caucus('Egypt', 'Israel'), caucus(I, 'Egypt', true)]);
    const [first, second] = events.filter((e) => e.kind === 'caucus');
    expect(first).toMatchObject({ actor: 'Egypt', mediator: 'Egypt', party: 'Israel', binding: false });
    expect(second).toMatchObject({ actor: I, mediator: 'Egypt', party: 'Israel', binding: true });
    expect(second!.audience).toEqual({ kind: 'caucus', mediator: 'Egypt', party: 'Israel' });
  });

  it('needs a channel between them, a message, a true-or-false label and both sides at the table', () => {
    const { state } = drive(shuttle, setup(), []);
    expectRefused(shuttle, state, caucus('Qatar', 'Israel'), /mediator Qatar has no channel to Israel/);
    expectRefused(shuttle, state, caucus(I, 'Qatar'), /mediator Qatar has no channel to Israel/);
    expectRefused(shuttle, state, caucus('Egypt', 'Gaza'), /"Gaza" is not one/);
    expectRefused(shuttle, state, caucus(I, 'Hamas'), /a delegation caucuses with a mediator; "Hamas" is not one/);
    expectRefused(shuttle, state, caucus('War-cabinet', 'Egypt'), /only a mediator and a party's delegation/);
    expectRefused(shuttle, state, caucus('Egypt', 'Israel', 'yes'), /binding must be true or false/);
    expectRefused(shuttle, state, { ...caucus('Egypt', 'Israel'), message: ' ' } as Action, /needs a message/);
    const away = drive(shuttle, setup(), [{ kind: 'adjourn', actor: H, until: 9 }]);
    expectRefused(shuttle, away.state, caucus('Egypt', 'Hamas'), /Hamas's delegation is away until time 9/);
    expectRefused(shuttle, away.state, caucus(H, 'Egypt'), /away until time 9/);
  });

  it('is held in single-text talks too, and not in alternating offers, which have no mediators', () => {
    const st = drive(singleText, setup(), [caucus('Qatar', 'Hamas')]);
    expect(last(st.events, 'caucus').audience).toEqual({ kind: 'caucus', mediator: 'Qatar', party: 'Hamas' });
    expectRefused(saop, drive(saop, bareSetup(), []).state, caucus('A', 'B'), /saop has no "caucus" action/);
  });
});
