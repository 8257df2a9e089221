import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/domain.js';
import type { Scenario } from '../../src/core/scenario.js';
import { createAgent } from '../../src/agents/index.js';
import { loadInput } from '../../src/formats/input.js';
import { runMeasured } from '../support/run.js';

/** One NegMAS 0.15.7 negotiation, as test/fixtures/negmas-traces/README.md describes it. */
interface TraceRun {
  readonly agents: [string, string];
  readonly n_steps: number;
  readonly agreement: Record<string, string> | null;
  readonly agreement_step: number | null;
  readonly offers: [number, number, Record<string, string>][];
  readonly offers_elided?: number;
  readonly utilities: [number, number];
}
interface Trace {
  readonly negmas: string;
  readonly domain: string;
  readonly profiles: string[];
  readonly runs: TraceRun[];
}

const DIR = join(import.meta.dirname, '../fixtures/negmas-traces');
const FILES = ['anac_y2011_Laptop', 'anac_y2012_CameraB', 'anac_y2011_Amsterdam', 'anac_y2013_SmartPhone'];

function traceOf(file: string): { trace: Trace; scenario: Scenario } {
  const trace = JSON.parse(readFileSync(join(DIR, `${file}.json`), 'utf8')) as Trace;
  // The traces name domains anac/y2011/Laptop; parley ships them as anac/2011/Laptop.
  return { trace, scenario: loadInput([trace.domain.replace('anac/y', 'anac/')]) };
}

/** Values as text, in domain order: the traces write every value as in the GENIUS XML. */
function keyOf(scenario: Scenario, outcome: Outcome | Record<string, string>): string {
  return JSON.stringify(scenario.domain.issues.map((i) => String(outcome[i.name])));
}

/** The run replayed with parley's mode=negmas agents, discounts ignored as the recording did. */
function replay(scenario: Scenario, run: TraceRun) {
  const agents = scenario.parties.map((p, i) =>
    createAgent({ strategy: run.agents[i]!.toLowerCase(), params: { mode: 'negmas', discount: 'false' } }, p.name, {
      kind: 'delegation',
      domain: scenario.domain,
      party: p.name,
      self: p,
    }),
  );
  const { result, log } = runMeasured({
    scenario,
    protocol: 'saop',
    agents,
    deadline: { rounds: run.n_steps },
    seed: 1,
    analysis: 'skip',
  });
  const offers = log.events.flatMap((e) =>
    e.kind === 'offer' ? [[scenario.parties.findIndex((p) => p.name === e.party), keyOf(scenario, e.outcome)]] : [],
  );
  return { result, offers };
}

describe('mode=negmas against NegMAS 0.15.7 traces', () => {
  for (const file of FILES) {
    it(`repeats every offer, the agreement and its round on ${file}`, () => {
      const { trace, scenario } = traceOf(file);
      expect(scenario.parties.map((p) => `${p.name}.xml`)).toEqual(trace.profiles);
      expect(trace.runs).toHaveLength(18);
      for (const run of trace.runs) {
        const label = `${run.agents.join(' vs ')}, ${run.n_steps} steps`;
        const { result, offers } = replay(scenario, run);
        const expected = run.offers.map(([, by, o]) => [by, keyOf(scenario, o)]);
        const elided = run.offers_elided ?? 0;
        expect(offers.length, label).toBe(expected.length + elided);
        const seen = elided ? [...offers.slice(0, 100), ...offers.slice(-100)] : offers;
        expect(seen, label).toEqual(expected);
        expect(result.outcome && keyOf(scenario, result.outcome), label).toBe(
          run.agreement && keyOf(scenario, run.agreement),
        );
        // NegMAS's 0-based step of the accepting answer is parley's 1-based round minus one.
        expect(result.rounds, label).toBe(run.agreement_step! + 1);
        // Within 1e-4: parley scales Laptop's weights (they sum to 1.00005) to 1, NegMAS keeps them.
        result.parties.forEach((p, i) => expect(Math.abs(p.utility - run.utilities[i]!), label).toBeLessThan(1e-4));
      }
    });
  }
});
