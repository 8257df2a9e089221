import { describe, expect, it } from 'vitest';
import type { Party } from '../../src/core/party.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { concessionPoints, concessionSpec } from '../../src/report/plot/concession.js';

const party = (name: string, a: number, b: number): Party => ({
  name,
  reservation: 0,
  discount: 1,
  redLines: [],
  utility: { kind: 'additive', weights: { x: 1 }, values: { x: { kind: 'table', utilities: { a, b } } } },
});
const parties = [party('North', 1, 0.5), party('South', 1, 0.5)];
let seq = 0;
const tabled = (proposal: string, x: string, at: number): ProtocolEvent => ({
  kind: 'text-tabled',
  seq: ++seq,
  at,
  audience: { kind: 'all' },
  actor: 'M',
  proposal,
  text: { x },
});
const events: ProtocolEvent[] = [
  tabled('text-1', 'a', 0),
  tabled('text-2', 'b', 3),
  { kind: 'deadline', seq: ++seq, at: 10, audience: { kind: 'all' }, round: 10, now: 10 },
];

describe('the concession plot', () => {
  it('shows every party’s own utility of every text, carried on to the end of the run', () => {
    const points = concessionPoints(events, parties);
    for (const p of ['North', 'South'])
      expect(points.filter((x) => x.party === p).map((x) => [x.at, x.utility])).toEqual([
        [0, 1],
        [3, 0.5],
        [10, 0.5],
      ]);
  });

  it('keeps a party visible on the same values as another: other widths and dashes, the axis over the whole run', () => {
    const spec = concessionSpec({
      title: 't',
      points: concessionPoints(events, parties),
      marks: [],
      timeTitle: 'Time',
      parties: ['North', 'South'],
      end: 10,
    }) as unknown as { layer: { encoding: Record<string, { scale?: { range?: unknown[]; domain?: unknown[] } }> }[] };
    const enc = spec.layer[0]!.encoding;
    const widths = enc.strokeWidth!.scale!.range as number[];
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(enc.strokeDash!.scale!.range![0]).not.toEqual(enc.strokeDash!.scale!.range![1]);
    expect(enc.x!.scale!.domain).toEqual([0, 10]);
  });
});
