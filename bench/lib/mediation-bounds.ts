/**
 * What any mediator could reach in a generated scenario, from the true profiles (the
 * benchmark's knowledge, never a mediator's): the first round at which some text could be
 * accepted by every delegation playing a time-dependent strategy, and how many texts a
 * mediator that keeps both rules (no told red line crossed, no turned-down text re-tabled)
 * has at most before then. Where the talks must outlast that stock, re-tablings or
 * crossings are forced whatever the mediator does.
 */
import type { Outcome } from '../../src/core/domain.js';
import { crossesRedLine } from '../../src/core/party.js';
import { issueSize, valueAt } from '../../src/core/issue.js';
import type { Scenario } from '../../src/core/scenario.js';
import { OwnPreferences } from '../../src/agents/preferences.js';
import {
  concessionTarget,
  DEFAULT_EXPONENTS,
  type TimeDependentName,
} from '../../src/agents/strategies/time-dependent.js';

export interface Bounds {
  /**
   * First round (0-based) at which some text within every red line meets every delegation's
   * acceptance bar, or null when none does within the deadline. A delegation accepts only
   * what is worth at least its next proposal, which is worth at least its concession target:
   * the bar used here is that least next proposal, so the round is a lower bound.
   */
  readonly firstRound: number | null;
  /** Texts within every party's red lines. */
  readonly withinLines: number;
  /** Red lines of all parties together (each first crossing of an untold line may be free). */
  readonly lines: number;
  /**
   * Texts that must be re-tabled or cross a told red line before agreement is even possible:
   * every text tabled before `firstRound` is turned down, and only `withinLines + lines` of
   * them can be new and clear of told lines (one text of slack for the protocol's round count).
   */
  readonly forced: number;
}

/** The texts within every party's red lines, as outcomes. */
function textsWithinLines(scenario: Scenario): Outcome[] {
  const allowed = scenario.domain.issues.map((issue) =>
    Array.from({ length: issueSize(issue) }, (_, j) => valueAt(issue, j)).filter((v) =>
      scenario.parties.every((p) => p.redLines.every((l) => !crossesRedLine(l, { [issue.name]: v }))),
    ),
  );
  let texts: Outcome[] = [{}];
  scenario.domain.issues.forEach((issue, i) => {
    texts = texts.flatMap((t) => allowed[i]!.map((v) => ({ ...t, [issue.name]: v })));
  });
  return allowed.some((a) => a.length === 0) ? [] : texts;
}

export function mediationBounds(scenario: Scenario, strategy: TimeDependentName, rounds: number): Bounds {
  const prefs = scenario.parties.map((p) => new OwnPreferences(scenario.domain, p));
  const exponent = DEFAULT_EXPONENTS[strategy];
  // bars[i][r]: the least utility party i accepts in round r.
  const bars = prefs.map((p) =>
    Array.from({ length: rounds }, (_, r) => {
      const at = p.lowestAtLeast(concessionTarget(r / rounds, p.max, p.floor, exponent));
      return at < 0 ? Infinity : p.utilityAt(at);
    }),
  );
  const texts = textsWithinLines(scenario);
  let first: number | null = null;
  for (const text of texts) {
    let round = 0;
    for (let i = 0; i < prefs.length && round < rounds; i++) {
      const p = prefs[i]!;
      if (!p.acceptable(text)) round = rounds;
      const u = p.utility(text);
      while (round < rounds && bars[i]![round]! > u + 1e-12) round++;
    }
    if (round < rounds && (first === null || round < first)) first = round;
  }
  const lines = scenario.parties.reduce((n, p) => n + p.redLines.length, 0);
  const before = first ?? rounds;
  return {
    firstRound: first,
    withinLines: texts.length,
    lines,
    forced: Math.max(0, before - 1 - texts.length - lines),
  };
}
