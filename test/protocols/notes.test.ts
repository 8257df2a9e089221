import { describe, expect, it } from 'vitest';
import { saop } from '../../src/protocols/saop.js';
import { seatOf } from '../../src/protocols/seats.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action } from '../../src/protocols/types.js';
import { visibleTo } from '../../src/protocols/visibility.js';
import { bareSetup, deal, setup, CAIRO_SEATS } from '../session/support/fixtures.js';
import { drive, expectRefused, kinds, last } from './support/drive.js';

const ROLES = CAIRO_SEATS;
const note = (actor: string, about?: string): Action => ({ kind: 'note', actor, text: 'They moved on 25', about });

describe('private notes', () => {
  it('are seen by their author\u2019s seat alone, whatever the seat', () => {
    const s = setup();
    for (const author of ROLES.slice(0, 7)) {
      const event = last(drive(shuttle, s, [note(author)]).events, 'note');
      expect(event).toMatchObject({
        actor: author,
        text: 'They moved on 25',
        audience: { kind: 'seat', role: author },
      });
      expect(ROLES.filter((role) => visibleTo(event, seatOf(s, role).viewer))).toEqual([author]);
      expect(visibleTo(event, { kind: 'observer' })).toBe(false);
      expect(visibleTo(event, { kind: 'auditor' })).toBe(true);
    }
  });

  it('may name the proposal they are about and change nothing on the table', () => {
    const before = drive(shuttle, setup(), [{ kind: 'table', actor: 'Egypt', text: deal, to: [] }]);
    const r = shuttle.step(before.state, note('Egypt', 'pkg-1'));
    expect(r.ok && r.events.map((e) => [e.kind, 'about' in e && e.about])).toEqual([['note', 'pkg-1']]);
    if (r.ok) expect({ ...r.state, seq: before.state.seq }).toEqual(before.state);
  });

  it('need a text and a seat at the table', () => {
    const { state } = drive(shuttle, setup(), []);
    expectRefused(shuttle, state, { kind: 'note', actor: 'Egypt', text: '' }, /a note needs a text/);
    expectRefused(shuttle, state, note('Press'), /"Press" has no seat in these talks/);
    expectRefused(shuttle, state, note('Egypt', ''), /about a proposal id, or nothing/);
  });

  it('are kept in alternating offers out of turn, without taking the turn', () => {
    const run = drive(saop, bareSetup(), [note('B'), note('A')]);
    expect(kinds(run.events)).toEqual(['started', 'note', 'note']);
    expect(saop.expected(run.state)[0]).toMatchObject({ role: 'A', may: ['offer', 'end'], also: ['note'] });
    expect(drive(singleText, setup(), [note('Qatar')]).events.at(-1)?.audience).toEqual({
      kind: 'seat',
      role: 'Qatar',
    });
  });
});
