import { describe, expect, it } from 'vitest';
import { renderPosition, type Position } from '../../src/protocols/position.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import { deal, setup } from '../session/support/fixtures.js';
import { drive, expectRefused, last } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const position: Position = {
  redLines: [{ id: 'no-pause', issue: 'ceasefire', allowed: ['permanent'] }],
  asks: { captives: 20 },
};

describe('structured positions', () => {
  it('carries a rejection’s red lines and asks to the mediators, with its words rendered from them', () => {
    const { events } = drive(singleText, setup(), [
      { kind: 'table', actor: 'Egypt', text: deal, to: [] },
      { kind: 'reject', actor: H, proposal: 'text-1', position },
    ]);
    const response = last(events, 'text-response');
    expect(response.position).toEqual(position);
    expect(response.reason).toBe(renderPosition('Hamas', position, 'response'));
    expect(response.reason).toBe(
      "The text crosses Hamas's red line: ceasefire only permanent (no-pause). Hamas asks for captives: 20.",
    );
  });

  it('carries an amendment request’s red lines in shuttle talks', () => {
    const { events } = drive(shuttle, setup(), [
      { kind: 'table', actor: 'Egypt', text: deal, to: [] },
      {
        kind: 'amend',
        actor: H,
        proposal: 'pkg-1',
        amendments: { ceasefire: 'permanent' },
        position: { redLines: position.redLines },
      },
    ]);
    expect(last(events, 'package-response')).toMatchObject({
      answer: 'amend',
      position: { redLines: [{ id: 'no-pause', issue: 'ceasefire' }] },
    });
  });

  it('names the party of a public statement and keeps its fields', () => {
    const { events } = drive(singleText, setup(), [
      { kind: 'statement', actor: I, text: renderPosition('Israel', position, 'statement'), position },
    ]);
    expect(last(events, 'statement')).toMatchObject({ party: 'Israel', position });
    expect(last(events, 'statement').text).toBe(
      'Israel asks for captives: 20. Israel will not sign an agreement without ceasefire only permanent.',
    );
  });

  it('refuses a position naming an issue or a value the domain does not have', () => {
    const run = drive(singleText, setup(), [{ kind: 'table', actor: 'Egypt', text: deal, to: [] }]);
    expectRefused(
      singleText,
      run.state,
      { kind: 'reject', actor: H, proposal: 'text-1', position: { asks: { borders: 'open' } } },
      /"borders", which is not an issue/,
    );
    expectRefused(
      singleText,
      run.state,
      { kind: 'reject', actor: H, proposal: 'text-1', position: { asks: { ceasefire: 'forever' } } },
      /"forever", which is not a value of "ceasefire"/,
    );
  });
});
