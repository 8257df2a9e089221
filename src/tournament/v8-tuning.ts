/**
 * V8's tiering for runs whose worker threads fill every core. Each thread is its own V8
 * isolate and compiles the hot negotiation code itself, on V8's helper threads. With a core
 * to spare that costs the run nothing; when every core runs a worker it takes time from the
 * negotiations. V8 optimises a function once it has run for an "interrupt budget" of
 * bytecode: on the ANAC tournament, eight times V8 11.3's default budget cut each thread's
 * optimising compiles from about 600 to about 230 and their helper-thread CPU by a half. The
 * worker threads pay much of it back by running unoptimised code for longer: measured again
 * on 2 threads (2026-12-01), workers 27.7 CPU-s and helpers 2.5 against 25.2 and 5.3 with the
 * default, the same 31.9 CPU-s in all, and rounds at 2, 4 and 8 times the budget within the
 * machine's noise of each other. So it is close to even on this machine, not a clear gain. Set
 * for local runs whose threads fill every core and for queue workers, only on the V8 it was
 * measured on (Node 20's 11.3), only while such a run lasts, and never when the user chose a
 * budget (`node --interrupt-budget=…`).
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** V8 11.3's default interrupt budget (66 KB of bytecode). */
const V8_DEFAULT_BUDGET = 66 * 1024;
/** The budget while worker threads fill every core. */
export const FULL_CORES_INTERRUPT_BUDGET = 8 * V8_DEFAULT_BUDGET;

let active = 0;

function userChoseBudget(): boolean {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return given.some((a) => a.startsWith('--interrupt-budget') || a.startsWith('--interrupt_budget'));
}

/** Whether `threads` worker threads would get the raised budget on this machine and Node. */
export function raisesBudget(threads: number): boolean {
  return threads >= availableParallelism() && process.versions.v8.startsWith('11.3.') && !userChoseBudget();
}

/**
 * Raises V8's interrupt budget while `threads` worker threads fill every core (see above);
 * returns what puts it back once the last such run in this process ends.
 */
export function tuneTiering(threads: number): () => void {
  if (!raisesBudget(threads)) return () => {};
  if (active++ === 0) setFlagsFromString(`--interrupt-budget=${FULL_CORES_INTERRUPT_BUDGET}`);
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    if (--active === 0) setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_BUDGET}`);
  };
}
