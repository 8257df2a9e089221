import { evaluateValue } from '../../src/core/utility.js';
import type { Domain, Party, ProtocolEvent } from './types.js';
import { valuesOf } from './texts.js';

/** A delegation's preferences as the editor holds them: weights (relative), value ratings, red lines. */
export interface Draft {
  readonly weights: Record<string, number>;
  readonly ratings: Record<string, Record<string, number>>;
  /** Per issue with a red line: the values the delegation can live with. */
  readonly allowed: Record<string, string[]>;
  readonly reservation: number;
}

/** The profile this seat last kept for its own views (`share-preferences` to itself), if any: it outlives a reload. */
export function keptProfile(events: readonly ProtocolEvent[], role: string): Party | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'preferences-shared' && e.to === 'self' && e.actor === role) return e.preferences;
  }
  return undefined;
}

/** The editor starts from the party's own profile, as the server sent it to this seat. */
export function draftOf(domain: Domain, self: Party): Draft {
  const weights: Record<string, number> = {};
  const ratings: Record<string, Record<string, number>> = {};
  for (const issue of domain.issues) {
    const u = self.utility;
    weights[issue.name] = u.kind === 'additive' ? Math.round((u.weights[issue.name] ?? 0) * 1000) / 1000 : 1;
    ratings[issue.name] = Object.fromEntries(
      valuesOf(domain, issue.name).map((v) => {
        // A profile of hyper-rectangles has no rating per value: the editor starts it at 0.5.
        const fn = u.kind === 'additive' ? u.values[issue.name] : undefined;
        const rated = fn ? evaluateValue(fn, v) : 0.5;
        return [String(v), Math.round(rated * 1000) / 1000];
      }),
    );
  }
  const allowed: Record<string, string[]> = {};
  for (const line of self.redLines) if (line.allowed) allowed[line.issue] = line.allowed.map(String);
  return { weights, ratings, allowed, reservation: self.reservation };
}

/** The draft as a profile (a parley Party), for this seat's own views and for sharing with the mediators. */
export function partyOf(name: string, draft: Draft): Party {
  // Weights are typed as relative importance; a profile's weights sum to 1.
  const total = Object.values(draft.weights).reduce((a, b) => a + b, 0);
  const weights = Object.fromEntries(Object.entries(draft.weights).map(([i, w]) => [i, total > 0 ? w / total : 0]));
  return {
    name,
    utility: {
      kind: 'additive',
      weights,
      values: Object.fromEntries(
        Object.entries(draft.ratings).map(([issue, table]) => [issue, { kind: 'table', utilities: table }]),
      ),
    },
    reservation: draft.reservation,
    discount: 1,
    redLines: Object.entries(draft.allowed).map(([issue, allowed]) => ({ id: `own-${issue}`, issue, allowed })),
  };
}

/**
 * What is inconsistent in a draft, in words: weights that are negative or all zero, ratings
 * outside [0, 1], an issue with no value rated 1, a red line that allows no value or that
 * excludes a value rated above every value it allows, and a walk-away value outside [0, 1].
 * (Red lines are per issue, so when these hold the best package within them is worth 1 and
 * any walk-away value up to 1 can be reached.)
 */
export function consistencyProblems(draft: Draft): string[] {
  const problems: string[] = [];
  const weights = Object.values(draft.weights);
  if (weights.some((w) => !(w >= 0))) problems.push('weights must be 0 or more');
  if (!weights.some((w) => w > 0)) problems.push('at least one issue needs a weight above 0');
  for (const [issue, table] of Object.entries(draft.ratings)) {
    const ratings = Object.values(table);
    if (ratings.some((r) => !(r >= 0 && r <= 1))) problems.push(`${issue}: ratings must be between 0 and 1`);
    else if (Math.max(...ratings) !== 1) problems.push(`${issue}: the best value should be rated 1`);
  }
  for (const [issue, allowed] of Object.entries(draft.allowed)) {
    if (allowed.length === 0) problems.push(`${issue}: the red line allows no value`);
    const table = draft.ratings[issue] ?? {};
    const bestAllowed = Math.max(...allowed.map((v) => table[v] ?? 0));
    const excluded = Object.keys(table).filter((v) => !allowed.includes(v) && (table[v] ?? 0) > bestAllowed);
    if (allowed.length && excluded.length)
      problems.push(`${issue}: the red line excludes ${excluded.join(', ')}, rated above every value it allows`);
  }
  if (!(draft.reservation >= 0 && draft.reservation <= 1)) problems.push('the walk-away value must be between 0 and 1');
  return problems;
}
