import type { Domain, Outcome } from '../../core/domain.js';
import { issueSize, valueAt } from '../../core/issue.js';
import { crossesRedLine } from '../../core/party.js';
import type { Random } from '../../core/random.js';
import type { StatedRedLine } from '../../protocols/position.js';
import { type Estimate, type Objective, objectiveScore, rowOf } from './estimates.js';
import type { PartyModels, TurnedDown } from './party-model.js';
import { smallest } from '../../core/extremes.js';
import { concessionsSince, describeConcession } from './concessions.js';

/** An issue on which every value crosses some stated red line: a text cannot avoid them all. */
export interface ForcedCrossing {
  readonly issue: string;
  /** The red lines stated on the issue. */
  readonly lines: readonly { party: string; line: StatedRedLine }[];
}

/**
 * The values a mediator may use on each issue: those crossing no red line it was told of.
 * Where every value of an issue crosses one, the values crossing the fewest, and the
 * crossing is recorded so that the note can say so.
 */
export function allowedValues(domain: Domain, models: PartyModels): { allowed: number[][]; forced: ForcedCrossing[] } {
  const known = models.knownLines();
  const forced: ForcedCrossing[] = [];
  const allowed = domain.issues.map((issue) => {
    const mine = known.filter((k) => k.line.issue === issue.name);
    const counts = Array.from({ length: issueSize(issue) }, (_, j) => {
      const probe = { [issue.name]: valueAt(issue, j) };
      return mine.filter((k) => crossesRedLine(k.line, probe)).length;
    });
    const fewest = smallest(counts);
    const keep = counts.flatMap((c, j) => (c === fewest ? [j] : []));
    if (fewest > 0) forced.push({ issue: issue.name, lines: mine });
    return keep;
  });
  return { allowed, forced };
}

/**
 * What changed since a text was turned down, or an empty list when nothing did: outside
 * events, changed red lines or walk-away values, and an objector's own later answers that
 * take the text's value on an issue it objected to (see `concessionsSince`).
 */
export function changesSince(models: PartyModels, t: TurnedDown): string[] {
  const out = models.talksChanges.slice(t.talksVersion);
  for (const [party, version] of t.versions) out.push(...models.of(party).changes.slice(version));
  out.push(...concessionsSince(models, t).map(describeConcession));
  return out;
}

/**
 * The issues a turned-down text was objected to on: every issue a turning-down party named
 * (its red lines, its asks, its objections), as the issue settles it. An ask that cannot be
 * met (across another party's told red line) still counts: the text must change there or on
 * another objected issue. All issues (only an identical text repeats) when a party named none.
 */
export function objectedIssues(domain: Domain, t: TurnedDown): number[] {
  const names = new Set<string>();
  for (const issues of t.objected.values()) {
    // A party that named nothing objects to the whole text: a change anywhere answers it.
    if (issues.length === 0) return domain.issues.map((_, i) => i);
    for (const i of issues) names.add(i);
  }
  if (names.size === 0) return domain.issues.map((_, i) => i);
  return domain.issues.flatMap((issue, i) => (names.has(issue.name) ? [i] : []));
}

/**
 * Rules against re-tabling: a row is blocked when it repeats, on every issue objected to,
 * a text that was turned down and nothing has changed since. When every allowed row is
 * blocked so, the drafting goes on without blocks (`none`), each text tabled before word for
 * word weighed down (see `tabledPenalty`).
 */
export class RepeatGuard {
  private readonly blocks: { row: Int32Array; issues: number[]; proposal: string }[] = [];
  /** Turned-down texts that something has changed since, with what changed. */
  private readonly reopened: { row: Int32Array; issues: number[]; proposal: string; changes: string[] }[] = [];

