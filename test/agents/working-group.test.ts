import { describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import type { Package } from '../../src/protocols/types.js';
import { createAgent } from '../../src/agents/index.js';
import { gridDomain, viewFor } from './support/fixtures.js';

const domain = gridDomain(3, 5);
let seq = 0;
const referred = (proposal: string, details: Package): ProtocolEvent => ({
  kind: 'phase-referred', seq: ++seq, at: 0, audience: { kind: 'working-group', group: 'WG' }, proposal, group: 'WG', issues: ['i0', 'i1'], details,
});

describe('working group', () => {
  const view = (events: ProtocolEvent[], proposal: string) =>
    viewFor(domain, undefined, { role: 'WG', may: ['settle'], proposal }, events, { kind: 'working-group' });

  it('leaves a package alone when no value in it has been objected to', () => {
    const group = createAgent({ strategy: 'working-group' }, 'WG', { kind: 'working-group', domain });
    expect(group.act(view([referred('pkg-1', { i0: 'v2', i1: 'v1' })], 'pkg-1'))).toBeNull();
  });

  it('replaces a value that was dropped before with the closest one nobody objected to', () => {
    const group = createAgent({ strategy: 'working-group' }, 'WG', { kind: 'working-group', domain });
    const events = [referred('pkg-1', { i0: 'v2', i1: 'v1' }), referred('pkg-2', { i0: 'v3', i1: 'v1' }), referred('pkg-3', { i0: 'v2', i1: 'v1' })];
    const action = group.act(view(events, 'pkg-3'));
    expect(action).toEqual({ kind: 'settle', actor: 'WG', proposal: 'pkg-3', details: { i0: 'v1' } });
    // Once per package: settling again would clear the parties' answers for nothing.
    expect(group.act(view(events, 'pkg-3'))).toBeNull();
  });
});
