import type { Domain } from '../../core/domain.js';
import { issueSize, valueAt, type Value } from '../../core/issue.js';
import type { Action, Package } from '../../protocols/types.js';
import type { Agent, AgentView } from '../../session/agent-view.js';
import { positionOf } from './texts.js';

/**
 * A working group settles the details of its phase within a tabled package. It keeps every
 * value no party has objected to; a value counts as objected to once a party asked to change
 * it (an amendment the group can see) or a later package dropped it after it was tabled.
 * For such an issue it picks the closest value nobody objected to. It settles a package
 * once, and only when that changes something, since settling clears earlier answers.
 */
export class WorkingGroupAgent implements Agent {
  private readonly settled = new Set<string>();

  constructor(readonly role: string) {}

  act(view: AgentView): Action | null {
    const proposal = view.expectation.proposal;
    if (!view.expectation.may.includes('settle') || !proposal || this.settled.has(proposal)) return null;
    const referral = [...view.events].reverse().find((e) => e.kind === 'phase-referred' && e.proposal === proposal && e.group === this.role);
    if (!referral || referral.kind !== 'phase-referred') return null;
    this.settled.add(proposal);
    const objected = objectedValues(view);
    const details: Record<string, Value> = {};
    for (const issueName of referral.issues) {
      const tabled = referral.details[issueName];
      if (tabled === undefined || !objected.get(issueName)?.has(String(tabled))) continue;
      const pick = closestUnobjected(view.domain, issueName, tabled, objected.get(issueName)!);
      if (pick !== undefined && pick !== tabled) details[issueName] = pick;
    }
    return Object.keys(details).length ? { kind: 'settle', actor: this.role, proposal, details } : null;
  }
}

/** Per issue, the values some party objected to, as far as the group can see. */
function objectedValues(view: AgentView): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (issue: string, v: Value) => {
    if (!out.has(issue)) out.set(issue, new Set());
    out.get(issue)!.add(String(v));
  };
  let previous: Package | null = null;
  for (const e of view.events) {
    if ((e.kind === 'text-response' || e.kind === 'package-response') && e.answer === 'amend' && e.amendments) {
      const tabled = view.events.find((t) => t.kind === 'phase-referred' && t.proposal === e.proposal);
      if (tabled?.kind === 'phase-referred') for (const issue of Object.keys(e.amendments)) if (tabled.details[issue] !== undefined) add(issue, tabled.details[issue]!);
    }
    if (e.kind !== 'phase-referred') continue;
    if (previous) for (const [issue, v] of Object.entries(previous)) if (e.details[issue] !== v) add(issue, v);
    previous = e.details;
  }
  return out;
}

function closestUnobjected(domain: Domain, issueName: string, tabled: Value, objected: Set<string>): Value | undefined {
  const issue = domain.issues.find((i) => i.name === issueName);
  if (!issue) return undefined;
  const p = positionOf(issue, tabled);
  const size = issueSize(issue);
  for (let d = 1; d < size; d++) {
    for (const q of [p - d, p + d]) {
      if (q < 0 || q >= size) continue;
      const v = valueAt(issue, q);
      if (!objected.has(String(v))) return v;
    }
  }
  return undefined;
}
