/**
 * The order in which numpy's default `argsort` (kind "quicksort", without its SIMD
 * dispatch) puts an array of doubles: an introsort, median-of-three quicksort over index
 * ranges longer than 16, insertion sort below, heapsort when the depth budget runs out.
 * It is not stable, so outcomes of equal utility come out in an order of its own, and
 * NegMAS's presorting inverter offers the first of them. Reproducing that order (not only
 * the sorted values) is what makes `mode=negmas` repeat NegMAS's offers one for one.
 */

/** Ranges of at most this many elements (pr − pl) are finished by insertion sort. */
const SMALL_RANGE = 15;

/** numpy's comparison for doubles: NaN sorts last. */
function less(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

/** Index of the highest set bit of n (n ≥ 1). */
function highestBit(n: number): number {
  let depth = 0;
  while (n > 1) {
    n = Math.floor(n / 2);
    depth++;
  }
  return depth;
}

/** Indices 0..n−1 of `values` in numpy argsort order (ascending). */
export function numpyArgsort(values: Float64Array): Int32Array {
  const order = Int32Array.from({ length: values.length }, (_, i) => i);
  if (values.length > 1) introsort(values, order);
  return order;
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

function introsort(v: Float64Array, a: Int32Array): void {
  const stack: number[] = [];
  let pl = 0;
  let pr = a.length - 1;
  let depth = highestBit(a.length) * 2;
  for (;;) {
    if (depth < 0) heapsortRange(v, a, pl, pr - pl + 1);
    else {
      while (pr - pl > SMALL_RANGE) {
        const pi = partition(v, a, pl, pr);
        // The larger side waits on the stack; the loop goes on with the smaller one.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr, --depth);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1, --depth);
          pl = pi + 1;
        }
      }
      insertionRange(v, a, pl, pr);
    }
    if (stack.length === 0) return;
    depth = stack.pop()!;
    pr = stack.pop()!;
    pl = stack.pop()!;
  }
}

/** Median of three to a[pr − 1], then the partition; returns the pivot's final index. */
function partition(v: Float64Array, a: Int32Array, pl: number, pr: number): number {
  const pm = pl + ((pr - pl) >> 1);
  if (less(v[a[pm]!]!, v[a[pl]!]!)) swap(a, pm, pl);
  if (less(v[a[pr]!]!, v[a[pm]!]!)) swap(a, pr, pm);
  if (less(v[a[pm]!]!, v[a[pl]!]!)) swap(a, pm, pl);
  const pivot = v[a[pm]!]!;
  let pi = pl;
  let pj = pr - 1;
  swap(a, pm, pj);
  for (;;) {
    do pi++;
    while (less(v[a[pi]!]!, pivot));
    do pj--;
    while (less(pivot, v[a[pj]!]!));
    if (pi >= pj) break;
    swap(a, pi, pj);
  }
  swap(a, pi, pr - 1);
  return pi;
}

function insertionRange(v: Float64Array, a: Int32Array, pl: number, pr: number): void {
  for (let pi = pl + 1; pi <= pr; pi++) {
    const x = a[pi]!;
    const u = v[x]!;
    let pj = pi;
    while (pj > pl && less(u, v[a[pj - 1]!]!)) {
      a[pj] = a[pj - 1]!;
      pj--;
    }
    a[pj] = x;
  }
}

/** Heapsort of a[start .. start + n), with numpy's one-based sift-down. */
function heapsortRange(v: Float64Array, a: Int32Array, start: number, n: number): void {
  const at = (k: number) => start + k - 1;
  const sift = (top: number, tmp: number, size: number): void => {
    let i = top;
    for (let j = top * 2; j <= size;) {
      if (j < size && less(v[a[at(j)]!]!, v[a[at(j + 1)]!]!)) j++;
      if (!less(v[tmp]!, v[a[at(j)]!]!)) break;
      a[at(i)] = a[at(j)]!;
      i = j;
      j += j;
    }
    a[at(i)] = tmp;
  };
  for (let l = n >> 1; l > 0; l--) sift(l, a[at(l)]!, n);
  for (let size = n; size > 1;) {
    const tmp = a[at(size)]!;
    a[at(size)] = a[at(1)]!;
    size--;
    sift(1, tmp, size);
  }
}
