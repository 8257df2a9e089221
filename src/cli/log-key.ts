import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParleyError } from '../core/errors.js';
import type { CliIo } from './io.js';

export const LOG_KEY_ENV = 'PARLEY_LOG_KEY';

export const LOG_KEY_HELP =
  "HMAC key for the event log's seal: the key itself, or @file to read it from a file (default: $PARLEY_LOG_KEY)";

/**
 * The key that signs (`run`) or checks (`replay`) a log's seal: `--key` as given, `@file`
 * read from a file (so the key need not appear in the process list), else $PARLEY_LOG_KEY.
 */
export function logKey(option: string | undefined, io: CliIo): string | undefined {
  const given = option ?? io.env[LOG_KEY_ENV];
  if (given === undefined) return undefined;
  let key = given;
  if (given.startsWith('@')) {
    const file = resolve(io.cwd, given.slice(1));
    try {
      key = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (cause) {
      throw new ParleyError('PARLEY_E_FILE_NOT_FOUND', `cannot read the key file ${given.slice(1)}`, {
        position: { file },
        cause,
      });
    }
  }
  if (key === '')
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `the log key is empty (${option === undefined ? `$${LOG_KEY_ENV}` : '--key'}); give a non-empty key`,
    );
  return key;
}
