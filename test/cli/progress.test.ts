import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { capturingIo } from '../../src/cli/io.js';
import { progressBar } from '../../src/cli/progress.js';

/** A stand-in terminal: it keeps what the bar draws. */
function terminal(): NodeJS.WriteStream & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()),
  }) as unknown as NodeJS.WriteStream & { text(): string };
  Object.assign(stream, {
    isTTY: true,
    columns: 100,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    text: () => chunks.join(''),
  });
  return stream;
}

describe('the progress bar', () => {
  it('draws on a terminal once the work takes longer than the delay', () => {
    const err = terminal();
    const bar = progressBar({ ...capturingIo(), errIsTTY: true, errStream: err }, 'analysing x', 0);
    bar.update(0.5);
    bar.stop();
    expect(err.text()).toContain('analysing x');
    expect(err.text()).toContain('50%');
  });

  it('draws nothing for quick work or when stderr is not a terminal', () => {
    const err = terminal();
    const quick = progressBar({ ...capturingIo(), errIsTTY: true, errStream: err }, 'x', 60_000);
    quick.update(0.5);
    quick.stop();
    expect(err.text()).toBe('');
    const piped = capturingIo();
    const bar = progressBar(piped, 'x', 0);
    bar.update(0.5);
    bar.stop();
    expect(piped.stderr()).toBe('');
  });
});
