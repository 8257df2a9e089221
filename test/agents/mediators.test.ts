import { describe, expect, it } from 'vitest';
import type { Domain, Outcome } from '../../src/core/domain.js';
import { outcomeProblems } from '../../src/core/domain.js';
import type { Party } from '../../src/core/party.js';
import { redLinesCrossed, utilityFor } from '../../src/core/party.js';
import { loadInput } from '../../src/formats/input.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { nashOutcome, revealedScorer, STRATEGY_NAMES } from '../../src/agents/index.js';
import { mediatedRun } from './support/talks.js';

const table = (utilities: Record<string, number>) => ({ kind: 'table' as const, utilities });

/** Two sides far apart on the ceasefire, closer on the rest; the ceasefire can be deferred. */
const domain: Domain = {
  name: 'talks',
  issues: [
    {
      kind: 'discrete',
      name: 'ceasefire',
      values: ['temporary', 'permanent', 'deferred to phase two'],
      deferral: 'deferred to phase two',
    },
    { kind: 'discrete', name: 'captives', values: ['10', '20', '33'] },
    { kind: 'discrete', name: 'aid', values: ['low', 'mid', 'high'] },
  ],
  phases: [
    { name: 'first', issues: ['captives', 'aid'] },
    { name: 'second', issues: ['ceasefire'] },
  ],
};
const party = (
  name: string,
  ceasefire: Record<string, number>,
  captives: Record<string, number>,
  aid: Record<string, number>,
): Party => ({
  name,
  reservation: 0.3,
  discount: 1,
  redLines: [],
  utility: {
    kind: 'additive',
    weights: { ceasefire: 0.6, captives: 0.25, aid: 0.15 },
    values: { ceasefire: table(ceasefire), captives: table(captives), aid: table(aid) },
  },
});
const north = party(
  'North',
  { temporary: 1, permanent: 0, 'deferred to phase two': 0.6 },
  { '10': 0.2, '20': 0.6, '33': 1 },
  { low: 1, mid: 0.7, high: 0.3 },
);
const south = party(
  'South',
  { temporary: 0, permanent: 1, 'deferred to phase two': 0.6 },
  { '10': 1, '20': 0.7, '33': 0.3 },
  { low: 0.2, mid: 0.6, high: 1 },
);

/** North will not accept a permanent ceasefire. */
const withRedLine = (p: Party): Party => ({
  ...p,
  redLines: [{ id: 'no-permanent', issue: 'ceasefire', allowed: ['temporary', 'deferred to phase two'] }],
});

/**
 * The rules every delegation keeps, whatever its strategy: each text it accepts (and so an
 * agreement) is worth at least its walk-away value to it and crosses none of its red lines.
 * Whether the talks end in agreement is the strategies' business, not a rule.
 */
function expectAcceptancesByTheRules(events: readonly ProtocolEvent[], parties: readonly Party[], label: string): void {
  const texts = new Map<string, Outcome>();
  for (const e of events) {
    if (e.kind === 'text-tabled' || e.kind === 'package-tabled' || e.kind === 'package-revised')
      texts.set(e.proposal, e.text);
    const accepted =
      (e.kind === 'text-response' || e.kind === 'package-response') && e.answer === 'accept'
        ? { party: e.party, text: texts.get(e.proposal)! }
        : null;
    const agreed = e.kind === 'agreement' ? parties.map((p) => ({ party: p.name, text: e.outcome })) : [];
    for (const { party, text } of [...(accepted ? [accepted] : []), ...agreed]) {
      const p = parties.find((x) => x.name === party)!;
      expect(utilityFor(p, text), `${label}: ${party} accepted below its walk-away value`).toBeGreaterThanOrEqual(
        p.reservation,
      );
      expect(redLinesCrossed(p, text), `${label}: ${party} accepted across a red line`).toEqual([]);
    }
  }
}

function tabledTexts(events: readonly ProtocolEvent[]): { text: Record<string, string>; note?: string }[] {
  return events.flatMap((e) =>
    e.kind === 'text-tabled' ? [{ text: e.text as Record<string, string>, note: e.note }] : [],
  );
}

