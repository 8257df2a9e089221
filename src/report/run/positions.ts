import { utilityFor, type Party } from '../../core/party.js';
import { withEffects, type Effect } from '../../core/timeline.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { positionsOf } from '../../protocols/log-queries.js';

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
