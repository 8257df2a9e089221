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
 * contested when two parties' latest asks give it different values.
 */
export function contestedIssues(models: PartyModels): string[] {
  const asked = new Map<string, Set<string>>();
  for (const k of models.parties.values()) {
    for (const [issue, v] of Object.entries(k.lastAsks)) {
      if (!asked.has(issue)) asked.set(issue, new Set());
      asked.get(issue)!.add(String(v));
    }
  }
  return models.domain.issues.map((i) => i.name).filter((name) => (asked.get(name)?.size ?? 0) >= 2);
}
