/**
 * One cold frontier run in a fresh process, for bench/frontier.bench.ts: reads the domain,
 * computes its frontier and prints JSON with the time since the process started.
 */
import { paretoFrontier } from '../src/analysis/index.js';
import { loadAnac } from '../test/support/anac.js';

const [domain, limit] = process.argv.slice(2);
const result = paretoFrontier(loadAnac(domain!), { timeLimit: Number(limit ?? 60) });
process.stdout.write(
  JSON.stringify({ sinceStart: performance.now() / 1000, points: result.frontier.length, exact: result.exact }) + '\n',
);
