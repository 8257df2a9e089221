import type { Issue } from '../../core/issue.js';
import type { PartyModels } from './party-model.js';

/** Position of the value the scenario declares for deferring this issue, or −1 when it declares none. */
export function declaredDeferral(issue: Issue): number {
  return issue.kind === 'discrete' && issue.deferral !== undefined ? issue.values.indexOf(issue.deferral) : -1;
}

/** The declared deferral value of an issue, if any; never guessed from a value's name. */
export function deferralValue(issue: Issue): string | undefined {
  return issue.kind === 'discrete' && declaredDeferral(issue) >= 0 ? issue.deferral : undefined;
}

/**
 * Issues the parties pull apart on, judged only from what they asked for: an issue is
 * contested when two parties' latest asks give it different values. An issue stays so once
 * the parties' latest asks have all come round to its declared deferral value (as when they
 * restate, on the floor a hold gives, that they could take a deferring text).
 */
export function contestedIssues(models: PartyModels): string[] {
  const asked = new Map<string, Set<string>>();
  for (const k of models.parties.values()) {
    for (const [issue, v] of Object.entries(k.lastAsks)) {
      if (!asked.has(issue)) asked.set(issue, new Set());
      asked.get(issue)!.add(String(v));
    }
  }
  const deferredByAll = (issue: Issue) => {
    const values = asked.get(issue.name);
    return values?.size === 1 && values.has(deferralValue(issue) ?? '');
  };
  return models.domain.issues.filter((i) => (asked.get(i.name)?.size ?? 0) >= 2 || deferredByAll(i)).map((i) => i.name);
}
