import type { RedLine } from '../core/party.js';
import type { Blocker } from './types.js';
import type { AnalysisContext } from './context.js';
import { individuallyRational, nashProduct } from './solutions.js';
import { compareIndex, type IndexedPoint } from './vectors.js';

/** A constraint that keeps outcomes out of the zone: a red line or a reservation value. */
interface Constraint {
  readonly id: string;
  readonly party: number;
  readonly line?: RedLine;
}

/** Most relaxation sets tried before the search gives up. */
const MAX_TRIALS = 4096;
/** Points of an opened zone shown with each blocker. */
const OPENS_SHOWN = 3;

export interface BlockerSearch {
  readonly blockers: Blocker[];
  /** Every smallest set was found (false when the search ran out of trials or time). */
  readonly complete: boolean;
}

/**
 * When the zone is empty: every smallest set of constraints whose relaxation opens it.
 * Sets are tried by increasing size; a relaxed reservation counts as 0.
 */
export function findBlockers(ctx: AnalysisContext): BlockerSearch {
  const constraints: Constraint[] = ctx.scenario.parties.flatMap((party, i) => [
    ...party.redLines.map((line) => ({ id: `red-line:${party.name}/${line.id}`, party: i, line })),
    ...(party.reservation > 0 ? [{ id: `reservation:${party.name}`, party: i }] : []),
  ]);
  let trials = 0;
  for (let size = 1; size <= constraints.length; size++) {
    const found: Blocker[] = [];
    for (const set of subsets(constraints.length, size)) {
      if (++trials > MAX_TRIALS || Date.now() > ctx.deadline) return { blockers: found, complete: false };
      const opened = openedZone(ctx, constraints, set);
      if (opened.length > 0)
        found.push(
          blocker(
            ctx,
            set.map((k) => constraints[k]!),
            opened,
          ),
        );
    }
    if (found.length > 0) return { blockers: found, complete: true };
  }
  return { blockers: [], complete: true };
}

function openedZone(ctx: AnalysisContext, all: readonly Constraint[], relaxed: readonly number[]): IndexedPoint[] {
  const dropped = new Set(relaxed.map((k) => all[k]!));
  const lines = all.filter((c) => c.line && !dropped.has(c)).map((c) => c.line!);
  const d = ctx.disagreement.map((v, i) => ([...dropped].some((c) => !c.line && c.party === i) ? 0 : v));
  const frontier = ctx.frontierWithout(lines).frontier;
  return individuallyRational(frontier, d)
    .map((p) => ({ p, score: nashProduct(p, d) }))
    .sort((a, b) => b.score - a.score || compareIndex(a.p.index, b.p.index))
    .map((x) => x.p);
}

function blocker(ctx: AnalysisContext, set: readonly Constraint[], opened: readonly IndexedPoint[]): Blocker {
  const names = new Set(set.flatMap((c) => (c.line ? [c.line.issue] : [])));
  return {
    constraints: set.map((c) => c.id),
    issues: ctx.scenario.domain.issues.map((i) => i.name).filter((n) => names.has(n)),
    opens: opened.slice(0, OPENS_SHOWN).map((p) => ctx.point(p)),
  };
}

/** All k-element subsets of 0..n-1, in lexicographic order. */
function* subsets(n: number, k: number): Generator<number[]> {
  const pick = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield [...pick];
    let i = k - 1;
    while (i >= 0 && pick[i] === n - k + i) i--;
    if (i < 0) return;
    pick[i]!++;
    for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1]! + 1;
  }
}
