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
  /** Texts crossing a told red line though some text avoided all told lines. */
  readonly avoidableCrossings: number;
  /** Texts crossing a told red line where no text avoided them all. */
  readonly unavoidableCrossings: number;
  /** As settled: compared on every issue objected to. */
  readonly unchangedRepeats: number;
  /** Leaving out objections that asked for a value across another party's told red line. */
  readonly unchangedRepeatsMeetable: number;
}

interface Refusal {
  readonly text: Outcome;
  /** Per objecting party: the issues it named and the values it asked for. */
  readonly objections: Map<string, { issues: string[]; asks: Readonly<Record<string, unknown>> }>;
  /** Changes seen before the refusal. */
  readonly changesBefore: number;
}

/**
 * The issues to compare a new text on: every issue a party objected to (all of them when it
 * named none), or, in the lenient reading, leaving out asks across another party's told red line.
 */
function compared(domain: Domain, r: Refusal, told: ReadonlyMap<string, StatedRedLine>, lenient: boolean): string[] {
  const names = new Set<string>();
  for (const [party, o] of r.objections) {
    if (o.issues.length === 0) return domain.issues.map((i) => i.name);
    for (const issue of o.issues) {
      const ask = o.asks[issue] as string | number | undefined;
      const unmeetable =
        ask !== undefined &&
        [...told].some(([key, l]) => !key.startsWith(`${party}/`) && crossesRedLine(l, { [issue]: ask }));
      if (!lenient || !unmeetable) names.add(issue);
    }
  }
  return names.size ? [...names] : domain.issues.map((i) => i.name);
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
  let unchangedRepeatsMeetable = 0;
  const tell = (party: string, lines: readonly StatedRedLine[] | undefined) => {
    for (const l of lines ?? []) told.set(`${party}/${l.id}`, l);
  };
  for (const e of seen) {
    if (e.kind === 'outside-event') changes++;
    if (e.kind === 'statement' && e.party) tell(e.party, e.position?.redLines);
    if ((e.kind === 'text-tabled' || e.kind === 'package-tabled') && !texts.has(e.proposal)) {
      texts.set(e.proposal, e.text);
      const crossed = [...told.values()].some((l) => crossesRedLine(l, e.text));
      if (crossed && avoidable(domain, [...told.values()])) avoidableCrossings++;
      else if (crossed) unavoidableCrossings++;
      const repeats = (lenient: boolean) =>
        [...refusals.values()].some(
          (r) =>
            r.changesBefore === changes &&
            compared(domain, r, told, lenient).every((i) => String(r.text[i]) === String(e.text[i])),
        );
      if (repeats(false)) unchangedRepeats++;
      if (repeats(true)) unchangedRepeatsMeetable++;
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
      objections.set(e.party, { issues: [...new Set(named)], asks: { ...e.position?.asks, ...e.amendments } });
      refusals.set(e.proposal, { text, objections, changesBefore: changes });
    }
  }
  return { texts: texts.size, avoidableCrossings, unavoidableCrossings, unchangedRepeats, unchangedRepeatsMeetable };
}
