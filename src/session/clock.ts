/**
 * Time as a session knows it: passed in, never read by a protocol. Time is in the
 * scenario's unit (hours from the start of the talks).
 */
export interface Clock {
  now(): number;
}

/** A clock its driver moves on: the simulator's virtual time. */
export interface SteppedClock extends Clock {
  /** Moves time forward by `delta` (never backwards) and returns the new time. */
  advance(delta: number): number;
}

/** Virtual time for simulations; also a manual clock for tests that drive a session by hand. */
export class VirtualClock implements SteppedClock {
  private current: number;

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(delta: number): number {
    if (!(delta >= 0)) throw new RangeError(`a clock only moves forward, got ${delta}`);
    this.current += delta;
    return this.current;
  }

  /** Moves time to `at` (never backwards) and returns it. */
  set(at: number): number {
    return this.advance(at - this.current);
  }
}

/** The wall clock for live sessions: hours (by default) since `start`, in milliseconds since the epoch. */
export class WallClock implements Clock {
  constructor(
    private readonly start: number = Date.now(),
    private readonly msPerUnit: number = 3_600_000,
    private readonly read: () => number = Date.now,
  ) {
    if (!(msPerUnit > 0)) throw new RangeError(`a unit of time must last a positive number of ms, got ${msPerUnit}`);
  }

  now(): number {
    return (this.read() - this.start) / this.msPerUnit;
  }
}