describe('mediators', () => {
  for (const mediator of ['hill-climb', 'nash', 'bridging']) {
    it(`${mediator} tables only valid texts, and whatever is agreed every party can accept`, () => {
      const { result, log } = mediatedRun(domain, [north, south], {
        protocol: 'single-text',
        mediator,
        strategies: ['conceder'],
      });
      expect(result.rejectedActions).toBe(0);
      for (const e of tabledTexts(log.events)) expect(outcomeProblems(domain, e.text)).toEqual([]);
      expectAcceptancesByTheRules(log.events, [north, south], `${mediator}`);
    });

    it(`${mediator} tables valid texts on an ANAC domain`, () => {
      const sc = loadInput(['anac/2012/CameraB']);
      const { result, log } = mediatedRun(sc.domain, sc.parties, {
        protocol: 'single-text',
        mediator,
        strategies: ['boulware', 'linear'],
        rounds: 30,
      });
      expect(result.rejectedActions).toBe(0);
      expect(tabledTexts(log.events).length).toBeGreaterThan(1);
      for (const e of tabledTexts(log.events)) expect(outcomeProblems(sc.domain, e.text)).toEqual([]);
    });
  }

  it('nash opens with the Nash point of the preferences the parties revealed', () => {
    const { log } = mediatedRun(domain, [north, south], {
      protocol: 'single-text',
      mediator: 'nash',
      strategies: ['boulware'],
      reveal: true,
    });
    const expected = nashOutcome(
      domain,
      [revealedScorer(domain, north), revealedScorer(domain, south)],
      [north, south],
    );
    expect(tabledTexts(log.events)[0]!.text).toEqual(expected);
    const product = (o: Record<string, string>) => (utilityFor(north, o) - 0.3) * (utilityFor(south, o) - 0.3);
    expect(product(expected as Record<string, string>)).toBeGreaterThanOrEqual(
      product({ ceasefire: 'temporary', captives: '20', aid: 'mid' }),
    );
  });

  it('bridging defers the contested issue to the later phase once both sides pull it apart', () => {
    const { log } = mediatedRun(domain, [north, south], {
      protocol: 'single-text',
      mediator: 'bridging',
      strategies: ['boulware'],
      params: { maxAmendments: 1 },
    });
    const texts = tabledTexts(log.events);
    const firstContested = texts.findIndex((t) => /ceasefire is deferred/.test(t.note ?? ''));
    expect(firstContested).toBeGreaterThan(0);
    for (const t of texts.slice(firstContested)) expect(t.text.ceasefire).toBe('deferred to phase two');
    // Before it, both sides had asked for opposite ceasefire values.
    const asks = log.events
      .filter((e) => e.kind === 'text-response' && e.answer === 'amend')
      .map((e) => (e as { amendments?: Record<string, string> }).amendments?.ceasefire);
    expect(asks).toContain('temporary');
    expect(asks).toContain('permanent');
  });

  it('every delegation strategy answers mediated texts by the rules: never below its walk-away value, never across a red line', () => {
    const sc = loadInput(['anac/2011/Laptop']);
    const cases = [
      { domain: sc.domain, parties: sc.parties },
      { domain, parties: [withRedLine(north), south] },
    ];
    for (const { domain: d, parties } of cases)
      for (const protocol of ['single-text', 'shuttle'] as const) {
        for (const strategy of STRATEGY_NAMES) {
          const { result, log } = mediatedRun(d, parties, {
            protocol,
            mediator: 'hill-climb',
            strategies: [strategy],
            rounds: 40,
          });
          const label = `${strategy} in ${protocol} on ${d.name}`;
          expect(result.rejectedActions, label).toBe(0);
          expectAcceptancesByTheRules(log.events, parties, label);
        }
      }
  });

  it('hill-climb never tables the same text twice', () => {
    const { log } = mediatedRun(domain, [north, south], {
      protocol: 'single-text',
      mediator: 'hill-climb',
      strategies: ['boulware'],
      rounds: 20,
    });
    const keys = tabledTexts(log.events).map((t) => JSON.stringify(t.text));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