  constructor(
    domain: Domain,
    models: PartyModels,
    /**
     * `fresh`: every turned-down text blocks, changed since or not; `objected`: only those
     * nothing has changed since; `none`: nothing blocks.
     */
    readonly mode: 'fresh' | 'objected' | 'none' = 'objected',
  ) {
    for (const t of mode === 'none' ? [] : models.turnedDown) {
      const row = rowOf(domain, t.text);
      if (!row) continue;
      const issues = objectedIssues(domain, t);
      // A fresh guard blocks every turned-down text, so what changed since does not matter.
      const changes = mode === 'fresh' ? [] : changesSince(models, t);
      if (changes.length === 0) this.blocks.push({ row, issues, proposal: t.proposal });
      else this.reopened.push({ row, issues, proposal: t.proposal, changes });
    }
  }

  blocked(row: Int32Array): boolean {
    return this.blocks.some((b) => b.issues.every((i) => b.row[i] === row[i]));
  }

  /**
   * A row on the allowed values (fixed issues held) that no block covers, or null when every
   * one is covered: an exact depth-first search, so that "every text repeats a turned-down
   * one" is only ever said when it is true. Issues named by the most blocks come first, so
   * that covered branches are cut early.
   */
  openRow(allowed: readonly (readonly number[])[], fixed?: ReadonlyMap<number, number>): Int32Array | null {
    const k = allowed.length;
    const order = allowed.map((_, i) => i);
    const named = order.map((i) => this.blocks.filter((b) => b.issues.includes(i)).length);
    order.sort((a, b) => named[b]! - named[a]!);
    const depth = order.map((_, d) => order.slice(0, d + 1));
    // Per block, the depth at which its last named issue is set: it covers the row from there.
    const closes = this.blocks.map((b) => Math.max(...b.issues.map((i) => order.indexOf(i))));
    const row = new Int32Array(k);
    const matches = (b: number, upTo: number) => {
      const block = this.blocks[b]!;
      return depth[upTo]!.every((i) => !block.issues.includes(i) || block.row[i] === row[i]);
    };
    const visit = (d: number, alive: number[]): boolean => {
      if (d === k) return true;
      const i = order[d]!;
      const f = fixed?.get(i);
      for (const j of f !== undefined ? [f] : allowed[i]!) {
        row[i] = j;
        const still = alive.filter((b) => matches(b, d));
        if (still.some((b) => closes[b] === d)) continue;
        if (visit(d + 1, still)) return true;
      }
      return false;
    };
    return visit(
      0,
      this.blocks.map((_, b) => b),
    )
      ? row
      : null;
  }

  /** The turned-down text this row repeats though something changed since, if any. */
  repeats(row: Int32Array): { proposal: string; changes: string[] } | undefined {
    return this.reopened.find((b) => b.issues.every((i) => b.row[i] === row[i]));
  }
}

/** The turned-down text a row repeats on the issues objected to, with nothing changed since. */
export function unchangedRepeat(domain: Domain, models: PartyModels, row: Int32Array): string | undefined {
  for (const t of models.turnedDown) {
    const other = rowOf(domain, t.text);
    if (other && changesSince(models, t).length === 0 && objectedIssues(domain, t).every((i) => other[i] === row[i]))
      return t.proposal;
  }
  return undefined;
}

/**
 * Once every text repeats a turned-down one, a text tabled before word for word is weighed
 * down by `weight` (in the objective's units: 1 in the log of the Nash product, a factor e),
 * so that a fresh text wins unless the old one is clearly better, and a text meeting the
 * parties' latest asks is not ruled out for having been tabled.
 */
export function tabledPenalty(domain: Domain, models: PartyModels, weight = 1): (row: Int32Array) => number {
  const rows = [...models.tabled.values()].map((t) => rowOf(domain, t)).filter((r): r is Int32Array => r !== null);
  return (row) => (rows.some((r) => r.every((v, i) => v === row[i])) ? weight : 0);
}

