import { describe, expect, it } from 'vitest';
import { answerText, clashingRedLines, crossedLines, whyText } from '../../src/report/run/why.js';
import { counter, deal, hamas, israel, truce } from '../session/support/fixtures.js';
import { hardHamas, hardIsrael, saopDeadline, saopDeal, shuttleRatified } from './run-fixtures.js';

describe('why the talks ended as they did', () => {
  it('names the agreed proposal and who agreed it, or who ratified it', () => {
    expect(whyText(saopDeal())).toEqual(['Deal: offer-3 was agreed by Israel, Hamas, in round 2.']);
    expect(whyText(shuttleRatified())).toEqual([
      'Deal: pkg-2 was agreed and ratified by the War-cabinet and the Hamas-leadership, in round 3.',
    ]);
  });

  it('explains an impasse: the end, the red lines that exclude each other, what remained and what the last package crossed', () => {
    const lines = whyText(saopDeadline());
    expect(lines[0]).toBe('Impasse: the deadline came without agreement after 2 rounds.');
    expect(lines[1]).toBe(
      "The parties' red lines exclude each other on ceasefire (Israel allows only pause; Hamas allows only permanent): no package can satisfy every party.",
    );
    expect(lines).toContain(
      "The last package on the table, offer-4, crosses Israel's red line on ceasefire (Only a pause).",
    );
  });

  it('finds red lines that leave no common value, and none where the parties share one', () => {
    expect(clashingRedLines([hardIsrael, hardHamas], truce)).toEqual([
      'ceasefire (Israel allows only pause; Hamas allows only permanent)',
    ]);
    expect(clashingRedLines([hardIsrael, hamas], truce)).toEqual([]);
    const shared = { ...hardHamas, redLines: [{ id: 'x', issue: 'ceasefire', allowed: ['pause', 'permanent'] }] };
    expect(clashingRedLines([hardIsrael, shared], truce)).toEqual([]);
  });

  it('says which red lines a package crosses, with their descriptions', () => {
    expect(crossedLines([hardIsrael, hardHamas], counter)).toEqual(["Israel's red line on ceasefire (Only a pause)"]);
    expect(crossedLines([hardIsrael, hardHamas], deal)).toEqual(["Hamas's red line on ceasefire"]);
    expect(crossedLines([israel, hamas], deal)).toEqual([]);
  });

  it('puts an answer in words', () => {
    const base = { proposal: 'pkg-1', actor: 'Hamas delegation' };
    expect(answerText({ ...base, answer: 'amend', amendments: { withdrawal: 'full' } })).toBe(
      'the Hamas delegation asked for withdrawal full',
    );
    expect(answerText({ ...base, answer: 'reject', reason: 'Not enough.' })).toBe(
      'the Hamas delegation rejected it (Not enough)',
    );
    expect(answerText({ ...base, actor: 'War cabinet', answer: 'refused to ratify' })).toBe(
      'the War cabinet refused to ratify',
    );
  });
});
