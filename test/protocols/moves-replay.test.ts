import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/protocols/types.js';
import { SessionCore } from '../../src/session/core.js';
import { formatEventLog, parseEventLog } from '../../src/session/event-log.js';
import { replay } from '../../src/session/replay.js';
import { deal, hamas, scenario } from '../session/support/fixtures.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';

/** A shuttle session that makes every new move once, with a refused one among them. */
const SCRIPT: readonly (readonly [string, Action])[] = [
  [
    'War-cabinet',
    { kind: 'mandate', actor: 'War-cabinet', instructions: 'Pause only', limits: { ceasefire: ['pause'] } },
  ],
  ['Egypt', { kind: 'table', actor: 'Egypt', text: deal, to: [] }],
  [H, { kind: 'share-preferences', actor: H, preferences: hamas }],
  ['Qatar', { kind: 'caucus', actor: 'Qatar', with: 'Hamas', message: 'What about 25?', binding: false }],
  ['Egypt', { kind: 'note', actor: 'Egypt', text: 'Hamas may move on captives', about: 'pkg-1' }],
  [
    H,
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
  ],
  [H, { kind: 'statement', actor: H, text: 'The ball is in Israel\u2019s court', binding: true }],
  ['Egypt', { kind: 'adjourn-talks', actor: 'Egypt', until: 24, reason: 'consult' }],
  ['Qatar', { kind: 'caucus', actor: 'Qatar', with: 'Israel', message: 'refused: no channel' }],
  [I, { kind: 'return', actor: I }],
  ['clock', { kind: 'tick', now: 30 }],
];

describe('the new moves in a logged session', () => {
  it('replay from the written log to the very same events, refusals included', () => {
    const core = new SessionCore({ scenario: scenario(), protocol: 'shuttle', deadline: { time: 100 }, seed: 5 });
    for (const [role, action] of SCRIPT)
      if (action.kind === 'tick') core.tick(action.now);
      else core.act(role, action);
    const log = parseEventLog(formatEventLog(core.log()));
    expect(log.actions.filter((a) => a.rejected !== undefined).map((a) => a.action.kind)).toEqual(['caucus']);
    const kinds = new Set(log.events.map((e) => e.kind));
    for (const kind of ['mandate', 'preferences-shared', 'caucus', 'note', 'talks-adjourned', 'return-missed'])
      expect(kinds.has(kind as never)).toBe(true);
    const again = replay(log);
    expect(JSON.parse(JSON.stringify(again.events))).toEqual(log.events);
  });
});
