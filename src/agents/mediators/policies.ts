import type { Domain, Outcome } from '../../core/domain.js';
import type { Random } from '../../core/random.js';
import type { AgentView } from '../../protocols/agent.js';
import { estimatedScorer, nashOutcome, type PartyScorer, revealedScorer } from './nash.js';
import { type MediationRecord, outcomeKey, responseScore } from './record.js';
import { centralText, mergeAmendments, nudge, nudgeIssue, randomText } from './texts.js';
import { contestedIssues, deferredText } from './bridging.js';

export interface TextChoice {
  readonly text: Outcome;
  readonly note?: string;
}

/** How a mediator drafts its next single text from what it has learnt. */
export interface MediatorPolicy {
  readonly name: string;
  next(view: AgentView, record: MediationRecord, random: Random): TextChoice;
}

/** A text not tabled before: the candidate, else small random steps away from it on issues not `frozen`. */
export function untried(
  domain: Domain,
  candidate: Outcome,
  record: MediationRecord,
  random: Random,
  frozen: readonly string[] = [],
): Outcome {
  const tried = record.triedKeys();
  const free = { ...domain, issues: domain.issues.filter((i) => !frozen.includes(i.name)) };
  if (free.issues.length === 0) return candidate;
  let text = candidate;
  for (let i = 0; i < 64 && tried.has(outcomeKey(text)); i++) text = nudge(free, text, random);
  return text;
}

/**
 * Hill-climbing on the answers: keep the best-received text so far; revise it by taking in
 * the amendments it drew (the middle where parties pull apart); when a revision was
 * received worse, go back to the best and step elsewhere.
 */
export function hillClimbStep(
  view: AgentView,
  record: MediationRecord,
  random: Random,
  start: 'central' | 'random',
): TextChoice {
  const domain = view.domain;
  const last = record.current;
  if (!last)
    return {
      text: start === 'random' ? randomText(domain, random) : centralText(domain),
      note: 'Opening text for comment.',
    };
  let best = last;
  for (const r of record.rounds) if (responseScore(r) > responseScore(best)) best = r;
  let base: Outcome = mergeAmendments(domain, best);
  for (const name of rejectedIssues(view, best))
    base = nudgeIssue(
      domain.issues.find((i) => i.name === name)!,
      base,
      random,
    );
  const text = untried(domain, base, record, random);
  return {
    text,
    note:
      best === last
        ? 'Revised to take in the requested changes.'
        : 'Revised from an earlier text that drew more support.',
  };
}

/** Issues that a rejection's stated reason names (e.g. a red line on an issue). */
export function rejectedIssues(
  view: AgentView,
  round: { responses: Map<string, { answer: string; reason?: string }> },
): string[] {
  const out = new Set<string>();
  for (const r of round.responses.values()) {
    if (r.answer !== 'reject' || !r.reason) continue;
    for (const issue of view.domain.issues) if (r.reason.includes(issue.name)) out.add(issue.name);
  }
  return [...out];
}

export function hillClimbPolicy(start: 'central' | 'random'): MediatorPolicy {
  return { name: 'hill-climb', next: (view, record, random) => hillClimbStep(view, record, random, start) };
}

/** Each party as known: revealed preferences first, else a model of its answers. */
export function knownScorers(view: AgentView, record: MediationRecord): PartyScorer[] {
  const out: PartyScorer[] = [];
  for (const party of view.parties) {
    const revealed = view.revealed[party];
    if (revealed) out.push(revealedScorer(view.domain, revealed));
    else if (record.models.parties.includes(party) && record.models.of(party).offersSeen > 0)
      out.push(estimatedScorer(party, record.models.of(party)));
  }
  return out;
}

/**
 * Tables the Nash point of what the parties revealed (estimated from their answers where
 * they revealed nothing); when that text was tried already, climbs from the answers.
 */
export function nashPolicy(start: 'central' | 'random'): MediatorPolicy {
  return {
    name: 'nash',
    next(view, record, random) {
      const scorers = knownScorers(view, record);
      const revealed = Object.values(view.revealed);
      const point = scorers.length ? nashOutcome(view.domain, scorers, revealed) : null;
      if (point && !record.triedKeys().has(outcomeKey(point))) {
        const basis =
          scorers.length === view.parties.length && revealed.length === view.parties.length
            ? 'the preferences the parties shared'
            : 'the positions the parties have shown';
        return { text: point, note: `A text balancing ${basis}.` };
      }
      return hillClimbStep(view, record, random, start);
    },
  };
}

/**
 * Takes the sticking points off the table for now: contested issues, seen in the parties'
 * amendments and rejections, get a deferral value where the issue has one, else the middle
 * of what was asked, and the note says they are left to a later phase.
 */
export function bridgingPolicy(start: 'central' | 'random'): MediatorPolicy {
  return {
    name: 'bridging',
    next(view, record, random) {
      const step = hillClimbStep(view, record, random, start);
      const contested = contestedIssues(view, record);
      if (contested.length === 0) return step;
      const bridged = deferredText(view.domain, step.text, contested, record, knownScorers(view, record));
      return { text: untried(view.domain, bridged.text, record, random, contested), note: bridged.note };
    },
  };
}
