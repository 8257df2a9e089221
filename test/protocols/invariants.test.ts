import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeProblems } from '../../src/core/domain.js';
import type { BaseState } from '../../src/protocols/base.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { registeredProtocols } from '../../src/protocols/registry.js';
import type { ParleyProtocol } from '../../src/protocols/protocol.js';
import type { Outcome } from '../../src/core/domain.js';
import type { Action, ActionKind } from '../../src/protocols/types.js';
import { counter, deal, hamas, israel, pressure, rocketAttack, setup, truce } from '../session/support/fixtures.js';

const ROLES = [
  'Israel-delegation',
  'Hamas-delegation',
  'Egypt',
  'Qatar',
  'War-cabinet',
  'Hamas-leadership',
  'Technical-team',
  'convenor',
  'Nobody',
];
const KINDS: ActionKind[] = [
  'offer',
  'accept',
  'reject',
  'amend',
  'end',
  'table',
  'relay',
  'adjourn',
  'return',
  'ratify',
  'refuse-ratification',
  'statement',
  'settle',
  'tick',
  'adjourn-talks',
  'respond',
  'caucus',
  'note',
  'mandate',
  'share-preferences',
  'hold',
  'close',
];
const OUTCOMES = [deal, counter, { ...deal, captives: 40 }];
const PROPOSALS = ['offer-1', 'offer-2', 'text-1', 'text-2', 'pkg-1', 'pkg-2', 'pkg-9'];
const PACKAGES: readonly Outcome[] = [{ withdrawal: 'full' }, { captives: 25 }, { bogus: 1 }];
const TOS = [[], ['Israel'], ['Hamas']];
const WITH = ['Israel', 'Hamas', 'Egypt', 'Qatar', 'Nobody'];
/** Issue-by-issue answers: all accepted, one countered, one refused, one issue missing. */
const ANSWERS = [
  { ceasefire: { answer: 'accept' }, captives: { answer: 'accept' }, withdrawal: { answer: 'accept' } },
  { ceasefire: { answer: 'accept' }, captives: { answer: 'counter', value: 25 }, withdrawal: { answer: 'reject' } },
  { ceasefire: { answer: 'reject' }, captives: { answer: 'accept' }, withdrawal: { answer: 'accept' } },
  { ceasefire: { answer: 'accept' } },
] as const;

/** Builds an action of a kind from a few numbers, so fast-check can shrink a failing run. */
function build(kind: ActionKind, actor: string, proposal: string | undefined, n: number, now: number): Action {
  const pick = <T>(xs: readonly T[]) => xs[n % xs.length]!;
  const p = proposal ?? pick(PROPOSALS);
  switch (kind) {
    case 'offer':
      return { kind, actor, outcome: pick(OUTCOMES) };
    case 'accept':
    case 'ratify':
      return { kind, actor, proposal: p };
    case 'reject':
    case 'refuse-ratification':
      return { kind, actor, proposal: p, reason: 'no' };
    case 'amend':
      return { kind, actor, proposal: p, amendments: pick(PACKAGES) };
    case 'settle':
      return { kind, actor, proposal: p, details: pick(PACKAGES) };
    case 'end':
      return { kind, actor };
    case 'table':
      return { kind, actor, text: pick(OUTCOMES), to: pick(TOS) };
    case 'relay':
      return { kind, actor, to: pick(['Israel', 'Hamas']), message: 'they insist', about: n % 2 ? p : undefined };
    case 'adjourn':
      return { kind, actor, until: now + (n % 5) };
    case 'return':
      return { kind, actor };
    case 'statement':
      return { kind, actor, text: 'we want peace' };
    case 'tick':
      return { kind, now: now + (n % 7) };
    case 'adjourn-talks':
      return { kind, actor, until: now + (n % 5), parties: pick(TOS) };
    case 'respond':
      return { kind, actor, proposal: p, issues: pick(ANSWERS) };
    case 'caucus':
      return { kind, actor, with: pick(WITH), message: 'between us', binding: n % 2 === 0 };
    case 'note':
      return { kind, actor, text: 'remember this', about: n % 2 ? p : undefined };
    case 'mandate':
      return { kind, actor, instructions: 'hold firm', limits: n % 2 ? { captives: [30, 33] } : undefined };
    case 'share-preferences':
      return { kind, actor, preferences: pick([israel, hamas]) };
    case 'hold':
      return { kind, actor, reason: n % 2 ? 'no new text' : undefined };
    case 'close':
      return { kind, actor, reason: pick(['the parties asked for it', '']) };
  }
}

/** Mostly what the protocol waits for (to get deep into a run), sometimes anything at all. */
function choose(protocol: ParleyProtocol<BaseState>, state: BaseState, c: readonly number[]): Action {
  const expected = protocol.expected(state);
  if (c[0]! % 10 < 7 && expected.length > 0) {
    const e = expected[c[1]! % expected.length]!;
    // Now and then one of the moves the protocol does not wait for (notes, caucus, mandates…).
    const kinds = c[0]! % 10 === 6 && e.also?.length ? e.also : e.may;
    let i = c[2]! % kinds.length;
    // Walking away ends a run at once; make it rare so runs reach ratification and agreement.
    if (kinds[i] === 'end' && c[3]! % 8 !== 0) i = (i + 1) % kinds.length;
    return build(kinds[i]!, e.role, e.proposal, c[3]!, state.now);
  }
  return build(KINDS[c[1]! % KINDS.length]!, ROLES[c[2]! % ROLES.length]!, undefined, c[3]!, state.now);
}

function run(protocol: ParleyProtocol<BaseState>, start: BaseState, choices: readonly (readonly number[])[]) {
  let state = start;
  const events: ProtocolEvent[] = [];
  for (const c of choices) {
    const action = choose(protocol, state, c);
    const r = protocol.step(state, action);
    if (!r.ok) {
      expect(r.error.reason.length).toBeGreaterThan(10);
      continue;
    }
    r.events.forEach((e, i) => {
      expect(protocol.events).toContain(e.kind);
      expect(e.seq).toBe(state.seq + i);
      expect(e.at).toBeLessThanOrEqual(r.state.now);
    });
    expect(r.state.seq).toBe(state.seq + r.events.length);
    expect(r.state.now).toBeGreaterThanOrEqual(state.now);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

const choicesArb = fc.array(fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }), { maxLength: 40 });

describe('every protocol', () => {
  for (const protocol of registeredProtocols()) {
    it(`${protocol.name}: keeps its invariants over random runs and continues identically from JSON`, () => {
      fc.assert(
        fc.property(choicesArb, fc.nat(40), (choices, cut) => {
          const init = protocol.init(setup({ timeline: [rocketAttack, pressure], deadline: { rounds: 4, time: 60 } }));
          const head = run(protocol, init.state, choices.slice(0, cut));
          const tail = choices.slice(cut);
          const direct = run(protocol, head.state, tail);
          const revived = run(protocol, JSON.parse(JSON.stringify(head.state)), tail);
          expect(JSON.stringify(revived)).toBe(JSON.stringify(direct));
          const end = direct.state.end;
          if (end?.reason === 'agreement') expect(outcomeProblems(truce, end.outcome!)).toEqual([]);
          if (end) {
            expect(protocol.expected(direct.state)).toEqual([]);
            for (const kind of KINDS)
              expect(
                protocol.validate(direct.state, build(kind, 'Egypt', 'pkg-1', 1, direct.state.now + 1)),
              ).not.toBeNull();
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
