/**
 * A small seeded generator (mulberry32) whose whole state is one 32-bit integer, so a
 * protocol can keep it in its serialisable state and a run replays exactly.
 */
export function nextRandom(state: number): { value: number; state: number } {
  const s = (state + 0x6d2b79f5) | 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: s };
}

/** A mutable convenience wrapper for agents, which may keep private state. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    const r = nextRandom(this.state);
    this.state = r.state;
    return r.value;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  get seed(): number {
    return this.state;
  }
}
