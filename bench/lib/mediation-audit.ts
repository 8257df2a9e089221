/**
 * Checks a mediated run's log against the mediator rules, independently of the mediators'
 * own code: texts tabled across a red line the mediator had been told of (where some text
 * avoided every such line), and turned-down texts tabled again unchanged on the issues
 * objected to with nothing changed in between.
 */
import type { Domain, Outcome } from '../../src/core/domain.js';
import { crossesRedLine } from '../../src/core/party.js';
import { issueSize, valueAt } from '../../src/core/issue.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import type { StatedRedLine } from '../../src/protocols/position.js';
import { visibleTo } from '../../src/protocols/visibility.js';

export interface Audit {
  readonly texts: number;
  /** Rounds the mediator held: no new text (the `hold` move). */
  readonly held: number;
  /** Texts crossing a told red line though some text avoided all told lines. */
  readonly avoidableCrossings: number;
  /** Texts crossing a told red line where no text avoided them all. */
  readonly unavoidableCrossings: number;
  /** As settled: compared on every issue objected to. */
  readonly unchangedRepeats: number;
  /** Of those, repeats where every text within the told red lines repeated a turned-down one. */
  readonly unchangedRepeatsForced: number;
  /**
   * Turned-down texts tabled again equal on every issue objected to, after something changed:
   * an outside event, or an objector's own later answer taking the text's value on an issue it
   * objected to (it accepted a text holding that value, or asked for that value).
   */
  readonly repeatsAfterChange: number;
}

interface Refusal {
  readonly text: Outcome;
  /** Per objecting party: the issues it named and the values it asked for. */
  readonly objections: Map<string, { issues: string[]; asks: Readonly<Record<string, unknown>> }>;
  /** Changes seen before the refusal. */
  readonly changesBefore: number;
  /** Per objecting party: how many answers it had given before this refusal. */
  readonly answersBefore: Map<string, number>;
}

/** A party's answer to a text: the values it showed it takes (the whole text when it accepted, else its asks). */
interface PartyAnswer {
  readonly proposal: string;
  readonly takes: Readonly<Record<string, unknown>>;
}

/**
 * Whether an objector has revealed since the refusal, by its own later answer, that it takes
 * the refused text's value on an issue it objected to: it accepted a text holding that value,
 * or asked for that value. (A later answer that leaves the issue unnamed does not count.)
 */
function objectorMoved(r: Refusal, answers: ReadonlyMap<string, readonly PartyAnswer[]>, proposal: string): boolean {
  for (const [party, o] of r.objections) {
    const later = (answers.get(party) ?? []).slice(r.answersBefore.get(party) ?? Infinity);
    for (const issue of o.issues) {
      const value = String(r.text[issue]);
      if (
        later.some((a) => a.proposal !== proposal && a.takes[issue] !== undefined && String(a.takes[issue]) === value)
      )
        return true;
    }
  }
  return false;
}

/** The issues to compare a new text on: every issue a party objected to (all of them when it named none). */
function compared(domain: Domain, r: Refusal): string[] {
  const names = new Set<string>();
  for (const o of r.objections.values()) {
    if (o.issues.length === 0) return domain.issues.map((i) => i.name);
    for (const issue of o.issues) names.add(issue);
  }
  return names.size ? [...names] : domain.issues.map((i) => i.name);
}

/** Per issue, the values crossing the fewest told red lines. */
function leastCrossing(domain: Domain, lines: readonly StatedRedLine[]): string[][] {
  return domain.issues.map((issue) => {
    const values = Array.from({ length: issueSize(issue) }, (_, j) => String(valueAt(issue, j)));
    const count = values.map((v) => lines.filter((l) => crossesRedLine(l, { [issue.name]: v })).length);
    const fewest = Math.min(...count);
    return values.filter((_, j) => count[j] === fewest);
  });
}

/**
 * Whether some text on those values repeats none of the refusals (equal on every compared
 * issue): a plain depth-first search over the issues, a branch cut once it repeats one.
 */