export interface DraftSearch {
  readonly domain: Domain;
  readonly estimates: readonly Estimate[];
  readonly objective: Objective;
  readonly allowed: readonly number[][];
  readonly guard: RepeatGuard;
  /** Issues whose value is fixed (a declared deferral, say). */
  readonly fixed?: ReadonlyMap<number, number>;
  /** Subtracted from the objective (a text tabled before, say). */
  readonly penalty?: (row: Int32Array) => number;
}

/** Moves a row onto allowed values: each disallowed value goes to the nearest allowed one. */
export function repair(search: DraftSearch, row: Int32Array): Int32Array {
  const out = Int32Array.from(row);
  search.allowed.forEach((values, i) => {
    const fixed = search.fixed?.get(i);
    if (fixed !== undefined) out[i] = fixed;
    else if (!values.includes(out[i]!))
      out[i] = values.reduce((best, j) => (Math.abs(j - row[i]!) < Math.abs(best - row[i]!) ? j : best), values[0]!);
  });
  return out;
}

/** Coordinate ascent over allowed values, never onto a blocked row; null when every step is blocked. */
function climb(search: DraftSearch, start: Int32Array): { row: Int32Array; score: number } | null {
  const row = Int32Array.from(start);
  const score = (r: Int32Array) =>
    objectiveScore(search.objective, search.estimates, r) - (search.penalty ? search.penalty(r) : 0);
  let current = search.guard.blocked(row) ? -Infinity : score(row);
  for (let pass = 0; pass < 8; pass++) {
    let improved = false;
    for (let i = 0; i < row.length; i++) {
      if (search.fixed?.has(i)) continue;
      const keep = row[i]!;
      let bestJ = keep;
      for (const j of search.allowed[i]!) {
        if (j === keep) continue;
        row[i] = j;
        const s = score(row);
        if (s > current + 1e-12 && !search.guard.blocked(row)) [current, bestJ] = [s, j];
      }
      row[i] = bestJ;
      if (bestJ !== keep) improved = true;
    }
    if (!improved) break;
  }
  return current === -Infinity ? null : { row, score: current };
}

/** A random row on allowed values, for restarts. */
function randomRow(search: DraftSearch, random: Random): Int32Array {
  return Int32Array.from(search.allowed, (values, i) => search.fixed?.get(i) ?? values[random.int(values.length)]!);
}

/**
 * An exploratory text: drawn at random from the allowed values (fixed issues held), never a
 * blocked one; null when a few hundred draws find none open (the search then takes over).
 */
export function exploratoryDraft(search: DraftSearch, random: Random): Int32Array | null {
  for (let tries = 0; tries < 200; tries++) {
    const row = randomRow(search, random);
    if (!search.guard.blocked(row)) return row;
  }
  return null;
}

/**
 * The best text the estimates point to among those allowed and not blocked, climbing from
 * each start and from seeded random restarts; null when every allowed text is blocked.
 */
export function bestDraft(
  search: DraftSearch,
  starts: readonly Int32Array[],
  random: Random,
  global = true,
): Int32Array | null {
  let best: { row: Int32Array; score: number } | null = null;
  const tryFrom = (start: Int32Array) => {
    const found = climb(search, repair(search, start));
    if (found && (!best || found.score > best.score)) best = found;
  };
  for (const start of starts) tryFrom(start);
  // A local search restarts at random only when every start is blocked.
  for (let r = 0; (global && r < 12) || (best === null && r < 200); r++) tryFrom(randomRow(search, random));
  // Restarts found nothing open: search for an open text exhaustively before giving up.
  if (best === null) {
    const open = search.guard.openRow(search.allowed, search.fixed);
    if (open) tryFrom(open);
  }
  return best === null ? null : (best as { row: Int32Array }).row;
}

export function outcomeOfRow(domain: Domain, row: Int32Array): Outcome {
  return Object.fromEntries(domain.issues.map((issue, i) => [issue.name, valueAt(issue, row[i]!)]));
}
