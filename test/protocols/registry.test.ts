import { describe, expect, it } from 'vitest';
import { isParleyError } from '../../src/core/errors.js';
import { EVENT_KINDS } from '../../src/protocols/events.js';
import { COMMON_EVENT_KINDS } from '../../src/protocols/protocol.js';
import { getProtocol, protocolNames, registeredProtocols, registerProtocol } from '../../src/protocols/registry.js';
import { saop } from '../../src/protocols/saop.js';
import { takeItOrLeaveIt } from '../support/take-it-or-leave-it.js';
import { rocketAttack, setup } from '../session/support/fixtures.js';

describe('protocol registry', () => {
  it('finds every registered protocol by its name', () => {
    expect(protocolNames().length).toBeGreaterThan(0);
    for (const name of protocolNames()) expect(getProtocol(name).name).toBe(name);
  });

  it('refuses an unknown name with a usage error listing the known ones', () => {
    for (const bad of ['alternating', 'toString']) {
      try {
        getProtocol(bad);
        expect.unreachable();
      } catch (e) {
        expect(isParleyError(e) && e.code).toBe('PARLEY_E_USAGE');
        expect((e as Error).message).toContain(protocolNames().join(', '));
      }
    }
  });

  it('takes a new protocol with one call, and refuses a second one of the same name', () => {
    registerProtocol(takeItOrLeaveIt);
    expect(protocolNames().at(-1)).toBe('take-it-or-leave-it');
    expect(() => registerProtocol({ ...saop, name: 'take-it-or-leave-it' })).toThrow(/already registered/);
  });

  it('checks a protocol\u2019s options against its schema when it starts', () => {
    const two = setup({ roles: { ...setup().roles, mediators: [] } });
    expect(() => takeItOrLeaveIt.init({ ...two, options: { proposer: 'Hamas' } })).not.toThrow();
    expect(() => takeItOrLeaveIt.init({ ...two, options: { bidder: 'Hamas' } })).toThrow(
      /take-it-or-leave-it options: .*bidder/,
    );
    expect(() => saop.init({ ...two, options: { anything: 1 } })).toThrow(/saop options/);
  });

  for (const protocol of registeredProtocols()) {
    describe(protocol.name, () => {
      it('declares a summary, its seats and every event it may emit', () => {
        expect(protocol.summary.length).toBeGreaterThan(10);
        expect(['none', 'required']).toContain(protocol.seats.mediators);
        for (const kind of COMMON_EVENT_KINDS) expect(protocol.events).toContain(kind);
        for (const kind of protocol.events) expect(EVENT_KINDS).toContain(kind);
      });

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
