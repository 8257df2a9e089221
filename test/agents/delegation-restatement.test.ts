import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agents/index.js';
import type { Outcome } from '../../src/core/domain.js';
import { utilityFor } from '../../src/core/party.js';
import type { VisibleEvent } from '../../src/protocols/agent.js';
import type { Expectation } from '../../src/protocols/types.js';
import { gridDomain, randomParty, tabledEvent, viewFor } from './support/fixtures.js';

const domain = gridDomain(3, 4);
const self = randomParty(domain, 'A', 11, { reservation: 0 });
const outcomes: Outcome[] = domain.issues.reduce<Outcome[]>(
  (acc, issue) => acc.flatMap((o) => ['v0', 'v1', 'v2', 'v3'].map((v) => ({ ...o, [issue.name]: v }))),
  [{}],
);
// A text worth about half of what the party could get: turned down early, within reach late.
const middling = outcomes
  .map((o) => ({ o, u: utilityFor(self, o) }))
  .sort((a, b) => Math.abs(a.u - 0.5) - Math.abs(b.u - 0.5))[0]!.o;

let seq = 1000;
const held = (): VisibleEvent => ({ kind: 'held', seq: ++seq, at: 0, audience: { kind: 'all' }, actor: 'M', round: 1 });
const answer: Expectation = { role: 'A', may: ['accept', 'reject', 'amend'], proposal: 'text-1' };
const floor: Expectation = { role: 'A', may: ['statement', 'end'] };

/** The delegation after turning text-1 down, and the issues its answer named (amended or asked for). */
function turnedDown() {
  const agent = createAgent({ strategy: 'linear' }, 'A', { kind: 'delegation', domain, party: 'A', self });
  const tabled = tabledEvent('text-1', middling);
  const first = agent.act(viewFor(domain, self, answer, [tabled], { round: 1, progress: 0.02 }));
  const named =
    first?.kind === 'amend'
      ? Object.keys(first.amendments)
      : first?.kind === 'reject'
        ? Object.keys(first.position?.asks ?? {})
        : [];
  return { agent, tabled, first, named };
}

describe('a delegation given the floor when a mediator holds', () => {
  it('says nothing while no text it turned down has come within its reach', () => {
    const { agent, tabled, first } = turnedDown();
    expect(['reject', 'amend']).toContain(first?.kind);
    const events = [tabled, held()];
    expect(agent.act(viewFor(domain, self, floor, events, { round: 2, progress: 0.05 }))).toBeNull();
  });

  it("once its bar has dropped, asks for the turned-down text's values on the issues it objected to, and says so once", () => {
    const { agent, tabled, named } = turnedDown();
    expect(named.length).toBeGreaterThan(0);
    const events = [tabled, held()];
    const late = agent.act(viewFor(domain, self, floor, events, { round: 58, progress: 0.97 }));
    expect(late?.kind).toBe('statement');
    if (late?.kind !== 'statement') return;
    expect(late.position?.asks).toEqual(Object.fromEntries(named.map((i) => [i, middling[i]])));
    expect(late.text).toMatch(/^A asks for .* It could now take text-1 on these issues\.$/);
    const again = agent.act(viewFor(domain, self, floor, [...events, held()], { round: 59, progress: 0.98 }));
    expect(again).toBeNull();
  });

  it('keeps to its periodic statements only when no mediator has held since the last text', () => {
    const { agent, tabled } = turnedDown();
    const shuttleTurn: Expectation = { role: 'A', may: ['statement', 'end', 'adjourn'] };
    const move = agent.act(viewFor(domain, self, shuttleTurn, [tabled], { round: 58, progress: 0.97, now: 100 }));
    expect(move?.kind).toBe('statement');
    expect(move?.kind === 'statement' && move.text).not.toMatch(/could now take/);
  });
});

describe('a delegation a mediator consults (a statement of its own, the round going on)', () => {
  const consultation = (text: Outcome): VisibleEvent => ({
    kind: 'statement',
    seq: ++seq,
    at: 0,
    audience: { kind: 'all' },
    actor: 'M',
    text: 'Could the parties now take this text?',
    binding: false,
    position: { asks: text },
  });
  const worst = outcomes.reduce((a, b) => (utilityFor(self, b) < utilityFor(self, a) ? b : a));

  it('says it could now take the consulted text, asking for its values on the issues it objected to', () => {
    const { agent, tabled, named } = turnedDown();
    const events = [tabled, consultation(middling)];
    const move = agent.act(viewFor(domain, self, floor, events, { round: 58, progress: 0.97 }));
    expect(move?.kind).toBe('statement');
    if (move?.kind !== 'statement') return;
    expect(move.position?.asks).toEqual(Object.fromEntries(named.map((i) => [i, middling[i]])));
    expect(move.text).toMatch(
      /It could now take the text the mediator consults on, which holds the values of text-1 on these issues\.$/,
    );
  });

  it('says nothing while its bar is above the turned-down texts, whatever the mediator asks', () => {
    const { agent, tabled } = turnedDown();
    const events = [tabled, consultation(middling)];
    expect(agent.act(viewFor(domain, self, floor, events, { round: 2, progress: 0.05 }))).toBeNull();
  });

  it('restates as after a hold when it would not take the consulted text', () => {
    const { agent, tabled } = turnedDown();
    const events = [tabled, consultation(worst)];
    const move = agent.act(viewFor(domain, self, floor, events, { round: 58, progress: 0.97 }));
    expect(move?.kind === 'statement' && move.text).toMatch(/It could now take text-1 on these issues\.$/);
  });
});
