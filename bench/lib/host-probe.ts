/**
 * How fast the host is right now, and how well it runs two threads at once, for a results
 * file: on a shared virtual machine both drift within minutes (other tenants share the memory
 * system), so a figure recorded without them cannot be compared with another.
 *
 * Two fixed JavaScript loads run for two seconds each, on one thread and then on two at once:
 * one only computes, the other only allocates short-lived objects (several times faster than
 * negotiations do). Two threads of the first come close to 2× on free cores; the second is
 * held back by the garbage collector's helper threads, which use the idle core when one
 * thread runs and compete when two do. Work that computes and allocates, as a tournament
 * does, scales somewhere between the two ratios.
 */
import { Worker } from 'node:worker_threads';

export interface LoadProbe {
  /** Rounds per millisecond on one thread. */
  readonly alone: number;
  /** Rounds per millisecond of two threads together, divided by `alone`. */
  readonly pairRatio: number;
}

export interface HostProbe {
  readonly compute: LoadProbe;
  readonly allocate: LoadProbe;
}

const SECONDS = 2;

/** A thread's loop: as many rounds of its load as fit in the time; it posts how many. */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const end = performance.now() + workerData.ms;
let rounds = 0, x = 1, kept = 0;
while (performance.now() < end) {
  if (workerData.load === 'compute') for (let i = 0; i < 1e5; i++) x = (x * 1103515245 + 12345) | 0;
  else { const list = []; for (let i = 0; i < 1e4; i++) list.push({ a: i, b: [i] }); kept += list.length; }
  rounds++;
}
// x and kept add nothing, but being used they keep the compiler from dropping the loops.
parentPort.postMessage(rounds + (x & 0) + (kept & 0));
`;

function runThreads(load: 'compute' | 'allocate', threads: number): Promise<number> {
  const ms = SECONDS * 1000;
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const worker = new Worker(THREAD, { eval: true, workerData: { load, ms } });
      worker.once('message', resolve).once('error', reject);
    });
  return Promise.all(Array.from({ length: threads }, one)).then((counts) => counts.reduce((a, b) => a + b, 0) / ms);
}

async function probeLoad(load: 'compute' | 'allocate'): Promise<LoadProbe> {
  const alone = await runThreads(load, 1);
  const pair = await runThreads(load, 2);
  return { alone, pairRatio: pair / alone };
}

/** About 8 seconds: each load alone, then two at once. */
export async function probeHost(): Promise<HostProbe> {
  return { compute: await probeLoad('compute'), allocate: await probeLoad('allocate') };
}

/** The probe as a results line. */
export function hostProbeLine(p: HostProbe): string {
  const load = (name: string, l: LoadProbe) =>
    `${name} ${l.alone.toFixed(1)} rounds/ms alone, ${l.pairRatio.toFixed(2)}× on two threads`;
  return `- Host probe just before (bench/lib/host-probe.ts; both drift on a shared machine): ${load('computing', p.compute)}; ${load('allocating', p.allocate)}. Work that both computes and allocates, as negotiations do, gets between the two ratios from two threads.`;
}
