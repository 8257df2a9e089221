import type { Domain, Outcome } from '../../core/domain.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { byPhase } from '../../protocols/shuttle/state.js';

/** A text a seat has seen put forward: an offer, a tabled single text, a package or its revision. */
export interface SeenText {
  readonly seq: number;
  readonly proposal: string;
  readonly kind: 'offer' | 'text' | 'package' | 'revision';
  /** The role that put it forward (a revision: the working group that settled it). */
  readonly by: string;
  /** The party a package was addressed to; absent for texts to the whole table. */
  readonly to?: string;
  readonly text: Outcome;
  readonly byPhase: Readonly<Record<string, Outcome>>;
}

/** Every text in a seat's events, in order: what its analysis and offer history are about. */
export function seenTexts(domain: Domain, events: readonly ProtocolEvent[]): SeenText[] {
  const out: SeenText[] = [];
  const add = (e: ProtocolEvent, kind: SeenText['kind'], by: string, text: Outcome, to?: string) =>
    out.push({
      seq: e.seq,
      proposal: 'proposal' in e ? String(e.proposal) : '',
      kind,
      by,
      ...(to !== undefined ? { to } : {}),
      text,
      byPhase: byPhase(domain, text),
    });
  for (const e of events) {
    if (e.kind === 'offer') add(e, 'offer', e.actor, e.outcome);
    else if (e.kind === 'text-tabled') add(e, 'text', e.actor, e.text);
    else if (e.kind === 'package-tabled') add(e, 'package', e.actor, e.text, e.party);
    else if (e.kind === 'package-revised') add(e, 'revision', e.by, e.text, e.party);
  }
  return out;
}

/** The text on the table now, as the seat saw it: the latest one (for one party, the latest addressed to it). */
export function currentText(texts: readonly SeenText[], party?: string): SeenText | null {
  for (let i = texts.length - 1; i >= 0; i--) {
    const t = texts[i]!;
    if (party === undefined || t.to === undefined || t.to === party) return t;
  }
  return null;
}
