/**
 * Where a command writes. Commands never touch `process` directly, so tests run them
 * in-process and capture their output, and the progress bar knows whether a terminal is there.
 */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** stderr is a terminal: progress bars may be drawn on it. */
  readonly errIsTTY: boolean;
  /** The stream a progress bar draws on, when there is a terminal. */
  readonly errStream?: NodeJS.WriteStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

let pipeGuarded = false;

/** `parley list | head` closes the pipe early: stop quietly, as Unix tools do, not with a stack. */
function guardClosedPipes(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

export function processIo(): CliIo {
  guardClosedPipes();
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    errIsTTY: process.stderr.isTTY === true,
    errStream: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  };
}

/** An io that keeps what is written, for tests and for programs that embed the command. */
export function capturingIo(
  cwd = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = {},
): CliIo & { stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    errIsTTY: false,
    cwd,
    env,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
