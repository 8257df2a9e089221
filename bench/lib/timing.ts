/** Small timing helpers shared by the benchmarks. */
import { spawnSync } from 'node:child_process';

export function seconds(run: () => void): number {
  const t = performance.now();
  run();
  return (performance.now() - t) / 1000;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Warm timing: one warm-up run, then the median of several (fewer when a run is slow, so
 * that multi-second searches do not dominate the benchmark's own run time).
 */
export function warmSeconds(run: () => void): number {
  const first = seconds(run);
  const runs = first > 2 ? 1 : first > 0.2 ? 3 : 7;
  return median(Array.from({ length: runs }, () => seconds(run)));
}

/** Wall-clock seconds of a new process (`tsx script args`) and its JSON output. */
export function coldRun(script: string, args: readonly string[]): { seconds: number; output: unknown } {
  const t = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - t) / 1000;
  if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${child.stderr.slice(0, 500)}`);
  return { seconds: wall, output: JSON.parse(child.stdout) };
}
