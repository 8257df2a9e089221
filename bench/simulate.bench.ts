/**
 * Simulation benchmark: SAOP negotiations per second. Every ordered pair of the six built-in
 * agents (36, self-play included) on CameraB (ANAC 2012), Laptop (2011) and Icecream (2013),
 * each pair with two seeds: 216 negotiations, serially in one process, after loading and a
 * warm-up, with a 100-round and a 1,000-round deadline. Metrics are not part of the timing
 * (`analysis: 'skip'`). Writes bench/RESULTS-simulate.md. Run with `npx tsx bench/simulate.bench.ts`.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { STRATEGY_NAMES } from '../src/agents/index.js';
import type { Scenario } from '../src/core/scenario.js';
import { roleMap } from '../src/protocols/roles.js';
import { setupOf } from '../src/session/core.js';
import { runSession } from '../src/session/runner.js';
import { loadAnac } from '../test/support/anac.js';
import { saopRun } from '../test/support/saop.js';
import { describeMachine, machineLines } from './lib/machine.js';

const DOMAINS = ['y2012/CameraB', 'y2011/Laptop', 'y2013/Icecream'];
const SEEDS = [1, 2];
const DEADLINES = [100, 1000];
/** NegMAS on the same workload, ms per negotiation (from the brief). */
const NEGMAS_MS: Record<number, number> = { 100: 8.8, 1000: 51 };
/** Target: seconds for all 216 negotiations. */
const TARGET_S: Record<number, number> = { 100: 0.1, 1000: 0.5 };

interface Row {
  /** Rounds each negotiation played, in workload order. */
  readonly played: readonly number[];
  readonly rounds: number;
  readonly negotiations: number;
  readonly seconds: number;
  readonly agreements: number;
  readonly meanRounds: number;
}

/** One SAOP negotiation between two named strategies; returns whether it agreed and its rounds. */
function negotiate(
  scenario: Scenario,
  a: string,
  b: string,
  seed: number,
  rounds: number,
): { agreed: boolean; rounds: number } {
  const { result } = saopRun(scenario, [a, b], { rounds, seed });
  return { agreed: result.agreement, rounds: result.rounds };
}

function workload(scenarios: readonly Scenario[], rounds: number): Row {
  let agreements = 0;
  let totalRounds = 0;
  let negotiations = 0;
  const played: number[] = [];
  const started = performance.now();
  for (const scenario of scenarios) {
    for (const a of STRATEGY_NAMES) {
      for (const b of STRATEGY_NAMES) {
        for (const seed of SEEDS) {
          const r = negotiate(scenario, a, b, seed, rounds);
          negotiations++;
          totalRounds += r.rounds;
          played.push(r.rounds);
          if (r.agreed) agreements++;
        }
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { played, rounds, negotiations, seconds, agreements, meanRounds: totalRounds / negotiations };
}

/**
 * The runner and the protocol alone: the same number of rounds per negotiation, played by
 * agents that repeat one offer and never accept, so that what the agents cost shows apart.
 */
function runnerOnly(scenarios: readonly Scenario[], played: readonly number[]): number {
  const started = performance.now();
  played.forEach((rounds, k) => {
    const scenario = scenarios[Math.floor(k / (played.length / scenarios.length))]!;
    const outcome = Object.fromEntries(
      scenario.domain.issues.map((i) => [i.name, i.kind === 'discrete' ? i.values[0]! : i.min]),
    );
    const map = roleMap(setupOf(scenario, { rounds }, 1));
    const agents = map.delegations.map((role) => ({
      role,
      act: () => ({ kind: 'offer' as const, actor: role, outcome }),
    }));
    runSession({
      scenario,
      protocol: 'saop',
      agents,
      deadline: { rounds: Math.max(1, rounds) },
      seed: 1,
    });
  });
  return (performance.now() - started) / 1000;
}

const loadBefore = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');
const scenarios = DOMAINS.map(loadAnac);
// Warm-up: one pass of every pair on every domain at the short deadline.
workload(scenarios, 100);
/** The machine is shared: each workload runs three times and the median total counts. */
function medianOfThree(rounds: number): Row {
  const runs = [0, 1, 2].map(() => workload(scenarios, rounds)).sort((a, b) => a.seconds - b.seconds);
  return runs[1]!;
}

const rows = DEADLINES.map((d) => {
  const measured = medianOfThree(d);
  const alone = [0, 1, 2].map(() => runnerOnly(scenarios, measured.played)).sort((a, b) => a - b)[1]!;
  const row = { ...measured, runnerSeconds: alone };
  console.error(
    `${d} rounds: ${row.negotiations} negotiations in ${row.seconds.toFixed(2)} s, ${row.agreements} agreements`,
  );
  return row;
});

const ms = (r: Row) => (r.seconds * 1000) / r.negotiations;
const lines = [
  '## Simulation: SAOP negotiations per second',
  '',
  ...machineLines(describeMachine()),
  '',
  `Every ordered pair of the ${STRATEGY_NAMES.length} built-in agents (${STRATEGY_NAMES.join(', ')}; ${STRATEGY_NAMES.length ** 2} pairs, self-play included) ` +
    `on ${DOMAINS.join(', ')}, each pair with seeds ${SEEDS.join(' and ')}: ${rows[0]!.negotiations} negotiations, serially in one process, ` +
    'after loading and a warm-up pass; each workload runs three times and the median total is shown ' +
    `(load average before the run: ${loadBefore}). Metrics (frontier distances) are not timed: \`runSession\` with \`analysis: 'skip'\`. ` +
    'Regenerate with `npx tsx bench/simulate.bench.ts`.',
  '',
  '| Deadline (rounds) | Negotiations | Total (s) | Target total (s) | Within target | ms / negotiation | Negotiations / s | Agreements | Mean rounds played | NegMAS total (s) |',
  '| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.rounds} | ${r.negotiations} | ${r.seconds.toFixed(2)} | ≤ ${TARGET_S[r.rounds]} | ${r.seconds <= TARGET_S[r.rounds]! ? 'yes' : 'no'} | ${ms(r).toFixed(2)} | ` +
      `${(r.negotiations / r.seconds).toFixed(0)} | ${r.agreements} | ${r.meanRounds.toFixed(1)} | ≈ ${((NEGMAS_MS[r.rounds]! * r.negotiations) / 1000).toFixed(1)} (${NEGMAS_MS[r.rounds]} ms each) |`,
  ),
  '',
  'Negotiations that agree early stop early, so the 1,000-round deadline costs less than ten times the 100-round one.',
  '',
  'Where the time goes: the same rounds played by agents that repeat one offer (runner, protocol and views only, no strategy):',
  '',
  '| Deadline (rounds) | Total (s) | Runner and protocol alone (s) | Agents (s, the difference) |',
  '| ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.rounds} | ${r.seconds.toFixed(2)} | ${r.runnerSeconds.toFixed(2)} | ${Math.max(0, r.seconds - r.runnerSeconds).toFixed(2)} |`,
  ),
  '',
];
writeFileSync(new URL('./RESULTS-simulate.md', import.meta.url), lines.join('\n'));
console.error('bench: wrote bench/RESULTS-simulate.md');
