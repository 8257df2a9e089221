import { describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import type { Outcome } from '../../src/core/domain.js';
import { createAgent } from '../../src/agents/index.js';
import { gridDomain, viewFor } from './support/fixtures.js';

const domain = gridDomain(3, 5);
let seq = 0;
const referred = (proposal: string, details: Outcome): ProtocolEvent => ({
  kind: 'phase-referred',
  seq: ++seq,
  at: 0,
  audience: { kind: 'working-group', group: 'WG' },
  proposal,
  group: 'WG',
  issues: ['i0', 'i1'],
  details,
});

const response = (proposal: string, party: string, amendments: Outcome): ProtocolEvent => ({
  kind: 'package-response',
  seq: ++seq,
  at: 0,
  audience: { kind: 'working-group', group: 'WG' },
  actor: party,
  party,
  proposal,
  answer: 'amend',
  amendments,
});

describe('working group', () => {
  const view = (events: ProtocolEvent[], proposal: string) =>
    viewFor(domain, undefined, { role: 'WG', may: ['settle'], proposal }, events, { kind: 'working-group' });

  it('leaves a package alone when no value in it has been objected to', () => {
    const group = createAgent({ strategy: 'working-group' }, 'WG', { kind: 'working-group', domain });
    expect(group.act(view([referred('pkg-1', { i0: 'v2', i1: 'v1' })], 'pkg-1'))).toBeNull();
  });

  it('puts back the closest earlier value nobody objected to in place of one a party objected to', () => {
    const group = createAgent({ strategy: 'working-group' }, 'WG', { kind: 'working-group', domain });
    const events = [
      referred('pkg-1', { i0: 'v1', i1: 'v1' }),
      referred('pkg-2', { i0: 'v4', i1: 'v1' }),
      referred('pkg-3', { i0: 'v3', i1: 'v1' }),
      response('pkg-3', 'A', { i0: 'v0' }),
    ];
    const action = group.act(view(events, 'pkg-3'));
    // v4 and v1 were tabled before and drew no objection; v4 is closer to v3. i1 drew none.
    expect(action).toEqual({ kind: 'settle', actor: 'WG', proposal: 'pkg-3', details: { i0: 'v4' } });
    // Once per package: settling again would clear the parties' answers for nothing.
    expect(group.act(view(events, 'pkg-3'))).toBeNull();
  });

  it('never picks a value no package has tabled', () => {
    const group = createAgent({ strategy: 'working-group' }, 'WG', { kind: 'working-group', domain });
    const events = [referred('pkg-1', { i0: 'v2', i1: 'v1' }), response('pkg-1', 'B', { i0: 'v0' })];
    expect(group.act(view(events, 'pkg-1'))).toBeNull();
  });
});
