/** Sets of small integers as Uint32Array bit words, for the rectangle clique search. */

export function isEmpty(s: Uint32Array): boolean {
  for (let i = 0; i < s.length; i++) if (s[i] !== 0) return false;
  return true;
}

export function and(a: Uint32Array, b: Uint32Array): Uint32Array {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i]! & b[i]!;
  return r;
}

export function andNot(a: Uint32Array, b: Uint32Array): Uint32Array {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i]! & ~b[i]!;
  return r;
}

export function popcountAnd(a: Uint32Array, b: Uint32Array): number {
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    let w = a[i]! & b[i]!;
    while (w) {
      w &= w - 1;
      c++;
    }
  }
  return c;
}

export function popcount(s: Uint32Array): number {
  let c = 0;
  for (let i = 0; i < s.length; i++) {
    let w = s[i]!;
    while (w) {
      w &= w - 1;
      c++;
    }
  }
  return c;
}

export function nextBit(s: Uint32Array, from: number): number {
  for (let i = from; i < s.length * 32;) {
    const w = s[i >>> 5]! >>> (i & 31);
    if (w === 0) {
      i = ((i >>> 5) + 1) * 32;
      continue;
    }
    return i + (31 - Math.clz32(w & -w));
  }
  return -1;
}

/** Words needed for a set of n elements (at least one). */
export function wordsFor(n: number): number {
  return Math.max(1, Math.ceil(n / 32));
}

/** The set {0, …, n − 1}. */
export function fullSet(n: number): Uint32Array {
  const s = new Uint32Array(wordsFor(n));
  for (let v = 0; v < n; v++) addBit(s, v);
  return s;
}

export function hasBit(s: Uint32Array, v: number): boolean {
  return ((s[v >>> 5] ?? 0) & (1 << (v & 31))) !== 0;
}

export function addBit(s: Uint32Array, v: number): void {
  s[v >>> 5] = (s[v >>> 5] ?? 0) | (1 << (v & 31));
}

export function removeBit(s: Uint32Array, v: number): void {
  s[v >>> 5] = (s[v >>> 5] ?? 0) & ~(1 << (v & 31));
}

/** a and b share an element. */
export function intersects(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i]! & b[i]!) !== 0) return true;
  return false;
}
