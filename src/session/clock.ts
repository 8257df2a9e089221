/** Time as the simulator knows it: passed in and moved on, never read from the wall. */
export interface Clock {
  now(): number;
}

/** A virtual clock in the scenario's unit (hours from the start of the talks). */
export class VirtualClock implements Clock {
  private current: number;

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward by `delta` (never backwards) and returns the new time. */
  advance(delta: number): number {
    if (!(delta >= 0)) throw new RangeError(`a clock only moves forward, got ${delta}`);
    this.current += delta;
    return this.current;
  }
}
