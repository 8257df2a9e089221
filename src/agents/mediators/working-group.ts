import type { Outcome } from '../../core/domain.js';
import type { Domain } from '../../core/domain.js';
import { issueSize, valueAt, type Value } from '../../core/issue.js';
import type { Action } from '../../protocols/types.js';
import type { Agent, AgentView } from '../../protocols/agent.js';
import { positionIssues } from '../../protocols/position.js';
import { positionOf } from './texts.js';

/**
 * A working group settles the details of its phase within a tabled package: it keeps every
 * value no party has objected to, and where a party objected (an amendment or a rejection
 * whose structured position names the issue, as far as the group may see them) it puts back the closest value tabled
 * earlier that nobody objected to. A value never tabled is untested and never picked, and a
 * package is settled once and only when that changes something, since settling clears the
 * answers given so far. Where the group sees no objection it leaves the text to the parties.
 */
export class WorkingGroupAgent implements Agent {
  private readonly settled = new Set<string>();

  constructor(readonly role: string) {}

  act(view: AgentView): Action | null {
    const proposal = view.expectation.proposal;
    if (!view.expectation.may.includes('settle') || !proposal || this.settled.has(proposal)) return null;
    const referral = [...view.events]
      .reverse()
      .find((e) => e.kind === 'phase-referred' && e.proposal === proposal && e.group === this.role);
    if (!referral || referral.kind !== 'phase-referred') return null;
    this.settled.add(proposal);
    const { objected, tabled: seen } = referralHistory(view);
    const details: Record<string, Value> = {};
    for (const issueName of referral.issues) {
      const tabled = referral.details[issueName];
      if (tabled === undefined || !objected.get(issueName)?.has(String(tabled))) continue;
      const pick = closestUnobjected(
        view.domain,
        issueName,
        tabled,
        objected.get(issueName)!,
        seen.get(issueName) ?? new Set(),
      );
      if (pick !== undefined && pick !== tabled) details[issueName] = pick;
    }
    return Object.keys(details).length ? { kind: 'settle', actor: this.role, proposal, details } : null;
  }
}

/** Per issue, the values tabled so far and those some party objected to, as far as the group can see. */
function referralHistory(view: AgentView): { objected: Map<string, Set<string>>; tabled: Map<string, Set<string>> } {
  const objected = new Map<string, Set<string>>();
  const tabled = new Map<string, Set<string>>();
  const referrals = new Map<string, Outcome>();
  const add = (into: Map<string, Set<string>>, issue: string, v: Value) => {
    if (!into.has(issue)) into.set(issue, new Set());
    into.get(issue)!.add(String(v));
  };
  for (const e of view.events) {
    if (e.kind === 'phase-referred') {
      referrals.set(e.proposal, e.details);
      for (const [issue, v] of Object.entries(e.details)) add(tabled, issue, v);
    }
    if (e.kind !== 'text-response' && e.kind !== 'package-response') continue;
    const details = referrals.get(e.proposal);
    if (!details) continue;
    const named =
      e.answer === 'amend'
        ? [...Object.keys(e.amendments ?? {}), ...positionIssues(e.position)]
        : e.answer === 'reject'
          ? positionIssues(e.position)
          : [];
    for (const issue of named) if (details[issue] !== undefined) add(objected, issue, details[issue]!);
  }
  return { objected, tabled };
}

function closestUnobjected(
  domain: Domain,
  issueName: string,
  tabled: Value,
  objected: Set<string>,
  tested: Set<string>,
): Value | undefined {
  const issue = domain.issues.find((i) => i.name === issueName);
  if (!issue) return undefined;
  const p = positionOf(issue, tabled);
  const size = issueSize(issue);
  for (let d = 1; d < size; d++) {
    for (const q of [p - d, p + d]) {
      if (q < 0 || q >= size) continue;
      const v = valueAt(issue, q);
      if (tested.has(String(v)) && !objected.has(String(v))) return v;
    }
  }
  return undefined;
}
