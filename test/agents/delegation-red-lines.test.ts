import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agents/index.js';
import type { Outcome } from '../../src/core/domain.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { gridDomain, randomParty, viewFor } from './support/fixtures.js';

const domain = gridDomain(3, 4);
const self = randomParty(domain, 'A', 11, {
  reservation: 0.2,
  redLines: [
    { id: 'i0-low', issue: 'i0', allowed: ['v0', 'v1'] },
    { id: 'i1-high', issue: 'i1', allowed: ['v2', 'v3'] },
  ],
});

let seq = 0;
const tabled = (proposal: string, text: Outcome): ProtocolEvent => ({
  kind: 'package-tabled',
  seq: ++seq,
  at: 0,
  audience: { kind: 'party', party: 'A' },
  actor: 'M',
  party: 'A',
  proposal,
  text,
  byPhase: {},
});

describe('a delegation answering texts that cross its red lines', () => {
  const agent = createAgent({ strategy: 'boulware' }, 'A', { kind: 'delegation', domain, party: 'A', self });
  const may = ['accept', 'reject', 'amend'] as const;
  const crossing = { i0: 'v3', i1: 'v0', i2: 'v1' };
  const first = tabled('pkg-1', crossing);

  it('first asks for every red line the text crosses, not only one', () => {
    const answer = agent.act(viewFor(domain, self, { role: 'A', may: [...may], proposal: 'pkg-1' }, [first]));
    expect(answer?.kind).toBe('amend');
    const amendments = answer?.kind === 'amend' ? answer.amendments : {};
    expect(['v0', 'v1']).toContain(amendments.i0);
    expect(['v2', 'v3']).toContain(amendments.i1);
  });

  it('then rejects a new text that still crosses a red line it asked for, naming it', () => {
    const second = tabled('pkg-2', { ...crossing, i1: 'v2' });
    const answer = agent.act(
      viewFor(domain, self, { role: 'A', may: [...may], proposal: 'pkg-2' }, [first, second], { now: 2 }),
    );
    expect(answer?.kind).toBe('reject');
    expect(answer?.kind === 'reject' && answer.position?.redLines).toEqual([
      { id: 'i0-low', issue: 'i0', allowed: ['v0', 'v1'] },
    ]);
    expect(answer?.kind === 'reject' && answer.reason).toMatch(/red line: i0 only v0 or v1 \(i0-low\)/);
  });

  it('states the red lines a text crosses with its amendment request', () => {
    const fresh = createAgent({ strategy: 'linear' }, 'A', { kind: 'delegation', domain, party: 'A', self });
    const answer = fresh.act(viewFor(domain, self, { role: 'A', may: [...may], proposal: 'pkg-1' }, [first]));
    expect(answer?.kind === 'amend' && answer.position?.redLines?.map((l) => l.id).sort()).toEqual([
      'i0-low',
      'i1-high',
    ]);
  });
});

describe('a delegation after outside events', () => {
  const may = ['accept', 'reject', 'amend'] as const;
  const inside = { i0: 'v0', i1: 'v2', i2: 'v0' };
  const late = { now: 99, round: 99, progress: 0.999 };

  for (const strategy of ['boulware', 'linear', 'conceder', 'tit-for-tat', 'micro', 'random']) {
    it(`${strategy} does not accept a text below a walk-away value an event raised, and says so`, () => {
      const agent = createAgent({ strategy }, 'A', { kind: 'delegation', domain, party: 'A', self });
      const raised = { ...self, reservation: 1 };
      const answer = agent.act(
        viewFor(domain, raised, { role: 'A', may: [...may], proposal: 'pkg-9' }, [tabled('pkg-9', inside)], late),
      );
      expect(answer?.kind).not.toBe('accept');
      if (answer?.kind === 'reject') expect(answer.position?.belowWalkAway).toBe(true);
    });
  }

  it('does not accept a text crossing a red line an event added, and names it', () => {
    const agent = createAgent({ strategy: 'conceder' }, 'A', { kind: 'delegation', domain, party: 'A', self });
    const added = { ...self, redLines: [...self.redLines, { id: 'i2-new', issue: 'i2', allowed: ['v3'] }] };
    const first = agent.act(
      viewFor(
        domain,
        added,
        { role: 'A', may: ['accept', 'reject'], proposal: 'pkg-8' },
        [tabled('pkg-8', inside)],
        late,
      ),
    );
    expect(first?.kind).toBe('reject');
    expect(first?.kind === 'reject' && first.position?.redLines?.map((l) => l.id)).toEqual(['i2-new']);
  });
});
