/**
 * Probes of the server bench on this Linux machine: a process's CPU (in all and its main
 * thread's) and memory from /proc, and what one durable commit costs the disk.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLOCK_TICKS = Number(process.env.CLK_TCK ?? 100);

/** CPU seconds (user + system) in a /proc stat file: a process's (all threads) or one thread's. */
function cpuOf(statFile: string): { user: number; system: number } {
  const stat = readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) / CLOCK_TICKS, system: Number(fields[12]) / CLOCK_TICKS };
}

/** The server's CPU (all threads, and its main thread alone, which runs the event loop) and RSS in MiB. */
export function procStat(pid: number): { cpu: number; mainCpu: number; mainSystem: number; rss: number } {
  const all = cpuOf(`/proc/${pid}/stat`);
  const main = cpuOf(`/proc/${pid}/task/${pid}/stat`);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  return { cpu: all.user + all.system, mainCpu: main.user + main.system, mainSystem: main.system, rss };
}

/** What one durable commit costs this disk at least: a 4 KiB write and fdatasync, in ms (median of 200). */
export function fsyncCost(): number {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-fsync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const page = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      writeSync(fd, page, 0, page.length, i * page.length);
      fdatasyncSync(fd);
      times.push(performance.now() - t0);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return times.sort((a, b) => a - b)[100]!;
}
