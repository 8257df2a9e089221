import type { Party } from '../../core/party.js';
import { Random } from '../../core/random.js';
import type { Scenario } from '../../core/scenario.js';
import type { ValueFunction } from '../../core/utility.js';
import type { Analysis } from '../types.js';
import { analyze } from '../index.js';

/**
 * Sensitivity of an analysis to the numbers a scenario marks as assumed: each sample draws
 * every assumed number around its given value and the analysis is run again.
 * - Weights: a Dirichlet draw centred on the given weights, its concentration set so that a
 *   typical weight (1/k of k issues) moves by about a third of itself: α₀ = 9(k − 1) − 1.
 * - Value scores (tables) and walk-away values: uniform within ±spread of the given value,
 *   clipped to [0, 1].
 * Only numbers marked assumed move: a party's weights and value scores when its preferences
 * are assumed, its walk-away value when that is. Seeded.
 */
export interface SensitivityOptions {
  readonly samples: number;
  /** Half-width of the uniform draw for value scores and walk-away values (default 0.2). */
  readonly spread?: number;
  readonly seed?: number;
  /** Seconds per sample's analysis (default 5). */
  readonly timeLimit?: number;
}

/** What is assumed, as the report's notes say, per party. */
export interface AssumedParts {
  readonly preferences: (party: string) => boolean;
  readonly reservation: (party: string) => boolean;
}

export interface Conclusion {
  readonly label: string;
  /** Samples in which it holds. */
  readonly holds: number;
}

export interface SensitivityResult {
  readonly samples: number;
  readonly spread: number;
  readonly seed: number;
  /** What moved, e.g. "Israel's weights and value scores". */
  readonly moved: readonly string[];
  readonly conclusions: readonly Conclusion[];
}

function normal(random: Random): number {
  const u = Math.max(1e-12, random.next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (shape < 1 boosted). */
export function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(Math.max(1e-12, random.next()), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = Math.pow(1 + c * x, 3);
    if (v <= 0) continue;
    const u = random.next();
    if (Math.log(Math.max(1e-300, u)) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Dirichlet draw with mean `weights` and concentration α₀ = 9(k − 1) − 1 (at least 1). */
export function dirichletAround(random: Random, weights: readonly number[]): number[] {
  const k = weights.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const alpha0 = Math.max(1, 9 * (k - 1) - 1);
  const draws = weights.map((w) => (w > 0 ? gamma(random, (alpha0 * w) / total) : 0));
  const sum = draws.reduce((a, b) => a + b, 0);
  return draws.map((x) => (sum > 0 ? x / sum : 1 / k));
}

const clip01 = (x: number) => Math.min(1, Math.max(0, x));

function perturbValues(fn: ValueFunction, random: Random, spread: number): ValueFunction {
  if (fn.kind !== 'table') return fn;
  const utilities = Object.fromEntries(
    Object.entries(fn.utilities).map(([v, u]) => [v, clip01(u + (2 * random.next() - 1) * spread)]),
  );
  return { kind: 'table', utilities };
}

function perturbParty(party: Party, assumed: AssumedParts, random: Random, spread: number): Party {
  let out = party;
  if (assumed.preferences(party.name) && party.utility.kind === 'additive') {
    const issues = Object.keys(party.utility.weights);
    const drawn = dirichletAround(
      random,
      issues.map((i) => (party.utility.kind === 'additive' ? party.utility.weights[i]! : 0)),
    );
    const values = Object.fromEntries(
      Object.entries(party.utility.values).map(([issue, fn]) => [issue, perturbValues(fn, random, spread)]),
    );
    out = {
      ...out,
      utility: { ...party.utility, weights: Object.fromEntries(issues.map((i, k) => [i, drawn[k]!])), values },
    };
  }
  if (assumed.reservation(party.name))
    out = { ...out, reservation: clip01(party.reservation + (2 * random.next() - 1) * spread) };
  return out;
}

/** One scenario drawn around the given one. */
export function sampleScenario(scenario: Scenario, assumed: AssumedParts, random: Random, spread: number): Scenario {
  return { ...scenario, parties: scenario.parties.map((p) => perturbParty(p, assumed, random, spread)) };
}

const key = (xs: readonly string[]) => [...xs].sort().join(' + ');
const outcomeKey = (o: object) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
/** The first three sticking points in the report's order (blocking first, then by opposition). */
const topSticking = (a: Analysis) => a.stickingPoints.slice(0, 3).map((s) => s.issue);

/** The conclusions of the base analysis that each sample is checked against, with their test. */
function conclusionsOf(base: Analysis): { label: string; holds: (a: Analysis) => boolean }[] {
  const empty = base.zopa.best.length === 0;
  const out = [
    {
      label: empty ? 'the zone is empty' : 'the zone is not empty',
      holds: (a: Analysis) => (a.zopa.best.length === 0) === empty,
    },
  ];
  for (const b of base.blockers) {
    const k = key(b.constraints);
    out.push({
      label: `blocking set: ${k.replace(/red-line:/g, '').replace(/reservation:(\S+)/g, "$1's walk-away value")}`,
      holds: (a) => a.blockers.some((x) => key(x.constraints) === k),
    });
  }
  if (base.nash) {
    const k = outcomeKey(base.nash.outcome);
    out.push({ label: 'the Nash package', holds: (a) => a.nash !== null && outcomeKey(a.nash.outcome) === k });
  }
  const top = key(topSticking(base));
  if (top)
    out.push({
      label: `top sticking points: ${topSticking(base).join(', ')}`,
      holds: (a) => key(topSticking(a)) === top,
    });
  return out;
}

export function sensitivity(
  scenario: Scenario,
  base: Analysis,
  assumed: AssumedParts,
  options: SensitivityOptions,
): SensitivityResult {
  const spread = options.spread ?? 0.2;
  const seed = options.seed ?? 1;
  const random = new Random(seed);
  const conclusions = conclusionsOf(base);
  const counts = conclusions.map(() => 0);
  for (let s = 0; s < options.samples; s++) {
    const sample = sampleScenario(scenario, assumed, random, spread);
    const analysis = analyze(sample, { timeLimit: options.timeLimit ?? 5 });
    conclusions.forEach((c, i) => (counts[i]! += c.holds(analysis) ? 1 : 0));
  }
  const moved = scenario.parties.flatMap((p) => [
    ...(assumed.preferences(p.name) && p.utility.kind === 'additive' ? [`${p.name}'s weights and value scores`] : []),
    ...(assumed.reservation(p.name) ? [`${p.name}'s walk-away value`] : []),
  ]);
  return {
    samples: options.samples,
    spread,
    seed,
    moved,
    conclusions: conclusions.map((c, i) => ({ label: c.label, holds: counts[i]! })),
  };
}
