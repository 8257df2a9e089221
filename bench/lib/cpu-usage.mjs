// `node --import <this file> …` with PARLEY_CPU_USAGE=<file>: at exit, writes the whole
// process's CPU time (user and system, start-up included) and peak memory to that file.
import { writeFileSync } from 'node:fs';

const file = process.env.PARLEY_CPU_USAGE;
if (file)
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(
      file,
      JSON.stringify({ user: user / 1e6, system: system / 1e6, maxRssKiB: process.resourceUsage().maxRSS }),
    );
  });
