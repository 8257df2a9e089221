import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ANALYSIS_SCHEMA_FILE } from '../../src/report/json/write-schema.js';

const bin = new URL('../../bin/parley.js', import.meta.url).pathname;
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, PARLEY_DEBUG: '' } });

describe('the installed command (bin/parley.js in a child process)', () => {
  it('prints analysis JSON that validates against the published schema, and exits 0', () => {
    const r = run(['analyze', 'anac/2011/Energy', '--json']);
    expect(r.status).toBe(0);
    const schema = z.fromJSONSchema(JSON.parse(readFileSync(ANALYSIS_SCHEMA_FILE, 'utf8')));
    expect(schema.safeParse(JSON.parse(r.stdout)).error).toBeUndefined();
  });

  it('exits 1 on a missing file and 2 on an unknown option', () => {
    const missing = run(['analyze', 'no/such/file.yaml']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('[PARLEY_E_FILE_NOT_FOUND]');
    expect(run(['analyze', 'cairo-2024', '--frobnicate']).status).toBe(2);
  });
});
