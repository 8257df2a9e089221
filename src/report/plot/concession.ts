import { utilityFor, type Party } from '../../core/party.js';
import { withEffects, type Effect } from '../../core/timeline.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { concessionSeries } from '../run/positions.js';
import { writeFileAtomic } from '../../formats/atomic-write.js';
import { concessionSpec, type ConcessionPlotData } from './concession-spec.js';
import { renderVegaLite } from './vega.js';

export { concessionSpec, type ConcessionPlotData } from './concession-spec.js';

type Point = ConcessionPlotData['points'][number];

/**
 * Each party's own utility, with its preferences as they stood at the time: in mediated talks
 * of every text tabled (the texts are what the parties concede on), in SAOP of its own offers.
 * Each line is carried on to the end of the run so that the plot covers it whole.
 */
export function concessionPoints(events: readonly ProtocolEvent[], parties: readonly Party[]): Point[] {
  const mediated = events.some((e) => e.kind === 'text-tabled' || e.kind === 'package-tabled');
  const raw = mediated
    ? textSeries(events, parties)
    : concessionSeries(events, parties).map((p) => ({ party: p.party, at: p.at, utility: p.utility }));
  const end = events.length ? events[events.length - 1]!.at : 0;
  const out: Point[] = raw.map((p, order) => ({ ...p, order }));
  for (const party of parties) {
    const last = [...out].reverse().find((p) => p.party === party.name);
    if (last && last.at < end) out.push({ ...last, at: end, order: out.length });
  }
  return out;
}

function textSeries(events: readonly ProtocolEvent[], parties: readonly Party[]) {
  const effects: Effect[] = [];
  let current = [...parties];
  const seen = new Set<string>();
  const out: { party: string; at: number; utility: number }[] = [];
  for (const e of events) {
    if (e.kind === 'outside-event') {
      effects.push(...e.effects);
      current = parties.map((p) => withEffects(p, effects));
    }
    if (e.kind !== 'text-tabled' && e.kind !== 'package-tabled' && e.kind !== 'package-revised') continue;
    const key = `${e.proposal}|${JSON.stringify(e.text)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const p of current) out.push({ party: p.name, at: e.at, utility: utilityFor(p, e.text) });
  }
  return out;
}

/** Concession curves as SVG, one line per party, outside events as labelled vertical rules. */
export async function plotConcession(data: ConcessionPlotData, file?: string): Promise<string> {
  const svg = await renderVegaLite(concessionSpec(data));
  if (file) writeFileAtomic(file, svg);
  return svg;
}
