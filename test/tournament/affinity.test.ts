import { describe, expect, it } from 'vitest';
import { ScenarioAffinity } from '../../src/tournament/affinity.js';
import type { Batch } from '../../src/tournament/types.js';

/** Batches named `<scenario><n>`, in plan order: `counts[i]` batches of scenario i. */
function batches(counts: readonly number[]): Batch[] {
  return counts.flatMap((count, s) =>
    Array.from({ length: count }, (_, n) => ({
      id: `${String.fromCharCode(97 + s)}${n}`,
      tournament: 't',
      scenario: { hash: `h${s}`, json: '{}' },
      negotiations: [],
    })),
  );
}

/** Takes batches for the threads in turn (as threads finishing at the same pace would) until none is left. */
function drain(affinity: ScenarioAffinity, threads: number): string[][] {
  const taken: string[][] = Array.from({ length: threads }, () => []);
  for (let done = 0; done < threads;) {
    done = 0;
    for (let t = 0; t < threads; t++) {
      const b = affinity.take(t);
      if (b) taken[t]!.push(b.id);
      else done++;
    }
  }
  return taken;
}

describe('the order in which worker threads take batches', () => {
  it('hands out every batch exactly once', () => {
    const all = batches([3, 1, 4, 2]);
    const taken = drain(new ScenarioAffinity(all), 3).flat();
    expect(taken.sort()).toEqual(all.map((b) => b.id).sort());
  });

  it('keeps each thread on its own scenarios while untouched ones remain', () => {
    const taken = drain(new ScenarioAffinity(batches([4, 4, 4, 4])), 2);
    expect(taken).toEqual([
      ['a0', 'a1', 'a2', 'a3', 'c0', 'c1', 'c2', 'c3'],
      ['b0', 'b1', 'b2', 'b3', 'd0', 'd1', 'd2', 'd3'],
    ]);
  });

  it('lets a thread that ran out help with the scenario that has the most left, from its end', () => {
    const affinity = new ScenarioAffinity(batches([1, 5]));
    expect(affinity.take(0)?.id).toBe('a0');
    expect(affinity.take(1)?.id).toBe('b0');
    expect(affinity.take(0)?.id).toBe('b4');
    expect(affinity.take(1)?.id).toBe('b1');
    expect(affinity.take(0)?.id).toBe('b3');
    expect(affinity.take(1)?.id).toBe('b2');
    expect(affinity.take(0)).toBeUndefined();
    expect(affinity.take(1)).toBeUndefined();
  });

  it('starts with the scenarios that have the most outcomes, ending on the smallest', () => {
    const outcomes = new Map([
      ['h0', 100],
      ['h1', 390_625],
      ['h2', 100],
      ['h3', 5_000],
    ]);
    const taken = drain(new ScenarioAffinity(batches([2, 2, 2, 2]), outcomes), 1);
    expect(taken).toEqual([['b0', 'b1', 'd0', 'd1', 'a0', 'a1', 'c0', 'c1']]);
  });
});
