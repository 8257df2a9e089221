import type { Domain } from '../../core/domain.js';
import type { AgentView } from '../../protocols/agent.js';
import { consultedSinceLastMove } from '../adapters/floor.js';
import { changesSince, objectedIssues } from './drafting.js';
import { rowOf } from './estimates.js';
import type { PartyModels } from './party-model.js';
import type { TextChoice } from './policies.js';
import type { MediationRecord } from './record.js';

/**
 * Share of the deadline until which a mediator tables exploratory texts (after its opening
 * text): time-based delegations turn down nearly everything until late, and each text they
 * turn down may not be tabled again, so the texts its estimates rank best are kept for the
 * last rounds, when acceptance becomes likely.
 */
const EXPLORE_UNTIL = 0.88;
/**
 * Rounds before the deadline in which a mediator with no new text consults the parties on
 * its best turned-down one before it holds (the last: the bench's delegations lower their
 * bars most there, and a party whose bar dropped can then say so before the talks end);
 * under a time deadline, whose rounds it can only estimate, its last fifth.
 */
const LAST_CALL_ROUNDS = 1;
const LAST_CALL_SHARE = 0.8;

export function lastCall(view: AgentView): boolean {
  if (view.deadline.rounds === undefined && view.progress >= LAST_CALL_SHARE) return true;
  return roundsLeft(view) <= LAST_CALL_ROUNDS;
}

/** Whether the mediator is still learning: past its opening text and before the last rounds. */
export function exploring(view: AgentView, models: PartyModels): boolean {
  return models.turnedDown.length > 0 && view.progress < EXPLORE_UNTIL;
}

/** Rounds left before the deadline, as far as the view tells (a time deadline counts by its share). */
export function roundsLeft(view: AgentView): number {
  const total = view.deadline.rounds;
  if (total !== undefined) return Math.max(0, total - view.round);
  return Math.max(0, Math.round(((1 - view.progress) * Math.max(view.round, 1)) / Math.max(view.progress, 1e-9)));
}

/** Beyond this many value combinations on the issues in dispute, the texts left are not counted. */
const COUNT_LIMIT = 4096;

/**
 * About how many more texts the mediator can table before every text it may table repeats a
 * turned-down one. Near the end the parties object on fewer issues, and each text they turn
 * down rules out every text with its values on those issues; so the texts left are counted
 * on the issues objected to in the latest turned-down text: the allowed combinations of
 * their values that no turned-down text objected to on those issues alone has used.
 */
export function textsLeft(domain: Domain, models: PartyModels, allowed: readonly (readonly number[])[]): number {
  const standing = models.turnedDown.filter((t) => changesSince(models, t).length === 0);
  const latest = standing.at(-1);
  if (!latest) return Infinity;
  const blocks = standing.flatMap((t) => {
    const row = rowOf(domain, t.text);
    return row ? [{ row, issues: objectedIssues(domain, t) }] : [];
  });
  const disputed = objectedIssues(domain, latest);
  const everyIssue = domain.issues.map((_, i) => i);
  // The whole allowed space when it is small enough to count, else the issues in dispute.
  return Math.min(openCombinations(allowed, everyIssue, blocks), openCombinations(allowed, disputed, blocks));
}

/** Combinations of allowed values on `issues` that no block deciding on those issues alone rules out. */
function openCombinations(
  allowed: readonly (readonly number[])[],
  issues: readonly number[],
  blocks: readonly { row: Int32Array; issues: readonly number[] }[],
): number {
  const combinations = issues.reduce((n, i) => n * allowed[i]!.length, 1);
  if (combinations > COUNT_LIMIT) return combinations;
  const used = blocks.filter((b) => b.issues.every((i) => issues.includes(i)));
  const combo = new Int32Array(allowed.length);
  let open = 0;
  const visit = (d: number): void => {
    if (d === issues.length) {
      if (!used.some((u) => u.issues.every((i) => u.row[i] === combo[i]))) open++;
      return;
    }
    for (const j of allowed[issues[d]!]!) {
      combo[issues[d]!] = j;
      visit(d + 1);
    }
  };
  visit(0);
  return open;
}

/**
 * Why a mediator should keep its next text for later, or undefined to table it now. A
 * turned-down text may not be tabled again unless something changes, so each text is
 * spent once; the parties' demands ease as the deadline nears, so a text tabled later is
 * at least as likely to be accepted. When the texts it can still table are fewer than the
 * rounds left, the mediator spaces them out over those rounds.
 */
export function pacingHold(
  view: AgentView,
  record: MediationRecord,
  models: PartyModels,
  allowed: readonly (readonly number[])[],
): string | undefined {
  if (record.rounds.length === 0) return undefined;
  const left = roundsLeft(view);
  const stock = textsLeft(view.domain, models, allowed);
  if (left <= 1 || stock >= left) return undefined;
  // The last text took a round; each hold since took one more.
  if (record.holdsSinceText + 1 >= left / stock) return undefined;
  const rounds = view.deadline.rounds !== undefined ? `${left}` : `about ${left}`;
  return `a turned-down text stays off the table unless something changes, and about ${stock} new texts remain within the stated red lines for ${rounds} rounds, so the mediator keeps them for later rounds.`;
}

/**
 * The mediator's move for a drafted text: hold where pacing keeps it for later, or where it
 * repeats a turned-down text with nothing changed (`unchanged` names it). In the last
 * rounds it first consults the parties on that text (a statement giving them the floor, the
 * round going on), so that a party whose bar has dropped can say it could now take it; the
 * text is then tabled as changed (see `draft`), and held back only if no party moved.
 */
export function holdOrTable(
  view: AgentView,
  record: MediationRecord,
  models: PartyModels,
  allowed: readonly (readonly number[])[],
  choice: TextChoice,
  unchanged: string | undefined,
): TextChoice {
  if (unchanged === undefined) {
    const paced = pacingHold(view, record, models, allowed);
    return paced === undefined ? choice : { ...choice, hold: paced };
  }
  const repeats = `every text within the stated red lines repeats a turned-down one on the issues objected to, and nothing has changed since (${unchanged} would be tabled again)`;
  if (!lastCall(view)) return { ...choice, hold: `${repeats}.` };
  if (consultedSinceLastMove(view))
    return { ...choice, hold: `${repeats}; the parties were consulted and none said it could now take it.` };
  const values = Object.entries(choice.text)
    .map(([issue, value]) => `${issue}: ${String(value)}`)
    .join('; ');
  const consult = `Before tabling a turned-down text again: ${repeats}. The mediator asks each party whether it could now take that text (${values}), or another it turned down.`;
  // Where the protocol gives the mediator no word, it holds.
  return { ...choice, consult, hold: `${repeats}.` };
}
