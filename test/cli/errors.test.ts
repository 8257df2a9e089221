import { describe, expect, it } from 'vitest';
import { ParleyError } from '../../src/core/errors.js';
import { capturingIo } from '../../src/cli/io.js';
import { reportError } from '../../src/cli/report-error.js';

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
