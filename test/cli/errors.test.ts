import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../../src/core/errors.js';
import { capturingIo } from '../../src/cli/io.js';
import { reportError } from '../../src/cli/report-error.js';
import { parley, tempDir } from './run.js';

describe('how the command reports errors', () => {
  it('shows a ParleyError with its position and code, and no stack', () => {
    const io = capturingIo();
    const code = reportError(
      new ParleyError('PARLEY_E_PARSE', 'unexpected end', {
        position: { file: 'a.yaml', line: 3, column: 7 },
        expected: 'a value',
      }),
      io,
    );
    expect(code).toBe(1);
    expect(io.stderr()).toBe('parley: a.yaml:3:7: unexpected end (expected a value) [PARLEY_E_PARSE]\n');
  });

  it('exits 2 for a usage error', () => {
    expect(reportError(new ParleyError('PARLEY_E_USAGE', 'no input'), capturingIo())).toBe(2);
  });

  it('exits 3 for anything else and hides the stack unless PARLEY_DEBUG=1', () => {
    const quiet = capturingIo();
    expect(reportError(new TypeError('x is undefined'), quiet)).toBe(3);
    expect(quiet.stderr()).toContain('parley: internal error: x is undefined [PARLEY_E_INTERNAL]');
    expect(quiet.stderr()).not.toMatch(/\n\s+at /);
    const debug = capturingIo(process.cwd(), { PARLEY_DEBUG: '1' });
    reportError(new TypeError('x is undefined'), debug);
    expect(debug.stderr()).toMatch(/\n\s+at /);
  });
});

describe('messages a user sees: one line, naming the file, cut to a readable length', () => {
  it('cuts a message echoing a huge value to one short line', () => {
    const io = capturingIo();
    reportError(
      new ParleyError('PARLEY_E_FORMAT', `value "${'v'.repeat(10_000_000)}\nsecond line" is odd`, {
        position: { file: 'p.xml', line: 1, column: 2 },
        expected: 'x'.repeat(100_000),
      }),
      io,
    );
    expect(io.stderr().split('\n')).toHaveLength(2);
    expect(io.stderr().length).toBeLessThan(1000);
    expect(io.stderr()).toMatch(
      /^parley: p\.xml:1:2: value "v+….* \(10,000,\d+ characters\) \(expected x+…x+ \(100,000 characters\)\) \[PARLEY_E_FORMAT\]\n$/,
    );
  });

  it('says what /dev/null, a FIFO and a binary file are instead of "cannot mix file types"', async () => {
    const dir = tempDir();
    const laptop = 'scenarios/genius/anac/y2011/Laptop/laptop_domain.xml';
    const devNull = await parley(['analyze', '/dev/null', laptop]);
    expect(devNull).toMatchObject({ code: 1, stdout: '' });
    expect(devNull.stderr).toBe(
      'parley: /dev/null: is a character device, not a file (expected a GENIUS, GeniusWeb or parley scenario file) [PARLEY_E_INPUT]\n',
    );
    const fifo = join(dir, 'pipe.xml');
    execFileSync('mkfifo', [fifo]);
    expect((await parley(['validate', fifo])).stderr).toBe(
      `parley: ${fifo}: is a named pipe (FIFO), not a file (expected a GENIUS, GeniusWeb or parley scenario file) [PARLEY_E_INPUT]\n`,
    );
    const binary = join(dir, 'b.xml');
    writeFileSync(binary, Buffer.from([0x3c, 0x61, 0x00, 0x01, 0x02]));
    expect((await parley(['analyze', binary, laptop])).stderr).toMatch(/^parley: .*b\.xml: is a binary file, not text/);
  });

  it('refuses run deadlines outside the accepted range with a usage error', async () => {
    for (const args of [
      ['--rounds', '1e9'],
      ['--rounds', '1e20'],
      ['--rounds', '0'],
    ]) {
      const r = await parley(['run', 'anac/2011/Laptop', '--quiet', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('expected a whole number of rounds from 1 to 10,000.');
    }
    const time = await parley(['run', 'anac/2011/Laptop', '--quiet', '--time', '1e308']);
    expect(time.code).toBe(2);
    expect(time.stderr).toBe(
      'parley: --time 1e+308 is 1.00e+308 rounds long (expected a time above 0 and at most 10,000 (10,000 rounds of 1 each)) [PARLEY_E_USAGE]\n',
    );
  });

  it('validate lists the lenient forms it read as warnings', async () => {
    const r = await parley(['validate', 'test/fixtures/formats/quirks-genius']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'warning: test/fixtures/formats/quirks-genius/pareto.xml: skipped: a Pareto frontier file',
    );
    expect(r.stdout).toMatch(/warning: .*template\.xml:\d+:\d+: blank text stands before the <\?xml …\?> declaration/);
  });

  it('other commands go on after lenient forms, with one note on stderr', async () => {
    const r = await parley(['analyze', 'test/fixtures/formats/quirks-genius']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pareto frontier');
    expect(r.stderr).toBe(
      'parley: note: 1 lenient form read as GENIUS reads it; `parley validate test/fixtures/formats/quirks-genius` lists it\n',
    );
  });

  it('reads a JSON file holding a string of ten megabytes without overflowing the stack', async () => {
    const file = join(tempDir(), 'long.json');
    writeFileSync(file, `{"name": "${'a'.repeat(10_000_000)}", "issuesValues": {"i": {"values": ["x", "y"]}}}`);
    const r = await parley(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GeniusWeb JSON domain, no utility profiles');
    expect(r.stdout.length).toBeLessThan(1000);
  });
});
