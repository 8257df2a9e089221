import { type Issue, type Value, issueSize, valueAt, isValueOf } from './issue.js';

/** A phase groups issues that are settled together; a proposal is one package across all phases. */
export interface Phase {
  readonly name: string;
  readonly issues: readonly string[];
  readonly description?: string;
}

export interface Domain {
  readonly name: string;
  readonly issues: readonly Issue[];
  /** Empty when the domain has no phases (all issues form one package). */
  readonly phases: readonly Phase[];
}

/** An outcome gives every issue of the domain one value, keyed by issue name. */
export type Outcome = Readonly<Record<string, Value>>;

/** Outcome as positions in each issue's value order, in domain issue order. */
export type OutcomeIndex = readonly number[];

export function outcomeCount(domain: Domain): bigint {
  let n = 1n;
  for (const issue of domain.issues) n *= BigInt(issueSize(issue));
  return n;
}

export function issueByName(domain: Domain, name: string): Issue | undefined {
  return domain.issues.find((i) => i.name === name);
}

export function outcomeFromIndex(domain: Domain, index: OutcomeIndex): Outcome {
  const out: Record<string, Value> = {};
  domain.issues.forEach((issue, i) => {
    out[issue.name] = valueAt(issue, index[i]!);
  });
  return out;
}

/** Names of issues missing from the outcome or holding an illegal value; empty when valid. */
export function outcomeProblems(domain: Domain, outcome: Outcome): string[] {
  const problems: string[] = [];
  let given = 0;
  for (const issue of domain.issues) {
    const v = outcome[issue.name];
    if (v === undefined) problems.push(`issue "${issue.name}" has no value`);
    else if (!isValueOf(issue, v)) problems.push(`"${String(v)}" is not a value of issue "${issue.name}"`);
    if (v !== undefined) given++;
  }
  // Every offer of a simulation passes here: look for keys that are no issue only when there are more keys than values found.
  let keys = 0;
  for (const key in outcome) if (Object.hasOwn(outcome, key)) keys++;
  if (keys > given)
    for (const key of Object.keys(outcome)) {
      if (!domain.issues.some((i) => i.name === key)) problems.push(`"${key}" is not an issue of the domain`);
    }
  return problems;
}

/** The phase an issue belongs to, or undefined when the domain has no phases. */
export function phaseOf(domain: Domain, issueName: string): Phase | undefined {
  return domain.phases.find((p) => p.issues.includes(issueName));
}
