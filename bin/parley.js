#!/usr/bin/env node
// The `parley` command runs the JavaScript build in dist/ (made by `npm install` through the
// `prepare` script, or `npm run build`). In a clone without a build it falls back to the
// TypeScript sources through tsx, with a note, so the command never silently fails to start.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
let main;
if (existsSync(built)) ({ main } = await import(built.href));
else {
  process.stderr.write('parley: note: no build in dist/ (run `npm run build`); running the TypeScript sources\n');
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
