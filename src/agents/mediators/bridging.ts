import type { Domain, Outcome } from '../../core/domain.js';
import type { Issue, Value } from '../../core/issue.js';
import type { AgentView } from '../../session/agent-view.js';
import type { MediationRecord } from './record.js';
import { middleValue } from './texts.js';

/** Discrete values that put an issue off: "deferred", "later phase", "to be negotiated", … */
const DEFERRAL = /\bdefer|\blater\b|postpone|\bfuture\b|next phase|subsequent phase|to be (agreed|negotiated|decided|settled|determined)|\btbd\b/i;

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
      if (r.answer === 'reject' && r.reason) for (const issue of view.domain.issues) if (r.reason.includes(issue.name)) note(objections, issue.name, r.party);
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

/** The text with contested issues deferred (or set to the middle of what was asked), and a note. */
export function deferredText(domain: Domain, text: Outcome, contested: readonly string[], record: MediationRecord): { text: Outcome; note: string } {
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
    const asked = record.rounds.flatMap((r) => [...r.responses.values()].map((x) => x.amendments?.[name]).filter((v): v is Value => v !== undefined));
    out[name] = middleValue(issue, [...asked, text[name]!]);
  }
  const phase = domain.phases.length > 1 ? domain.phases[domain.phases.length - 1]!.name : undefined;
  const where = phase ? `phase "${phase}"` : 'a later round';
  const middle = contested.filter((c) => !deferred.includes(c));
  const parts: string[] = [];
  if (deferred.length) parts.push(`${deferred.join(', ')} ${deferred.length > 1 ? 'are' : 'is'} left to ${where}.`);
  if (middle.length) parts.push(`On ${middle.join(', ')} the text holds the middle of the positions stated${deferred.length ? '' : `, to be settled in ${where}`}.`);
  return { text: out, note: parts.join(' ') };
}
