// `node --import <this file> …` with PARLEY_MEMORY_SAMPLES=<file>: every
// PARLEY_MEMORY_EVERY_MS (default 2000) ms, appends one JSON line with the process's memory
// as V8 and the OS see it (bytes) and its age in ms; and after each full (mark-sweep)
// collection, at most once a second, a line `{ms, afterFullGc}` with the heap in use then:
// what the process really holds, the measure a leak raises. A benchmark reads the file to
// judge whether memory stays flat; nothing here keeps the process alive. Worker threads
// inherit `--import`; only the main thread samples (a worker's heap is its own).
import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const file = isMainThread ? process.env.PARLEY_MEMORY_SAMPLES : undefined;
const every = Number(process.env.PARLEY_MEMORY_EVERY_MS ?? 2000);
if (file) {
  const t0 = performance.now();
  const age = () => Math.round(performance.now() - t0);
  setInterval(() => {
    const m = process.memoryUsage();
    const sample = { ms: age(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
    appendFileSync(file, JSON.stringify(sample) + '\n');
  }, every).unref();
  let lastFull = -Infinity;
  new PerformanceObserver((list) => {
    const full = list.getEntries().some((e) => e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (!full || performance.now() - lastFull < 1000) return;
    lastFull = performance.now();
    appendFileSync(file, JSON.stringify({ ms: age(), afterFullGc: process.memoryUsage().heapUsed }) + '\n');
  }).observe({ entryTypes: ['gc'] });
}
