import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/domain.js';
import { utilityFor } from '../../src/core/party.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { createAgent } from '../../src/agents/index.js';
import { runMeasured } from '../support/run.js';
import { gridDomain, randomParty, scenarioOf, viewFor } from './support/fixtures.js';
import { mediatedRun } from './support/talks.js';

const domain = gridDomain(3, 5);
const self = randomParty(domain, 'A', 21, {
  reservation: 0.5,
  redLines: [{ id: 'i2-not-v4', issue: 'i2', allowed: ['v0', 'v1', 'v2', 'v3'] }],
});

/** The first outcome (by enumeration) whose utility lies in [lo, hi) and that keeps i2 off v4. */
function outcomeWorth(lo: number, hi: number): Outcome {
  for (let a = 0; a < 5; a++)
    for (let b = 0; b < 5; b++)
      for (let c = 0; c < 4; c++) {
        const o = { i0: `v${a}`, i1: `v${b}`, i2: `v${c}` };
        const u = utilityFor(self, o);
        if (u >= lo && u < hi) return o;
      }
  throw new Error(`no outcome worth [${lo}, ${hi})`);
}

const tabled = (proposal: string, text: Outcome): ProtocolEvent => ({
  kind: 'package-tabled',
  seq: 1,
  at: 0,
  audience: { kind: 'party', party: 'A' },
  actor: 'M',
  party: 'A',
  proposal,
  text,
  byPhase: {},
});
const requested = (proposal: string, text: Outcome): ProtocolEvent => ({
  kind: 'ratification-requested',
  seq: 2,
  at: 0,
  audience: { kind: 'decision-body', body: 'A-body' },
  party: 'A',
  body: 'A-body',
  proposal,
  text,
});

describe('decision body', () => {
  const body = createAgent({ strategy: 'principal', params: { ratificationMargin: 0.1 } }, 'A-body', {
    kind: 'decision-body',
    domain,
    party: 'A',
    self,
  });
  const ask = (text: Outcome) =>
    body.act(
      viewFor(
        domain,
        self,
        { role: 'A-body', may: ['ratify', 'refuse-ratification', 'statement'], proposal: 'pkg-1' },
        [requested('pkg-1', text)],
        { kind: 'decision-body' },
      ),
    );

  it('is stricter than its delegation: refuses a package the delegation accepts near the deadline', () => {
    const text = outcomeWorth(0.52, 0.58);
    const delegation = createAgent({ strategy: 'conceder' }, 'A-delegation', {
      kind: 'delegation',
      domain,
      party: 'A',
      self,
    });
    const answer = delegation.act(
      viewFor(
        domain,
        self,
        { role: 'A-delegation', may: ['accept', 'reject', 'amend'], proposal: 'pkg-1' },
        [tabled('pkg-1', text)],
        { progress: 1 },
      ),
    );
    expect(answer?.kind).toBe('accept');
    const verdict = ask(text);
    expect(verdict?.kind).toBe('refuse-ratification');
    expect(verdict?.kind === 'refuse-ratification' && verdict.reason).toMatch(/requires/);
  });

  it('ratifies a package worth its reservation plus the margin', () => {
    expect(ask(outcomeWorth(0.61, 1.01))?.kind).toBe('ratify');
  });

  it('refuses a package across its red lines, naming the issue', () => {
    const best = { i0: 'v0', i1: 'v0', i2: 'v4' };
    const verdict = ask(best);
    expect(verdict?.kind).toBe('refuse-ratification');
    expect(verdict?.kind === 'refuse-ratification' && verdict.reason).toMatch(/red line on i2/);
  });
});

describe('delegations in shuttle talks', () => {
  const a = randomParty(domain, 'A', 5, { reservation: 0.4 });
  const b = randomParty(domain, 'B', 6, { reservation: 0.4 });

  it('adjourn to consult, come back on time, and only see ratified what their decision body can sign', () => {
    const { result, log } = mediatedRun(domain, [a, b], {
      protocol: 'shuttle',
      mediator: 'hill-climb',
      strategies: ['conceder', 'linear'],
      rounds: 40,
    });
    expect(result.rejectedActions).toBe(0);
    const kinds = log.events.map((e) => e.kind);
    expect(kinds).toContain('adjourned');
    expect(kinds.filter((k) => k === 'returned').length).toBe(kinds.filter((k) => k === 'adjourned').length);
    expect(kinds).not.toContain('return-missed');
    const texts = new Map(
      log.events.flatMap((e) => (e.kind === 'package-tabled' ? [[e.proposal, e.text] as const] : [])),
    );
    for (const e of log.events) {
      if (e.kind !== 'ratified') continue;
      const p = e.party === 'A' ? a : b;
      expect(utilityFor(p, texts.get(e.proposal)!)).toBeGreaterThanOrEqual(p.reservation + 0.05 - 1e-12);
    }
  });

  it('make public statements of their position in plain words', () => {
    const { log } = mediatedRun(domain, [a, b], {
      protocol: 'shuttle',
      mediator: 'nash',
      strategies: ['boulware'],
      rounds: 10,
    });
    const statements = log.events.filter((e) => e.kind === 'statement' && e.party !== undefined);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s.kind === 'statement' && s.text).toMatch(/^(A|B) asks for i\d: v\d/);
  });

  it('relays each answer to the other side in neutral words', () => {
    const { log } = mediatedRun(domain, [a, b], {
      protocol: 'shuttle',
      mediator: 'bridging',
      strategies: ['boulware'],
      rounds: 5,
    });
    const relays = log.events.filter((e) => e.kind === 'relayed');
    expect(relays.length).toBeGreaterThan(0);
    for (const r of relays)
      expect(r.kind === 'relayed' && r.message).toMatch(/^(A|B) (accepts|asks for changes to|does not accept) pkg-\d+/);
  });
});

describe('co-mediators', () => {
  it('pass each answer on once: a message one relayed, the other does not repeat', () => {
    const a = randomParty(domain, 'A', 5, { reservation: 0.4 });
    const b = randomParty(domain, 'B', 6, { reservation: 0.4 });
    const roles = {
      mediators: [
        { name: 'M1', channels: [] },
        { name: 'M2', channels: [] },
      ],
      delegations: [],
      decisionBodies: [],
      workingGroups: [],
      observers: [],
    };
    const scenario = scenarioOf(domain, [a, b], roles);
    const agents = [
      createAgent({ strategy: 'hill-climb', params: { lead: true } }, 'M1', { kind: 'mediator', domain }),
      createAgent({ strategy: 'bridging', params: { lead: false } }, 'M2', { kind: 'mediator', domain }),
      createAgent({ strategy: 'boulware' }, 'A', { kind: 'delegation', domain, party: 'A', self: a }),
      createAgent({ strategy: 'boulware' }, 'B', { kind: 'delegation', domain, party: 'B', self: b }),
    ];
    const { log, result } = runMeasured({
      scenario,
      protocol: 'shuttle',
      agents,
      deadline: { rounds: 8 },
      seed: 1,
      analysis: 'skip',
    });
    expect(result.rejectedActions).toBe(0);
    const relays = log.events.flatMap((e) => (e.kind === 'relayed' ? [`${e.to}|${e.message}`] : []));
    expect(relays.length).toBeGreaterThan(0);
    expect(new Set(relays).size).toBe(relays.length);
    expect(
      log.events
        .filter((e) => e.kind === 'package-tabled')
        .every((e) => e.kind === 'package-tabled' && e.actor === 'M1'),
    ).toBe(true);
  });
});
