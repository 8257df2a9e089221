import { describe, expect, it } from 'vitest';
import { getProtocol, PROTOCOL_NAMES, protocols } from '../../src/protocols/index.js';
import { isParleyError } from '../../src/core/errors.js';
import { rocketAttack, setup } from '../session/support/fixtures.js';

describe('protocol registry', () => {
  it('finds every protocol by its name', () => {
    expect(PROTOCOL_NAMES).toEqual(['saop', 'single-text', 'shuttle']);
    for (const name of PROTOCOL_NAMES) expect(getProtocol(name).name).toBe(name);
  });

  it('refuses an unknown name with a usage error listing the known ones', () => {
    for (const bad of ['alternating', 'toString']) {
      try {
        getProtocol(bad);
        expect.unreachable();
      } catch (e) {
        expect(isParleyError(e) && e.code).toBe('PARLEY_E_USAGE');
        expect((e as Error).message).toContain('saop, single-text, shuttle');
      }
    }
  });

  for (const [name, protocol] of Object.entries(protocols)) {
    describe(name, () => {
      it('accepts ticks, fires outside events and ends at the time deadline', () => {
        const init = protocol.init(setup({ timeline: [rocketAttack], deadline: { time: 30 } }));
        const r = protocol.step(init.state, { kind: 'tick', now: 10 });
        expect(r.ok && r.events.map((e) => e.kind)).toEqual(['outside-event']);
        if (!r.ok) return;
        expect(r.state.effects).toEqual(rocketAttack.effects);
        const end = protocol.step(r.state, { kind: 'tick', now: 30 });
        expect(end.ok && protocol.isOver(end.state)).toBe(true);
        expect(end.ok && protocol.expected(end.state)).toEqual([]);
      });

      it('keeps a JSON-serialisable state that validates the same after a round trip', () => {
        const init = protocol.init(setup({ timeline: [rocketAttack] }));
        const revived = JSON.parse(JSON.stringify(init.state));
        expect(revived).toEqual(init.state);
        expect(protocol.expected(revived)).toEqual(protocol.expected(init.state));
      });

      it('refuses to start without a deadline', () => {
        expect(() => protocol.init(setup({ deadline: {} }))).toThrow(/needs a deadline/);
      });
    });
  }
});
