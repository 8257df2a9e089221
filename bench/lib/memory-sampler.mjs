// `node --import <this file> …` with PARLEY_MEMORY_SAMPLES=<file>: every
// PARLEY_MEMORY_EVERY_MS (default 2000) ms, appends one JSON line with the process's memory
// as V8 and the OS see it (bytes) and its age in ms. A benchmark reads the file to judge
// whether memory stays flat; the timer is unref'd, so it never keeps the process alive.
import { appendFileSync } from 'node:fs';

const file = process.env.PARLEY_MEMORY_SAMPLES;
const every = Number(process.env.PARLEY_MEMORY_EVERY_MS ?? 2000);
if (file) {
  const t0 = performance.now();
  setInterval(() => {
    const m = process.memoryUsage();
    const sample = {
      ms: Math.round(performance.now() - t0),
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
    };
    appendFileSync(file, JSON.stringify(sample) + '\n');
  }, every).unref();
}
