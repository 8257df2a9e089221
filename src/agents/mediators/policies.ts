import type { Domain, Outcome } from '../../core/domain.js';
import { issueSize } from '../../core/issue.js';
import type { Random } from '../../core/random.js';
import type { AgentView } from '../../protocols/agent.js';
import { consultedSinceLastMove, consultedText } from '../adapters/floor.js';
import { contestedIssues, declaredDeferral } from './bridging.js';
import {
  allowedValues,
  bestDraft,
  type DraftSearch,
  exploratoryDraft,
  outcomeOfRow,
  repair,
  RepeatGuard,
  tabledPenalty,
  unchangedRepeat,
} from './drafting.js';
import { type Estimate, learnedEstimate, type Objective, revealedEstimate, rowOf } from './estimates.js';
import { composeNote } from './notes.js';
import { exploring, holdOrTable, lastCall } from './pacing.js';
import type { PartyModels } from './party-model.js';
import { type MediationRecord, outcomeKey, responseScore, type TabledRound } from './record.js';
import { centralText, mergeAmendments } from './texts.js';

export interface TextChoice {
  readonly text: Outcome;
  readonly note?: string;
  /**
   * Why the mediator holds this round instead of tabling `text` (which then only shows what
   * it would have tabled): every text it may table repeats a turned-down one with nothing
   * changed since, or it keeps its best texts for later.
   */
  readonly hold?: string;
  /**
   * What the mediator says to the parties instead of tabling `text` (a turned-down one with
   * nothing changed since): it consults them on `text` first, giving them the floor within
   * the round.
   */
  readonly consult?: string;
  /** The text a consultation names, where it is not `text` (a new text is tabled if no party moves on it). */
  readonly consultOn?: Outcome;
}

/** What a mediator drafts from: the talks as it saw them and its model of each party. */
export interface MediatorContext {
  readonly view: AgentView;
  readonly record: MediationRecord;
  readonly models: PartyModels;
  readonly random: Random;
}

/** How a mediator drafts its next single text from what it has learnt. */
export interface MediatorPolicy {
  readonly name: string;
  next(ctx: MediatorContext): TextChoice;
}

/** Each party as the mediator knows it: its revealed preferences, else the model of what it showed. */
export function partyEstimates(view: AgentView, models: PartyModels): Estimate[] {
  return view.parties.map((party) => {
    const revealed = view.revealed[party];
    return revealed ? revealedEstimate(view.domain, revealed) : learnedEstimate(view.domain, models.of(party));
  });
}

/** Share of the deadline after which a mediator drafts only near the texts the parties signalled. */
const LATE = 0.7;

interface DraftPlan {
  readonly objective: Objective;
  /** Texts to climb from, as outcomes. */
  readonly starts: readonly Outcome[];
  /** Whether to climb from random restarts too (a global search) or only from the starts. */
  readonly global: boolean;
  /** Issues to hold at a declared deferral value. */
  readonly defer?: readonly string[];
}

/** Issue positions to hold fixed: declared deferral values the stated red lines allow. */
function deferrals(domain: Domain, issues: readonly string[], allowed: readonly number[][]): Map<number, number> {
  const fixed = new Map<number, number>();
  for (const name of issues) {
    const i = domain.issues.findIndex((x) => x.name === name);
    const j = i < 0 ? -1 : declaredDeferral(domain.issues[i]!);
    if (j >= 0 && allowed[i]!.includes(j)) fixed.set(i, j);
  }
  return fixed;
}

/**
 * The shared rules of every mediator: stay within the red lines it was told of (or cross
 * the fewest when nothing avoids them all), never repeat a turned-down text on the issues
 * objected to unless something changed, and climb towards the best text for all by the
 * estimates; the note says truthfully what the text does.
 */
