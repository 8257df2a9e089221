import { issueSize, valueAt, type Value } from '../../core/issue.js';
import type { Outcome } from '../../core/domain.js';
import { isAcceptable, redLinesCrossed, utilityFor, type Party, type RedLine } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';

/** Completions of a partial package counted one by one up to this many. */
const COMPLETIONS_LIMIT = 200_000;

export interface PartyStanding {
  readonly party: string;
  /** Lowest and highest utility over every completion (equal for a full package). */
  readonly worst: number;
  readonly best: number;
  readonly reservation: number;
  /** Red lines the fixed values cross already, whatever fills the rest. */
  readonly redLinesCrossed: readonly RedLine[];
}

export interface PackageComparison {
  readonly outcome: Readonly<Record<string, Value>>;
  /** Issues left open. */
  readonly open: readonly string[];
  readonly parties: readonly PartyStanding[];
  /** Completions inside the zone (acceptable to every party), and how many there are; null when too many to count. */
  readonly inZone: { readonly count: number; readonly of: number } | null;
}

/** Every completion of the open issues, or null when there are more than the limit. */
function completions(scenario: Scenario, fixed: Readonly<Record<string, Value>>): Outcome[] | null {
  const open = scenario.domain.issues.filter((i) => fixed[i.name] === undefined);
  const total = open.reduce((n, i) => n * issueSize(i), 1);
  if (total > COMPLETIONS_LIMIT) return null;
  const out: Outcome[] = [];
  const index = new Array<number>(open.length).fill(0);
  for (let k = 0; k < total; k++) {
    const o: Record<string, Value> = { ...fixed };
    open.forEach((issue, i) => (o[issue.name] = valueAt(issue, index[i]!)));
    out.push(o);
    for (let i = 0; i < open.length; i++) {
      if (++index[i]! < issueSize(open[i]!)) break;
      index[i] = 0;
    }
  }
  return out;
}

/** Best and worst utility over completions: issue by issue for additive parties, else by visiting them. */
function range(party: Party, scenario: Scenario, fixed: Readonly<Record<string, Value>>, all: Outcome[] | null) {
  const u = party.utility;
  if (u.kind === 'additive') {
    let worst = 0;
    let best = 0;
    for (const issue of scenario.domain.issues) {
      const w = u.weights[issue.name] ?? 0;
      const vf = u.values[issue.name];
      if (!vf) continue;
      const values =
        fixed[issue.name] !== undefined
          ? [fixed[issue.name]!]
          : Array.from({ length: issueSize(issue) }, (_, j) => valueAt(issue, j));
      const us = values.map(
        (v) => w * utilityFor({ ...party, utility: { ...u, weights: { [issue.name]: 1 } } }, { [issue.name]: v }),
      );
      worst += Math.min(...us);
      best += Math.max(...us);
    }
    return { worst, best };
  }
  if (!all) return { worst: NaN, best: NaN };
  const us = all.map((o) => utilityFor(party, o));
  return { worst: Math.min(...us), best: Math.max(...us) };
}

/** Each party's standing under a full or partial package, and how much of it lies in the zone. */
export function comparePackage(scenario: Scenario, fixed: Readonly<Record<string, Value>>): PackageComparison {
  const all = completions(scenario, fixed);
  const parties = scenario.parties.map((p) => ({
    party: p.name,
    ...range(p, scenario, fixed, all),
    reservation: p.reservation,
    redLinesCrossed: redLinesCrossed(p, fixed as Outcome),
  }));
  const inZone = all
    ? { count: all.filter((o) => scenario.parties.every((p) => isAcceptable(p, o))).length, of: all.length }
    : null;
  return {
    outcome: fixed,
    open: scenario.domain.issues.filter((i) => fixed[i.name] === undefined).map((i) => i.name),
    parties,
    inZone,
  };
}
