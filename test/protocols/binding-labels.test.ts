import { describe, expect, it } from 'vitest';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action } from '../../src/protocols/types.js';
import { setup } from '../session/support/fixtures.js';
import { drive, expectRefused } from './support/drive.js';

const H = 'Hamas-delegation';
const statement = (binding?: unknown): Action => ({
  kind: 'statement',
  actor: H,
  text: 'We accept the Egyptian-Qatari proposal',
  binding: binding as boolean | undefined,
});
const relay = (binding?: unknown): Action => ({
  kind: 'relay',
  actor: 'Qatar',
  to: 'Hamas',
  message: 'Israel will not end the war',
  binding: binding as boolean | undefined,
});
const caucus = (binding?: unknown): Action => ({
  kind: 'caucus',
  actor: 'Egypt',
  with: 'Hamas',
  message: 'Off the record: 25 would do',
  binding: binding as boolean | undefined,
});

describe('binding and non-binding labels', () => {
  it('mark every statement, relay and caucus, non-binding unless the sender says otherwise', () => {
    const { events } = drive(shuttle, setup(), [
      statement(),
      statement(true),
      relay(),
      relay(true),
      caucus(),
      caucus(true),
    ]);
    const labelled = events.filter((e) => e.kind === 'statement' || e.kind === 'relayed' || e.kind === 'caucus');
    expect(labelled.map((e) => [e.kind, 'binding' in e && e.binding])).toEqual([
      ['statement', false],
      ['statement', true],
      ['relayed', false],
      ['relayed', true],
      ['caucus', false],
      ['caucus', true],
    ]);
  });

  it('are true or false, nothing else, in every mediated protocol', () => {
    const { state } = drive(shuttle, setup(), []);
    for (const action of [statement('yes'), relay(1), caucus('binding')])
      expectRefused(shuttle, state, action, /binding must be true or false/);
    const st = drive(singleText, setup(), [statement(true)]);
    expect(st.events.at(-1)).toMatchObject({ kind: 'statement', binding: true });
    expectRefused(singleText, st.state, statement('no'), /binding must be true or false/);
  });
});
