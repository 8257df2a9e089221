/**
 * Whether a long-running process's memory stays flat, from what bench/lib/memory-sampler.mjs
 * recorded inside it. The heap in use saw-tooths between collections, so the trend is taken
 * on the heap in use right after each full collection (what the process really holds; a leak
 * raises it, garbage does not). A run too short for three full collections after its warm-up
 * falls back on the heap's floor: the lowest sample of each window.
 */

export interface MemorySample {
  /** Milliseconds since the process started sampling. */
  readonly ms: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

/** The heap in use (bytes) just after a full collection. */
export interface FullGcSample {
  readonly ms: number;
  readonly afterFullGc: number;
}

/** A line of the sampler's file. */
export type MemoryLine = MemorySample | FullGcSample;

export interface MemoryTrend {
  readonly samples: number;
  /** Seconds left out at the start (the server fills its caches, the first ended sessions wait to unload). */
  readonly warmupSeconds: number;
  readonly heapStartMiB: number;
  readonly heapEndMiB: number;
  readonly heapPeakMiB: number;
  readonly rssStartMiB: number;
  readonly rssEndMiB: number;
  readonly rssPeakMiB: number;
  /** Least-squares slope of the heap after full collections (or of its floor) after the warm-up, MiB per minute. */
  readonly heapSlopeMiBPerMin: number;
  /** What the slope was taken on, and how many points. */
  readonly basis: string;
  /** The heap in use after the first and the last full collection after the warm-up, MiB. */
  readonly afterFullGcMiB: readonly [number, number] | null;
  /** Least-squares slope of RSS after the warm-up, MiB per minute. */
  readonly rssSlopeMiBPerMin: number;
  /** Null for a run shorter than `MIN_JUDGED_SECONDS`. */
  readonly flat: boolean | null;
}

/**
 * The shortest run judged: before that, the heap still fills up to its working size (on the
 * server, ended sessions stay 30 s before they leave memory, so the first minute only gains).
 */
export const MIN_JUDGED_SECONDS = 180;

/** The verdict's bound: a heap rising less than this, MiB per minute after the warm-up, is flat. */
export const FLAT_HEAP_MIB_PER_MIN = 1;
/** The longest warm-up left out: 2 minutes, or a third of a shorter run. */
const MAX_WARMUP_SECONDS = 120;
/** Floor windows: 30 s each, or an eighth of the time after the warm-up when that is shorter. */
const WINDOW_SECONDS = 30;

const MIB = 1024 * 1024;

/** Least-squares slope of y over x. */
export function slopeOf(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** The lowest heap sample of each window, at the window's middle (minutes, MiB). */
function heapFloor(samples: readonly MemorySample[], windowMs: number): { x: number; y: number }[] {
  const windows = new Map<number, { x: number; y: number }>();
  const first = samples[0]?.ms ?? 0;
  for (const s of samples) {
    const w = Math.floor((s.ms - first) / windowMs);
    const y = s.heapUsed / MIB;
    const seen = windows.get(w);
    if (!seen || y < seen.y) windows.set(w, { x: (first + (w + 0.5) * windowMs) / 60_000, y });
  }
  return [...windows.values()];
}

/** The trend of samples covering `seconds` of measured load (the samples before `fromMs` are the warm-up's). */
export function memoryTrend(lines: readonly MemoryLine[], fromMs: number, seconds: number): MemoryTrend {
  const all = lines.filter((l): l is MemorySample => 'rss' in l);
  const measured = all.filter((s) => s.ms >= fromMs);
  const warmupSeconds = Math.min(MAX_WARMUP_SECONDS, seconds / 3);
  const settledFrom = fromMs + warmupSeconds * 1000;
  const settled = measured.filter((s) => s.ms >= settledFrom);
  const fullGcs = lines
    .filter((l): l is FullGcSample => 'afterFullGc' in l && l.ms >= settledFrom)
    .map((l) => ({ x: l.ms / 60_000, y: l.afterFullGc / MIB }));
  const windowMs = Math.min(WINDOW_SECONDS * 1000, ((seconds - warmupSeconds) * 1000) / 8);
  const heap = measured.map((s) => s.heapUsed / MIB);
  const rss = measured.map((s) => s.rss / MIB);
  const byFullGc = fullGcs.length >= 3;
  const floor = byFullGc ? [] : heapFloor(settled, Math.max(windowMs, 1));
  const heapSlope = slopeOf(byFullGc ? fullGcs : floor);
  return {
    samples: measured.length,
    warmupSeconds,
    heapStartMiB: heap[0] ?? NaN,
    heapEndMiB: heap.at(-1) ?? NaN,
    heapPeakMiB: Math.max(...heap),
    rssStartMiB: rss[0] ?? NaN,
    rssEndMiB: rss.at(-1) ?? NaN,
    rssPeakMiB: Math.max(...rss),
    heapSlopeMiBPerMin: heapSlope,
    basis: byFullGc
      ? `heap after each of ${fullGcs.length} full collections`
      : `heap floor in ${floor.length} windows (fewer than 3 full collections)`,
    afterFullGcMiB: fullGcs.length > 0 ? [fullGcs[0]!.y, fullGcs.at(-1)!.y] : null,
    rssSlopeMiBPerMin: slopeOf(settled.map((s) => ({ x: s.ms / 60_000, y: s.rss / MIB }))),
    flat: seconds < MIN_JUDGED_SECONDS ? null : heapSlope < FLAT_HEAP_MIB_PER_MIN,
  };
}
