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
    expect(answer?.kind === 'reject' && answer.reason).toMatch(/red line on i0/);
  });
});
