import { describe, expect, it } from 'vitest';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { Narrator } from '../../src/report/run/narrate.js';
import { drive } from '../protocols/support/drive.js';
import { deal, hamas, setup } from '../session/support/fixtures.js';

const H = 'Hamas-delegation';

describe('narrating the console moves', () => {
  it('tells each new move in a sentence, binding messages labelled as such', () => {
    const s = setup();
    const run = drive(shuttle, s, [
      { kind: 'table', actor: 'Egypt', text: deal, to: ['Hamas'] },
      { kind: 'mandate', actor: 'War-cabinet', instructions: 'Pause only', limits: { ceasefire: ['pause'] } },
      { kind: 'share-preferences', actor: H, preferences: hamas },
      { kind: 'caucus', actor: 'Qatar', with: 'Hamas', message: 'What about 25?' },
      { kind: 'caucus', actor: H, with: 'Qatar', message: '25 if the war ends', binding: true },
      { kind: 'note', actor: 'Egypt', text: 'Hamas may move', about: 'pkg-1' },
      {
        kind: 'respond',
        actor: H,
        proposal: 'pkg-1',
        issues: {
          ceasefire: { answer: 'counter', value: 'permanent' },
          captives: { answer: 'accept' },
          withdrawal: { answer: 'reject' },
        },
      },
      { kind: 'statement', actor: H, text: 'We have answered', binding: true },
      { kind: 'adjourn-talks', actor: 'Egypt', until: 24, parties: ['Israel'], reason: 'to consult' },
    ]);
    const narrator = new Narrator(s, 'hour');
    const lines = run.events.map((e) => narrator.line(e)).filter((l) => l !== null);
    expect(lines.slice(-8)).toEqual([
      '[hour 0] The War-cabinet gave its delegation a mandate: “Pause only” (within: ceasefire pause).',
      '[hour 0] The Hamas-delegation shared its preferences with the mediators (walk-away value 0.2).',
      '[hour 0] Qatar to the Hamas-delegation in private caucus: “What about 25?”',
      '[hour 0] The Hamas-delegation to Qatar in private caucus (binding): “25 if the war ends”',
      '[hour 0] Private note by Egypt on pkg-1: “Hamas may move”',
      '[hour 0] The Hamas-delegation answered pkg-1 issue by issue: accepts captives; counters ceasefire with permanent; rejects withdrawal.',
      '[hour 0] Public statement (binding) by the Hamas-delegation: “We have answered”',
      '[hour 0] Egypt adjourned the talks for the Israel-delegation until hour 24: to consult',
    ]);
  });
});