export function draft(ctx: MediatorContext, given: DraftPlan): TextChoice {
  const { view, models, random } = ctx;
  // As the deadline nears, climb only from what the parties signalled (the best-received
  // texts, their asks), no longer from random restarts across the whole space.
  const plan = view.progress >= LATE ? { ...given, global: false } : given;
  const domain = view.domain;
  const { allowed, forced } = allowedValues(domain, models);
  const fixed = deferrals(domain, plan.defer ?? [], allowed);
  const estimates = partyEstimates(view, models);
  const search = (guard: RepeatGuard): DraftSearch => ({
    domain,
    estimates,
    objective: plan.objective,
    allowed,
    guard,
    fixed,
  });
  const starts = plan.starts.map((o) => rowOf(domain, o)).filter((r): r is Int32Array => r !== null);
  const guard = new RepeatGuard(domain, models);
  const fresh = new RepeatGuard(domain, models, 'fresh');
  // Having consulted the parties on a text, that text, once every party that turned it down
  // has since said it could take it; else, until the last rounds, texts that teach (red
  // lines, asks); the best by the estimates after.
  let row = consultedRow(view, guard, allowed);
  const exploratory = row === null && exploring(view, models);
  if (exploratory) row = exploratoryDraft(search(fresh), random);
  // A text never turned down first; then one turned down whose objectors have moved since.
  row ??= bestDraft(search(fresh), starts, random, plan.global);
  row ??= bestDraft(search(guard), starts, random, plan.global);
  // Every allowed text repeats a turned-down one on its objected issues: a new text at least.
  const exhausted = row === null ? unchangedRepeat : undefined;
  // Then stay near what the parties signalled (the starts), a fresh text preferred to one tabled before.
  const unguarded = {
    ...search(new RepeatGuard(domain, models, 'none')),
    penalty: tabledPenalty(domain, models, plan.objective === 'nash' ? 1 : 0.1),
  };
  row ??= bestDraft(unguarded, starts, random, false);
  row ??= repair(search(guard), starts[0] ?? rowOf(domain, centralText(domain))!);
  const text = outcomeOfRow(domain, row);
  const deferred = [...fixed.keys()].map((i) => ({
    issue: domain.issues[i]!.name,
    value: String(text[domain.issues[i]!.name]),
  }));
  const repeat = guard.repeats(row);
  const unchanged = exhausted?.(domain, models, row);
  const note = composeNote(models, { text, forced, repeat, deferred, unchanged, exploratory });
  const choice = holdOrTable(view, ctx.record, models, allowed, { text, note }, unchanged);
  return choice.consult === undefined ? withLastCall(ctx, allowed, choice) : choice;
}

/**
 * In the last round, before tabling a new text, the mediator asks the parties about the
 * turned-down text that was received best (within the told red lines): asking costs no
 * round, and a party whose bar has dropped since can say it could now take it, which a new
 * text, drafted from estimates, may miss. If no objector moves, the new text is tabled.
 */
function withLastCall(ctx: MediatorContext, allowed: readonly (readonly number[])[], choice: TextChoice): TextChoice {
  const { view, record } = ctx;
  if (!lastCall(view) || consultedSinceLastMove(view)) return choice;
  let best: TabledRound | null = null;
  for (const round of record.rounds) {
    const row = rowOf(view.domain, round.text);
    if (!row || !allowed.every((values, i) => values.includes(row[i]!))) continue;
    const responses = [...round.responses.values()];
    if (responses.every((r) => r.answer === 'accept')) continue;
    // A party that said the text crosses its red lines or falls below its walk-away value would not take it now.
    if (responses.some((r) => r.position?.belowWalkAway || (r.position?.redLines?.length ?? 0) > 0)) continue;
    if (best === null || responseScore(round) >= responseScore(best)) best = round;
  }
  if (best === null || outcomeKey(best.text) === outcomeKey(choice.text)) return choice;
  const consult = `Before tabling a new text in the last round, the mediator asks each party whether it could now take ${best.proposal}, turned down before and the best received of those no party said crossed its red lines or fell below its walk-away value.`;
  return { ...choice, consult, consultOn: best.text };
}

