import { readFileSync } from 'node:fs';

/** parley's version, from its package.json, so `--version` and JSON output never drift from the release. */
export const PARLEY_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
