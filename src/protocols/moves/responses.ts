import type { Outcome } from '../../core/domain.js';
import { issueByName, type Domain } from '../../core/domain.js';
import { isValueOf } from '../../core/issue.js';
import { invalid } from '../base.js';
import type { Answer } from '../events.js';
import type { Action, InvalidAction, IssueAnswer } from '../types.js';

export type Respond = Extract<Action, { kind: 'respond' }>;

/**
 * An answer given issue by issue, read as the whole answer the protocol records:
 * every issue accepted is an acceptance (it goes to ratification like `accept`); any
 * counter-value is a request for amendments (the counters are the amendments; issues
 * refused without a value are named in the event's `byIssue`); refusals alone are a
 * rejection, whose reason names the refused issues unless the party gave one.
 */
export interface DerivedAnswer {
  readonly answer: Answer;
  readonly amendments?: Outcome;
  readonly reason?: string;
}

export function deriveAnswer(action: Respond): DerivedAnswer {
  const entries = Object.entries(action.issues);
  const counters = Object.fromEntries(
    entries.flatMap(([issue, a]) => (a.answer === 'counter' ? [[issue, a.value] as const] : [])),
  );
  if (Object.keys(counters).length > 0) return { answer: 'amend', amendments: counters };
  const refused = entries.filter(([, a]) => a.answer === 'reject').map(([issue]) => issue);
  if (refused.length === 0) return { answer: 'accept' };
  return { answer: 'reject', reason: action.reason ?? `rejects ${refused.join(', ')}` };
}

/** Every issue of the text answered once, with a legal counter-value that differs from the text's. */
export function respondError(domain: Domain, text: Outcome, action: Respond): InvalidAction | null {
  const given = typeof action.issues === 'object' && action.issues !== null ? action.issues : {};
  const problems: string[] = [];
  for (const [name, a] of Object.entries(given)) {
    const issue = issueByName(domain, name);
    if (!issue || text[name] === undefined) problems.push(`"${name}" is not an issue of ${action.proposal}`);
    else problems.push(...answerProblems(name, a, text[name]!, (v) => isValueOf(issue, v)));
  }
  const missing = Object.keys(text).filter((name) => !Object.hasOwn(given, name));
  if (missing.length > 0) problems.push(`no answer on ${missing.join(', ')} (answer every issue of the text)`);
  if (action.reason !== undefined && typeof action.reason !== 'string') problems.push('the reason must be text');
  return problems.length === 0 ? null : invalid(`the answer to ${action.proposal} by issue: ${problems.join('; ')}`);
}

function answerProblems(name: string, a: IssueAnswer, current: unknown, legal: (v: never) => boolean): string[] {
  if (typeof a !== 'object' || a === null) return [`the answer on ${name} must be accept, reject or counter`];
  if (a.answer === 'accept' || a.answer === 'reject') return [];
  if (a.answer !== 'counter') return [`the answer on ${name} must be accept, reject or counter`];
  if (!legal(a.value as never)) return [`"${String(a.value)}" is not a value of ${name}`];
  if (String(a.value) === String(current))
    return [`the counter on ${name} repeats the text's ${String(current)}; accept it instead`];
  return [];
}

type WholeAnswer = Extract<Action, { kind: 'accept' | 'reject' | 'amend' }>;

/** The whole answer an issue-by-issue answer amounts to, as the action a party could have sent. */
export function asWholeAnswer(action: Respond): WholeAnswer {
  const { actor, proposal } = action;
  const derived = deriveAnswer(action);
  if (derived.answer === 'amend') return { kind: 'amend', actor, proposal, amendments: derived.amendments! };
  if (derived.answer === 'reject') return { kind: 'reject', actor, proposal, reason: derived.reason };
  return { kind: 'accept', actor, proposal };
}
