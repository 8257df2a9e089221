import type { Outcome } from '../../core/domain.js';
import type { Value } from '../../core/issue.js';
import type { Party } from '../../core/party.js';
import type { ProtocolEvent } from '../events.js';
import type { IssueAnswer } from '../types.js';

/**
 * Questions about the moves of src/protocols/moves/, asked of a log or of the part of it
 * one seat may see: how each party answered a text issue by issue, what preferences the
 * mediators were told, what mandate a delegation holds.
 */

/** One party's answer to a proposal, issue by issue. */
export interface IssueResponse {
  readonly party: string;
  readonly actor: string;
  readonly seq: number;
  readonly answer: string;
  readonly byIssue: Readonly<Record<string, IssueAnswer>>;
}

/**
 * Every answer to one proposal by issue, in order. An answer given issue by issue is
 * returned as given; a whole acceptance accepts every issue of the text; a request for
 * amendments counters the issues it names (and says nothing of the others); a whole
 * rejection says nothing of any single issue.
 */
export function issueResponsesTo(events: readonly ProtocolEvent[], proposal: string): IssueResponse[] {
  const out: IssueResponse[] = [];
  let text: Outcome | undefined;
  for (const e of events) {
    if (
      (e.kind === 'text-tabled' || e.kind === 'package-tabled' || e.kind === 'package-revised') &&
      e.proposal === proposal
    )
      text = e.text;
    if ((e.kind !== 'text-response' && e.kind !== 'package-response') || e.proposal !== proposal) continue;
    const byIssue = e.byIssue ?? wholeByIssue(e.answer, text, e.amendments);
    out.push({ party: e.party, actor: e.actor, seq: e.seq, answer: e.answer, byIssue });
  }
  return out;
}

function wholeByIssue(answer: string, text: Outcome | undefined, amendments?: Outcome): Record<string, IssueAnswer> {
  if (answer === 'accept') return Object.fromEntries(Object.keys(text ?? {}).map((i) => [i, { answer: 'accept' }]));
  if (answer === 'amend')
    return Object.fromEntries(Object.entries(amendments ?? {}).map(([i, value]) => [i, { answer: 'counter', value }]));
  return {};
}

/** The last preferences each party shared with the mediators, by party (not those kept for itself). */
export function sharedPreferences(events: readonly ProtocolEvent[]): Record<string, Party> {
  const out: Record<string, Party> = {};
  for (const e of events) if (e.kind === 'preferences-shared' && e.to !== 'self') out[e.party] = e.preferences;
  return out;
}

/** The preferences a delegation last kept for its own seat (`to: 'self'`), or null: its own analysis uses them. */
export function keptPreferences(events: readonly ProtocolEvent[], actor: string): Party | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'preferences-shared' && e.to === 'self' && e.actor === actor) return e.preferences;
  }
  return null;
}

export interface Mandate {
  readonly by: string;
  readonly instructions: string;
  readonly limits?: Readonly<Record<string, readonly Value[]>>;
}

/** The mandate a party's delegation holds now: the last its decision body gave, or null. */
export function mandateOf(events: readonly ProtocolEvent[], party: string): Mandate | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'mandate' && e.party === party)
      return { by: e.actor, instructions: e.instructions, limits: e.limits };
  }
  return null;
}

/** The issues on which a package goes beyond a mandate's limits (none when it sets no limits). */
export function outsideMandate(mandate: Mandate, outcome: Outcome): string[] {
  return Object.entries(mandate.limits ?? {})
    .filter(
      ([issue, allowed]) => outcome[issue] !== undefined && !allowed.some((v) => String(v) === String(outcome[issue])),
    )
    .map(([issue]) => issue);
}
