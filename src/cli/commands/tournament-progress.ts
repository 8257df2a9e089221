import type { CliIo } from '../io.js';

export interface CountProgress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/**
 * A tournament's progress bar on stderr: negotiations done of all, rate and time left.
 * Drawn only on a terminal; the rate counts only what this run did (not resumed results).
 */
export async function countProgress(io: CliIo, label: string, alreadyDone: number): Promise<CountProgress> {
  if (!io.errIsTTY || !io.errStream) return { update: () => {}, stop: () => {} };
  const { default: cliProgress } = await import('cli-progress');
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} | {rate}/s | ETA {left}`,
      stream: io.errStream,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  return {
    update(done, total) {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? (done - alreadyDone) / seconds : 0;
      const left = rate > 0 ? `${Math.ceil((total - done) / rate)}s` : '–';
      const payload = { rate: rate.toFixed(0), left };
      if (!begun) {
        bar.start(total, done, payload);
        begun = true;
      } else bar.update(done, payload);
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
