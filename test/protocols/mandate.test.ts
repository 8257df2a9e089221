import { describe, expect, it } from 'vitest';
import { mandateOf, outsideMandate } from '../../src/protocols/moves/queries.js';
import { seatOf } from '../../src/protocols/seats.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action } from '../../src/protocols/types.js';
import { filterEvents, visibleTo } from '../../src/protocols/visibility.js';
import { counter, deal, setup, CAIRO_SEATS } from '../session/support/fixtures.js';
import { drive, expectRefused, last } from './support/drive.js';

const ROLES = CAIRO_SEATS;
const mandate = (actor: string, limits?: Record<string, readonly (string | number)[]>): Action => ({
  kind: 'mandate',
  actor,
  instructions: 'A pause only; no fewer than 30 captives',
  limits,
});

describe('a decision body\u2019s mandate', () => {
  it('reaches its own delegation and no one else: not the mediators, not the other side', () => {
    const s = setup();
    const event = last(drive(shuttle, s, [mandate('War-cabinet')]).events, 'mandate');
    expect(event).toMatchObject({ actor: 'War-cabinet', party: 'Israel', audience: { kind: 'side', party: 'Israel' } });
    expect(ROLES.filter((role) => visibleTo(event, seatOf(s, role).viewer))).toEqual([
      'Israel-delegation',
      'War-cabinet',
    ]);
  });

  it('is the last one given, and says on which issues a package goes beyond it', () => {
    const s = setup();
    const run = drive(shuttle, s, [
      mandate('War-cabinet'),
      mandate('War-cabinet', { ceasefire: ['pause'], captives: [30, 31, 32, 33] }),
    ]);
    const seen = filterEvents(run.events, seatOf(s, 'Israel-delegation').viewer);
    const held = mandateOf(seen, 'Israel')!;
    expect(held).toMatchObject({ by: 'War-cabinet', limits: { ceasefire: ['pause'] } });
    expect(outsideMandate(held, deal)).toEqual([]);
    expect(outsideMandate(held, counter)).toEqual(['ceasefire', 'captives']);
    expect(mandateOf(filterEvents(run.events, seatOf(s, 'Egypt').viewer), 'Israel')).toBeNull();
  });

  it('is given only by a decision body, with instructions and limits in the domain', () => {
    const { state } = drive(shuttle, setup(), []);
    expectRefused(shuttle, state, mandate('Israel-delegation'), /only a party's decision body may give/);
    expectRefused(shuttle, state, mandate('Egypt'), /"Egypt" is not one/);
    expectRefused(shuttle, state, { ...mandate('War-cabinet'), instructions: '' } as Action, /needs instructions/);
    expectRefused(shuttle, state, mandate('War-cabinet', {}), /limits name no issue/);
    expectRefused(shuttle, state, mandate('War-cabinet', { rafah: ['no'] }), /"rafah" is not an issue/);
    expectRefused(shuttle, state, mandate('War-cabinet', { captives: [] }), /captives needs at least one value/);
    expectRefused(shuttle, state, mandate('War-cabinet', { ceasefire: ['truce'] }), /"truce" is not a value/);
  });

  it('belongs to talks with decision bodies: shuttle, not single-text', () => {
    expectRefused(singleText, drive(singleText, setup(), []).state, mandate('War-cabinet'), /no "mandate" action/);
  });
});
