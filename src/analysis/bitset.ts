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
