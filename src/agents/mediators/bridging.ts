import type { Domain, Outcome } from '../../core/domain.js';
import { type Issue, issueSize, type Value, valueAt } from '../../core/issue.js';
import type { AgentView } from '../../protocols/agent.js';
import { RowCodec } from '../space/evaluator.js';
import type { PartyScorer } from './nash.js';
import type { MediationRecord } from './record.js';
import { middleValue } from './texts.js';

/** Discrete values that put an issue off: "deferred", "later phase", "to be negotiated", … */
const DEFERRAL =
  /\bdefer|\blater\b|postpone|\bfuture\b|next phase|subsequent phase|to be (agreed|negotiated|decided|settled|determined)|\btbd\b/i;

export function deferralValue(issue: Issue): Value | undefined {
  return issue.kind === 'discrete' ? issue.values.find((v) => DEFERRAL.test(v)) : undefined;
}

/**
 * Issues the parties pull apart on, judged only from what they said: an issue is contested
 * when two parties asked for different values on it (in any round), or when one party
 * asked for a change that another party's rejection named.
 */
export function contestedIssues(view: AgentView, record: MediationRecord): string[] {
  const asks = new Map<string, Map<string, Set<string>>>();
  const objections = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, issue: string, party: string) => {
    if (!map.has(issue)) map.set(issue, new Set());
    map.get(issue)!.add(party);
  };
  for (const round of record.rounds) {
    for (const r of round.responses.values()) {
      if (r.answer === 'amend' && r.amendments) {
        for (const [issue, v] of Object.entries(r.amendments)) {
          if (!asks.has(issue)) asks.set(issue, new Map());
          const byParty = asks.get(issue)!;
          if (!byParty.has(r.party)) byParty.set(r.party, new Set());
          byParty.get(r.party)!.add(String(v));
          note(objections, issue, r.party);
        }
      }
      if (r.answer === 'reject' && r.reason)
        for (const issue of view.domain.issues)
          if (r.reason.includes(issue.name)) note(objections, issue.name, r.party);
    }
  }
  const contested: string[] = [];
  for (const issue of view.domain.issues) {
    const byParty = asks.get(issue.name);
    const distinctAsks = byParty ? new Set([...byParty.values()].flatMap((s) => [...s])).size : 0;
    const objecting = objections.get(issue.name)?.size ?? 0;
    const allAskSame = byParty !== undefined && byParty.size === objecting && distinctAsks === 1;
    if (objecting >= 2 && !allAskSame) contested.push(issue.name);
  }
  return contested;
}

/**
 * The value of one issue that leaves the worst-off party (as far as the mediator knows the
 * parties) best placed, the rest of the text fixed; undefined when it knows no party.
 */
export function fairestValue(
  domain: Domain,
  text: Outcome,
  issueName: string,
  scorers: readonly PartyScorer[],
): Value | undefined {
  const i = domain.issues.findIndex((x) => x.name === issueName);
  if (i < 0 || scorers.length === 0) return undefined;
  const codec = new RowCodec(domain);
  const row = new Int32Array(domain.issues.length);
  if (!codec.encode(text, row)) return undefined;
  let best: { j: number; score: number } | null = null;
  for (let j = 0; j < issueSize(domain.issues[i]!); j++) {
    row[i] = j;
    let least = Infinity;
    for (const s of scorers) least = Math.min(least, s.allows(row, 0) ? s.evaluate(row, 0) - s.disagreement : -1);
    if (!best || least > best.score) best = { j, score: least };
  }
  return valueAt(domain.issues[i]!, best!.j);
}

/**
 * The text with contested issues deferred, or else set to the value fairest to the parties
 * as known (the middle of what was asked when nothing is known), and a note.
 */
export function deferredText(
  domain: Domain,
  text: Outcome,
  contested: readonly string[],
  record: MediationRecord,
  scorers: readonly PartyScorer[] = [],
): { text: Outcome; note: string } {
  const out: Record<string, Value> = { ...text };
  const deferred: string[] = [];
  for (const name of contested) {
    const issue = domain.issues.find((i) => i.name === name);
    if (!issue) continue;
    const later = deferralValue(issue);
    if (later !== undefined) {
      out[name] = later;
      deferred.push(name);
      continue;
    }
    const asked = record.rounds.flatMap((r) =>
      [...r.responses.values()].map((x) => x.amendments?.[name]).filter((v): v is Value => v !== undefined),
    );
    out[name] = fairestValue(domain, out, name, scorers) ?? middleValue(issue, [...asked, text[name]!]);
  }
  const phase = domain.phases.length > 1 ? domain.phases[domain.phases.length - 1]!.name : undefined;
  const where = phase ? `phase "${phase}"` : 'a later round';
  const middle = contested.filter((c) => !deferred.includes(c));
  const parts: string[] = [];
  if (deferred.length) parts.push(`${deferred.join(', ')} ${deferred.length > 1 ? 'are' : 'is'} left to ${where}.`);
  if (middle.length)
    parts.push(
      `On ${middle.join(', ')} the text holds a value between the positions stated${deferred.length ? '' : `, to be settled in ${where}`}.`,
    );
  return { text: out, note: parts.join(' ') };
}
