/**
 * Generated mediated scenarios for the mediation benchmark: 2–5 parties, 4–10 discrete
 * issues, 1–3 red lines per party, and walk-away values set so that the zone (the share of
 * outcomes acceptable to every party) falls in a stated width class. Seeded; the width is
 * measured exactly with the analysis' zone count before a scenario is kept.
 */
import { zopa } from '../../src/analysis/index.js';
import { type Domain, outcomeCount } from '../../src/core/domain.js';
import { crossesRedLine, type Party, type RedLine, utilityFor } from '../../src/core/party.js';
import { Random } from '../../src/core/random.js';
import type { Roles } from '../../src/core/roles.js';
import { bareScenario, type Scenario } from '../../src/core/scenario.js';

export type WidthClass = 'empty' | 'below 1%' | '1–10%' | 'above 10%';
export const WIDTHS: readonly WidthClass[] = ['empty', 'below 1%', '1–10%', 'above 10%'];
/** The share aimed at when setting walk-away values, per class. */
const AIM: Record<WidthClass, number> = { empty: 0, 'below 1%': 0.004, '1–10%': 0.04, 'above 10%': 0.2 };

export function widthOf(share: number): WidthClass {
  return share === 0 ? 'empty' : share < 0.01 ? 'below 1%' : share <= 0.1 ? '1–10%' : 'above 10%';
}

export interface MediatedScenario {
  readonly scenario: Scenario;
  readonly width: WidthClass;
  /** Exact share of outcomes acceptable to every party. */
  readonly share: number;
}

function domainOf(random: Random, issues: number): Domain {
  const values = issues >= 8 ? 3 : 4;
  return {
    name: 'generated',
    issues: Array.from({ length: issues }, (_, i) => ({
      kind: 'discrete' as const,
      name: `issue-${i + 1}`,
      values: Array.from({ length: values + (random.next() < 0.3 ? 1 : 0) }, (_, j) => `v${j}`),
    })),
    phases: [],
  };
}

/** Each red line allows a run of at least half the values, so lines of different parties may overlap or not. */
function redLines(random: Random, domain: Domain, party: string): RedLine[] {
  const count = 1 + random.int(3);
  return Array.from({ length: count }, (_, k) => {
    const issue = domain.issues[random.int(domain.issues.length)]!;
    const values = issue.kind === 'discrete' ? issue.values : [];
    const keep = Math.max(2, Math.ceil(values.length / 2) + random.int(2));
    const from = random.int(values.length - keep + 1);
    return { id: `${party}-line-${k + 1}`, issue: issue.name, allowed: values.slice(from, from + keep) };
  });
}

function party(random: Random, domain: Domain, name: string): Party {
  const raw = domain.issues.map(() => random.next() + 0.05);
  const total = raw.reduce((a, b) => a + b, 0);
  const values = Object.fromEntries(
    domain.issues.map((issue) => {
      const vs = issue.kind === 'discrete' ? issue.values : [];
      const us = vs.map(() => random.next());
      const max = Math.max(...us);
      return [
        issue.name,
        { kind: 'table' as const, utilities: Object.fromEntries(vs.map((v, j) => [v, us[j]! / max])) },
      ];
    }),
  );
  return {
    name,
    utility: {
      kind: 'additive',
      weights: Object.fromEntries(domain.issues.map((i, k) => [i.name, raw[k]! / total])),
      values,
    },
    reservation: 0,
    discount: 1,
    redLines: redLines(random, domain, name),
  };
}

/** Samples of outcomes within every red line (values drawn uniformly from the allowed ones). */
function samplesWithinLines(random: Random, domain: Domain, parties: readonly Party[], n: number) {
  const allowed = domain.issues.map((issue) =>
    (issue.kind === 'discrete' ? issue.values : []).filter((v) =>
      parties.every((p) => p.redLines.every((l) => !crossesRedLine(l, { [issue.name]: v }))),
    ),
  );
  if (allowed.some((a) => a.length === 0)) return { samples: [], region: 0 };
  const region = allowed.reduce((share, a, i) => {
    const issue = domain.issues[i]!;
    return share * (a.length / (issue.kind === 'discrete' ? issue.values.length : 1));
  }, 1);
  const samples = Array.from({ length: n }, () =>
    Object.fromEntries(domain.issues.map((issue, i) => [issue.name, allowed[i]![random.int(allowed[i]!.length)]!])),
  );
  return { samples, region };
}

/**
 * Walk-away values at a common quantile q of each party's utilities within the red lines,
 * q found by bisection so that the sampled joint share comes near the aim.
 */
function setReservations(parties: Party[], samples: Record<string, string>[], region: number, aim: number): Party[] {
  const utilities = parties.map((p) => samples.map((s) => utilityFor(p, s)));
  const sorted = utilities.map((u) => [...u].sort((a, b) => a - b));
  const at = (q: number) => sorted.map((s) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!);
  const share = (q: number) => {
    const r = at(q);
    let inside = 0;
    for (let k = 0; k < samples.length; k++) if (utilities.every((u, p) => u[k]! >= r[p]!)) inside++;
    return (region * inside) / samples.length;
  };
  let lo = 0;
  let hi = 0.999;
  for (let step = 0; step < 30; step++) {
    const mid = (lo + hi) / 2;
    if (share(mid) > aim) lo = mid;
    else hi = mid;
  }
  const r = at(lo);
  return parties.map((p, i) => ({ ...p, reservation: Math.max(0, r[i]! - 1e-9) }));
}

export function mediatedRoles(parties: readonly Party[]): Roles {
  return {
    mediators: [{ name: 'Mediator', channels: [] }],
    delegations: parties.map((p) => ({ name: `${p.name}-delegation`, party: p.name, present: true })),
    decisionBodies: [],
    workingGroups: [],
    observers: [],
  };
}

/** One scenario of the class, or null when this seed does not land in it. */
export function generate(seed: number, target: WidthClass): MediatedScenario | null {
  const random = new Random(seed);
  const n = 2 + random.int(4);
  const domain = domainOf(random, 4 + random.int(7));
  let parties = Array.from({ length: n }, (_, i) => party(random, domain, `P${i + 1}`));
  const { samples, region } = samplesWithinLines(random, domain, parties, 20_000);
  if (target !== 'empty' && region === 0) return null;
  if (region > 0) parties = setReservations(parties, samples, region, target === 'empty' ? 0 : AIM[target]);
  if (target === 'empty' && region > 0)
    parties = parties.map((p) => ({ ...p, reservation: Math.min(1, p.reservation + 0.15) }));
  const scenario = { ...bareScenario(`mediated-${seed}`, domain, parties), roles: mediatedRoles(parties) };
  const size = zopa(scenario, { timeLimit: 20 }).size;
  if (size === null) return null;
  const share = Number(size) / Number(outcomeCount(domain));
  return widthOf(share) === target ? { scenario, width: target, share } : null;
}

/** `count` scenarios of every width class, trying seeds from `firstSeed` on. */
export function scenariosByWidth(count: number, firstSeed = 1): MediatedScenario[] {
  const out: MediatedScenario[] = [];
  for (const width of WIDTHS) {
    let found = 0;
    for (let seed = firstSeed; found < count && seed < firstSeed + 400; seed++) {
      const s = generate(seed * 7919 + WIDTHS.indexOf(width), width);
      if (s) {
        out.push(s);
        found++;
      }
    }
  }
  return out;
}
