/**
 * The order in which local worker threads take batches. Each thread builds a scenario's
 * outcome spaces and analysis the first time it meets the scenario; handed batches in plan
 * order, every thread would meet every scenario and build them all. Here a thread keeps to
 * one scenario while that scenario has batches left, then takes a scenario no thread has
 * started, and only when none is left helps with the scenario that has the most batches left
 * (taking them from its end). Results do not depend on the order: rows carry their index.
 *
 * Scenarios with larger outcome spaces go first, when sizes are given: their batches take
 * longest and their spaces cost most to build. The run then ends on small scenarios, whose
 * short batches leave the threads finishing close together, and a thread that helps with
 * the last scenario builds only a small space a second time.
 */
import type { Batch } from './types.js';

export class ScenarioAffinity {
  /** Batches still to hand out, one list per scenario, in plan order. */
  private readonly groups: Batch[][];
  /** The first group no thread has started. */
  private untouched = 0;
  /** The group each thread works on, by thread number. */
  private readonly current = new Map<number, Batch[]>();

  /** `outcomes`: each scenario's number of outcomes, by content hash (plan order when absent). */
  constructor(batches: readonly Batch[], outcomes?: ReadonlyMap<string, number>) {
    const byScenario = new Map<string, Batch[]>();
    for (const b of batches) {
      let group = byScenario.get(b.scenario.hash);
      if (!group) byScenario.set(b.scenario.hash, (group = []));
      group.push(b);
    }
    const size = (g: Batch[]) => outcomes?.get(g[0]!.scenario.hash) ?? 0;
    // Array sort is stable: scenarios of equal size keep plan order.
    this.groups = [...byScenario.values()].sort((a, b) => size(b) - size(a));
  }

  /** The next batch for thread `thread`, or undefined when every batch has been handed out. */
  take(thread: number): Batch | undefined {
    const mine = this.current.get(thread);
    if (mine && mine.length > 0) return mine.shift();
    const fresh = this.groups[this.untouched];
    if (fresh) {
      this.untouched++;
      this.current.set(thread, fresh);
      return fresh.shift();
    }
    const busiest = this.groups.reduce<Batch[] | undefined>(
      (most, g) => (g.length > (most?.length ?? 0) ? g : most),
      undefined,
    );
    return busiest?.pop();
  }
}
