/** What a benchmark ran on, for its results file. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface Machine {
  readonly date: string;
  readonly uname: string;
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
}

export function describeMachine(): Machine {
  let uname = '';
  try {
    uname = execFileSync('uname', ['-a'], { encoding: 'utf8' }).trim();
  } catch {
    uname = `${process.platform} ${process.arch}`;
  }
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1]!.trim();
  } catch {
    // not Linux: keep what os.cpus() says
  }
  return { date: new Date().toISOString(), uname, cpu, cores: cpus().length, node: process.version };
}

export function machineLines(m: Machine): string[] {
  return [`- Date: ${m.date}`, `- Machine: \`${m.uname}\``, `- CPU: ${m.cpu} (${m.cores} cores)`, `- Node: ${m.node}`];
}
