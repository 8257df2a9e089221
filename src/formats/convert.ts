import { extname } from 'node:path';
import { ParleyError } from '../core/errors.js';
import { writeFileAtomic, writeFolderAtomic } from './atomic-write.js';
import { isDirectory } from './file-io.js';
import { geniusFiles } from './genius/index.js';
import { geniusWebFiles } from './geniusweb/index.js';
import { loadInput } from './input.js';
import { writeScenarioText } from './scenario/index.js';

export type OutputFormat = 'genius' | 'geniusweb' | 'yaml' | 'json';

export interface ConvertOptions {
  readonly format?: OutputFormat;
}

/** The output format: the option, else the extension of `out` (.yaml/.yml/.json), else a GENIUS folder. */
export function outputFormat(out: string, opts: ConvertOptions = {}): OutputFormat {
  if (opts.format) return opts.format;
  const ext = extname(out).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json' && !isDirectory(out)) return 'json';
  if (ext === '' || isDirectory(out)) return 'genius';
  throw new ParleyError('PARLEY_E_USAGE', `cannot tell the output format from "${out}"`, {
    expected: 'a .yaml or .json file, a folder, or --format genius|geniusweb|yaml|json',
  });
}

/**
 * Converts inputs (anything `loadInput` takes) to `out`. Lossy conversions are refused
 * before anything is written, and every write is atomic.
 */
export function convert(inputs: readonly string[], out: string, opts: ConvertOptions = {}): void {
  const format = outputFormat(out, opts);
  const scenario = loadInput(inputs);
  switch (format) {
    case 'yaml':
    case 'json':
      writeFileAtomic(out, writeScenarioText(scenario, format));
      return;
    case 'genius':
      writeFolderAtomic(out, geniusFiles(scenario));
      return;
    case 'geniusweb':
      writeFolderAtomic(out, geniusWebFiles(scenario));
      return;
  }
}
