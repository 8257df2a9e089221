import type { Value } from '../../core/issue.js';
import type { Answered, PartyModels, TurnedDown } from './party-model.js';

/**
 * How a party may reveal, by its own answers, that its position on an issue it objected to
 * has moved since it turned a text down:
 * - it accepted a later text holding the turned-down text's value on that issue;
 * - it asked, in a later answer or a statement (as when a mediator holds and gives the
 *   parties the floor), for the very value the turned-down text held there.
 * Both are its own words at the table, so a mediator may table the text again and say so;
 * a later answer that merely leaves the issue unnamed is not counted (a party names only its
 * most pressing changes, so silence proves nothing).
 */
export interface Concession {
  readonly party: string;
  readonly issue: string;
  /** The value the turned-down text held on the issue. */
  readonly value: Value;
  /** What the party asked for on the issue when it turned the text down, if it asked. */
  readonly asked?: Value;
  /** The later answer that revealed the move. */
  readonly answer: Answered;
}

/** The value an answer shows the party now takes on `issue`, if it shows one. */
function takes(answer: Answered, issue: string): Value | undefined {
  return answer.kind === 'accepted' ? answer.text[issue] : answer.asks[issue];
}

/** Each objector's first later answer that takes the turned-down text's value on an issue it objected to. */
export function concessionsSince(models: PartyModels, t: TurnedDown): Concession[] {
  const out: Concession[] = [];
  for (const [party, issues] of t.objected) {
    const before = t.answersBefore.get(party);
    if (before === undefined) continue;
    const later = models.of(party).answers.slice(before);
    const asked = t.asks.get(party) ?? {};
    for (const issue of issues) {
      const value = t.text[issue];
      if (value === undefined) continue;
      const answer = later.find(
        (a) => (a.kind === 'stated' || a.proposal !== t.proposal) && sameValue(takes(a, issue), value),
      );
      if (answer) out.push({ party, issue, value, asked: asked[issue], answer });
    }
  }
  return out;
}

function sameValue(a: Value | undefined, b: Value): boolean {
  return a !== undefined && String(a) === String(b);
}

/** A concession in words: who, on which issue, from what to what, and in which answer. */
export function describeConcession(c: Concession): string {
  const from = c.asked !== undefined ? ` (it had asked for ${String(c.asked)})` : '';
  const a = c.answer;
  const how =
    a.kind === 'accepted'
      ? `accepted ${a.proposal}, which holds ${c.issue} = ${String(c.value)}${from}`
      : a.kind === 'stated'
        ? `stated that it now asks for ${c.issue} = ${String(c.value)}${from}`
        : `asked for ${c.issue} = ${String(c.value)} in its answer to ${a.proposal}${from}`;
  return `${c.party} ${how}`;
}