/**
 * The text the mediator consulted the parties on since its last move, if it is within the
 * told red lines and no longer repeats a turned-down text with nothing changed since.
 */
function consultedRow(view: AgentView, guard: RepeatGuard, allowed: readonly (readonly number[])[]): Int32Array | null {
  const text = consultedSinceLastMove(view) ? consultedText(view) : null;
  const row = text && rowOf(view.domain, text);
  if (!row || guard.blocked(row) || !allowed.every((values, i) => values.includes(row[i]!))) return null;
  return row;
}

/** The best-received text so far (the last on a tie), with the amendments it drew taken in. */
function bestReceived(ctx: MediatorContext): Outcome[] {
  const rounds = ctx.record.rounds;
  if (rounds.length === 0) return [centralText(ctx.view.domain)];
  let best = rounds[rounds.length - 1]!;
  for (const r of rounds) if (responseScore(r) > responseScore(best)) best = r;
  return [mergeAmendments(ctx.view.domain, best), best.text];
}

/** Each party's stated asks laid over the text: one start per party, for the search to trade from. */
function askStarts(ctx: MediatorContext, base: Outcome): Outcome[] {
  return [...ctx.models.parties.values()].map((k) => ({ ...base, ...k.lastAsks }));
}

/**
 * Hill-climbing on the answers: from the best-received text with its amendments taken in,
 * climb locally on the estimates, within the rules.
 */
export function hillClimbPolicy(start: 'central' | 'random'): MediatorPolicy {
  return {
    name: 'hill-climb',
    next(ctx) {
      const opening = start === 'random' && ctx.record.rounds.length === 0;
      if (opening)
        return draft(ctx, {
          objective: 'nash',
          starts: [outcomeOfRow(ctx.view.domain, randomRowOf(ctx))],
          global: false,
        });
      // Each party's asks laid over the best-received text too: with a holdout among
      // several parties, the text most accepted is often far from what the holdout asked,
      // and a local climb from it alone misses the texts every party would take.
      const base = bestReceived(ctx);
      return draft(ctx, { objective: 'nash', starts: [...base, ...askStarts(ctx, base[0]!)], global: false });
    },
  };
}

function randomRowOf(ctx: MediatorContext): Int32Array {
  return Int32Array.from(ctx.view.domain.issues, (issue) => ctx.random.int(issueSize(issue)));
}

/**
 * The estimated Nash point: the text that maximises the product of every party's estimated
 * gain over its estimated walk-away value, searched over the whole space within the rules,
 * trading issues between parties (each gets its asks where they matter most to it).
 */
export function nashPolicy(start: 'central' | 'random'): MediatorPolicy {
  return {
    name: 'nash',
    next(ctx) {
      const base = bestReceived(ctx);
      const starts = [...base, ...askStarts(ctx, base[0]!)];
      if (start === 'random' && ctx.record.rounds.length === 0)
        starts.unshift(outcomeOfRow(ctx.view.domain, randomRowOf(ctx)));
      return draft(ctx, { objective: 'nash', starts, global: true });
    },
  };
}

/**
 * Bridging: the text that leaves the worst-off party (by the estimates) best placed, with
 * contested issues (parties asked for different values on them) held at the value the
 * scenario declares for deferring them, where it declares one.
 */
export function bridgingPolicy(start: 'central' | 'random'): MediatorPolicy {
  return {
    name: 'bridging',
    next(ctx) {
      const base = bestReceived(ctx);
      const starts = [...base, ...askStarts(ctx, base[0]!)];
      if (start === 'random' && ctx.record.rounds.length === 0)
        starts.unshift(outcomeOfRow(ctx.view.domain, randomRowOf(ctx)));
      return draft(ctx, { objective: 'max-min', starts, global: true, defer: contestedIssues(ctx.models) });
    },
  };
}