function someTextRepeatsNone(domain: Domain, values: string[][], refusals: readonly Refusal[]): boolean {
  const names = domain.issues.map((i) => i.name);
  const keys = refusals.map((r) => ({ text: r.text, issues: compared(domain, r) }));
  const text: Record<string, string> = {};
  const repeats = (set: number) =>
    keys.some((r) => r.issues.every((i) => names.indexOf(i) < set && String(r.text[i]) === text[i]));
  const visit = (d: number): boolean => {
    if (d === names.length) return true;
    for (const v of values[d]!) {
      text[names[d]!] = v;
      if (!repeats(d + 1) && visit(d + 1)) return true;
    }
    delete text[names[d]!];
    return false;
  };
  return visit(0);
}

function avoidable(domain: Domain, lines: readonly StatedRedLine[]): boolean {
  return domain.issues.every((issue) => {
    for (let j = 0; j < issueSize(issue); j++)
      if (lines.every((l) => !crossesRedLine(l, { [issue.name]: valueAt(issue, j) }))) return true;
    return false;
  });
}

/** Reads the log as the mediator `role` saw it. */
export function auditMediation(domain: Domain, events: readonly ProtocolEvent[], role: string): Audit {
  const seen = events.filter((e) => visibleTo(e, { kind: 'mediator', name: role }));
  const told = new Map<string, StatedRedLine>();
  const texts = new Map<string, Outcome>();
  const refusals = new Map<string, Refusal>();
  let changes = 0;
  let avoidableCrossings = 0;
  let unavoidableCrossings = 0;
  let unchangedRepeats = 0;
  let unchangedRepeatsForced = 0;
  let held = 0;
  let repeatsAfterChange = 0;
  const answers = new Map<string, PartyAnswer[]>();
  const tell = (party: string, lines: readonly StatedRedLine[] | undefined) => {
    for (const l of lines ?? []) told.set(`${party}/${l.id}`, l);
  };
  for (const e of seen) {
    if (e.kind === 'outside-event') changes++;
    if (e.kind === 'held' && e.actor === role) held++;
    if (e.kind === 'statement' && e.party) tell(e.party, e.position?.redLines);
    if ((e.kind === 'text-tabled' || e.kind === 'package-tabled') && !texts.has(e.proposal)) {
      texts.set(e.proposal, e.text);
      const crossed = [...told.values()].some((l) => crossesRedLine(l, e.text));
      if (crossed && avoidable(domain, [...told.values()])) avoidableCrossings++;
      else if (crossed) unavoidableCrossings++;
      const equal = (r: Refusal) => compared(domain, r).every((i) => String(r.text[i]) === String(e.text[i]));
      const standing = [...refusals.entries()]
        .filter(([p, r]) => r.changesBefore === changes && !objectorMoved(r, answers, p))
        .map(([, r]) => r);
      const repeated = standing.some(equal);
      if (repeated) unchangedRepeats++;
      else if ([...refusals.values()].some(equal)) repeatsAfterChange++;
      const values = leastCrossing(domain, [...told.values()]);
      if (repeated && !someTextRepeatsNone(domain, values, standing)) unchangedRepeatsForced++;
    }
    if ((e.kind === 'text-response' || e.kind === 'package-response') && e.answer === 'accept') {
      const text = texts.get(e.proposal);
      if (text) answers.set(e.party, [...(answers.get(e.party) ?? []), { proposal: e.proposal, takes: text }]);
    }
    if ((e.kind === 'text-response' || e.kind === 'package-response') && e.answer !== 'accept') {
      tell(e.party, e.position?.redLines);
      const text = texts.get(e.proposal);
      if (!text) continue;
      const named = [
        ...(e.position?.redLines ?? []).map((l) => l.issue),
        ...Object.keys(e.position?.asks ?? {}),
        ...(e.position?.issues ?? []),
        ...Object.keys(e.amendments ?? {}),
      ];
      const objections = refusals.get(e.proposal)?.objections ?? new Map();
      const asks = { ...e.position?.asks, ...e.amendments };
      objections.set(e.party, { issues: [...new Set(named)], asks });
      const answersBefore = refusals.get(e.proposal)?.answersBefore ?? new Map<string, number>();
      answersBefore.set(e.party, answers.get(e.party)?.length ?? 0);
      refusals.set(e.proposal, { text, objections, changesBefore: changes, answersBefore });
      answers.set(e.party, [...(answers.get(e.party) ?? []), { proposal: e.proposal, takes: asks }]);
    }
  }
  return {
    texts: texts.size,
    held,
    avoidableCrossings,
    unavoidableCrossings,
    unchangedRepeats,
    unchangedRepeatsForced,
    repeatsAfterChange,
  };
}
