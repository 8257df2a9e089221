import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface Progress {
  /** Pass to long computations as `onProgress`. */
  readonly update: (fraction: number) => void;
  readonly stop: () => void;
}

/**
 * A progress bar on stderr for long runs: drawn only when stderr is a terminal, and only
 * once the work has taken longer than `delayMs`, so quick runs print nothing extra.
 */
export function progressBar(io: CliIo, label: string, delayMs = 400): Progress {
  if (!io.errIsTTY || !io.errStream) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(fraction) {
      if (!bar && Date.now() - started < delayMs) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {percentage}% | {elapsed}s`,
            stream: io.errStream,
            clearOnComplete: true,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(1000, 0, { elapsed: '0' });
      }
      // Elapsed from the start of the work, not of the bar, which appears only after a delay.
      bar.update(Math.round(Math.min(1, Math.max(0, fraction)) * 1000), {
        elapsed: ((Date.now() - started) / 1000).toFixed(0),
      });
    },
    stop() {
      bar?.stop();
    },
  };
}
