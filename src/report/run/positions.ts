import type { Outcome } from '../../core/domain.js';
import { utilityFor, type Party } from '../../core/party.js';
import { withEffects, type Effect } from '../../core/timeline.js';
import type { ProtocolEvent } from '../../protocols/events.js';

/** One position put on the table: an offer, a tabled text, or a party's answer read as the text it would take. */
export interface Position {
  readonly at: number;
  readonly seq: number;
  /** Who put it forward: a party (offers, answers) or a mediator / working group (texts). */
  readonly by: string;
  /** The party it belongs to, when a party put it forward. */
  readonly party?: string;
  readonly proposal: string;
  readonly outcome: Outcome;
}

/**
 * Every position in the log, in order. SAOP offers are the parties' own; in mediated talks
 * the mediators' texts are theirs, and a party's position is the text it accepted or the
 * text with the changes it asked for. A package tabled to several parties counts once.
 */
export function positionsOf(events: readonly ProtocolEvent[]): Position[] {
  const out: Position[] = [];
  const texts = new Map<string, Outcome>();
  const seen = new Set<string>();
  const once = (key: string, p: Position) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const e of events) {
    const base = { at: e.at, seq: e.seq };
    switch (e.kind) {
      case 'offer':
        out.push({ ...base, by: e.party, party: e.party, proposal: e.proposal, outcome: e.outcome });
        break;
      case 'text-tabled':
      case 'package-tabled':
        texts.set(e.proposal, e.text);
        once(`${e.proposal}|${JSON.stringify(e.text)}`, {
          ...base,
          by: e.actor,
          proposal: e.proposal,
          outcome: e.text,
        });
        break;
      case 'package-revised':
        texts.set(e.proposal, e.text);
        once(`${e.proposal}|${JSON.stringify(e.text)}`, { ...base, by: e.by, proposal: e.proposal, outcome: e.text });
        break;
      case 'text-response':
      case 'package-response': {
        const text = texts.get(e.proposal);
        if (!text || e.answer === 'reject') break;
        out.push({
          ...base,
          by: e.party,
          party: e.party,
          proposal: e.proposal,
          outcome: { ...text, ...(e.amendments ?? {}) },
        });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** A party's own utility of each of its own positions, with its preferences as they stood at the time. */
export function concessionSeries(
  events: readonly ProtocolEvent[],
  parties: readonly Party[],
): { party: string; at: number; seq: number; utility: number }[] {
  const effects: Effect[] = [];
  const current = new Map(parties.map((p) => [p.name, p]));
  const out: { party: string; at: number; seq: number; utility: number }[] = [];
  const positions = new Map(
    positionsOf(events)
      .filter((p) => p.party !== undefined)
      .map((p) => [p.seq, p]),
  );
  for (const e of events) {
    if (e.kind === 'outside-event') {
      effects.push(...e.effects);
      for (const p of parties) current.set(p.name, withEffects(p, effects));
    }
    const pos = positions.get(e.seq);
    if (pos)
      out.push({
        party: pos.party!,
        at: pos.at,
        seq: pos.seq,
        utility: utilityFor(current.get(pos.party!)!, pos.outcome),
      });
  }
  return out;
}

/** Outside events for the time axis: when, and a short label. */
export function outsideMarks(events: readonly ProtocolEvent[]): { at: number; label: string }[] {
  return events.flatMap((e) =>
    e.kind === 'outside-event' ? [{ at: e.at, label: e.title.length > 40 ? `${e.title.slice(0, 38)}…` : e.title }] : [],
  );
}
