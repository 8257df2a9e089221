import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Domain } from '../core/domain.js';
import { ParleyError } from '../core/errors.js';
import type { Scenario } from '../core/scenario.js';
import { closeBuiltinNames, findBuiltin, type Builtin } from './builtin.js';
import { classifyFile, describeFile, isParetoFile, type ClassifiedFile } from './classify.js';
import { entriesIn, isDirectory } from './file-io.js';
import { readFileSet, type FileSetContent, type FileSetOrigin, type InputFormat } from './file-sets.js';
import { readScenarioFile } from './scenario/index.js';
import { listed, shown } from './text-limits.js';
import type { FormatWarning, WarningSink } from './warnings.js';

export type { InputFormat } from './file-sets.js';

export interface ResolvedInput {
  readonly scenario: Scenario;
  readonly format: InputFormat;
  /** The built-in's canonical name, when the input named one. */
  readonly builtin?: string;
  /** Lenient forms read (as GENIUS reads them) and files skipped in a folder. */
  readonly warnings: readonly FormatWarning[];
}

/** What inputs hold, including a domain alone (which `validate` summarises and other commands refuse). */
export type InspectedInput =
  | ({ readonly kind: 'scenario' } & ResolvedInput)
  | {
      readonly kind: 'domain';
      readonly domain: Domain;
      readonly format: InputFormat;
      readonly file: string;
      readonly builtin?: string;
      readonly warnings: readonly FormatWarning[];
    };

const FORMAT_NAMES: Record<InputFormat, string> = {
  'parley-yaml': 'parley scenario (YAML)',
  'parley-json': 'parley scenario (JSON)',
  genius: 'GENIUS XML',
  geniusweb: 'GeniusWeb JSON',
};

export const formatName = (f: InputFormat): string => FORMAT_NAMES[f];

const scenarioFormat = (path: string): InputFormat =>
  extname(path).toLowerCase() === '.json' ? 'parley-json' : 'parley-yaml';

/** The first bytes of a regular file, without reading the rest of it. */
function headOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(512);
    return buffer.subarray(0, readSync(fd, buffer, 0, 512, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * A file of another extension is skipped with a warning, unless it is a domain or profile
 * under another name (`buyer.xml.bak`): that would be a party lost, so it is an error.
 */
function otherFile(path: string, skip: (why: string) => undefined): undefined {
  if (
    !statSync(path).isFile() ||
    !/^\s*[<{]/.test(
      headOf(path)
        .replace(/^(\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)/, '')
        .replace(/\0/g, ''),
    )
  )
    return skip('not a .xml or .json file');
  let file: ClassifiedFile;
  try {
    file = classifyFile(path, () => {});
  } catch {
    return skip('not a .xml or .json file, nor a domain or profile');
  }
  if (file.kind === 'parley') return skip('a parley scenario (give it on its own to read it)');
  throw new ParleyError(
    'PARLEY_E_INPUT',
    `is ${describeFile(file)}, but its name does not end in .${file.kind === 'genius' ? 'xml' : 'json'}`,
    {
      position: { file: path },
      expected: `every party file of a folder named .${file.kind === 'genius' ? 'xml' : 'json'} (rename it, or move it out of the folder)`,
    },
  );
}

/** Reads one folder entry, or says in a warning why it is skipped; unreadable party files are errors. */
function classifyEntry(path: string, warn: WarningSink): ClassifiedFile | undefined {
  const skip = (why: string) => void warn({ position: { file: path }, message: `skipped: ${why}` });
  if (isDirectory(path)) return skip('a sub-folder (folders are not read recursively)');
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return skip('a parley scenario (give it on its own to read it)');
  if (ext !== '.xml' && ext !== '.json') return otherFile(path, skip);
  try {
    const file = classifyFile(path, warn);
    if (file.kind === 'parley') return skip('a parley scenario (give it on its own to read it)');
    return file;
  } catch (e) {
    if (isParetoFile(path) && statSync(path).isFile()) return skip('a Pareto frontier file, not a domain or profile');
    throw e;
  }
}

function readFolder(folder: string, at: FileSetOrigin, warn: WarningSink): FileSetContent {
  const skipped: string[] = [];
  const noting: WarningSink = (w) => {
    if (w.message.startsWith('skipped: ')) skipped.push(basename(w.position.file));
    warn(w);
  };
  const files = entriesIn(folder)
    .map((p) => classifyEntry(p, noting))
    .filter((f): f is ClassifiedFile => f !== undefined);
  if (files.length === 0)
    throw new ParleyError(
      'PARLEY_E_INPUT',
      `the folder holds no GENIUS or GeniusWeb files${skipped.length ? ` (skipped: ${listed(skipped, 6, false)})` : ''}`,
      {
        position: { file: folder },
        expected: 'a GENIUS domain (<negotiation_template>) with profiles, or a GeniusWeb domain with profiles',
      },
    );
  return readFileSet(files, { ...at, folder }, warn);
}

/** Explicit files: one domain and N profiles (GENIUS or GeniusWeb), or one parley scenario. */
function readFiles(paths: readonly string[], warn: WarningSink): FileSetContent {
  const files = paths.map((p) => {
    if (isDirectory(p))
      throw new ParleyError('PARLEY_E_USAGE', 'is a folder; give a folder on its own, or files only', {
        position: { file: p },
        expected: 'one folder, or a domain file and profile files',
      });
    return classifyFile(p, warn);
  });
  if (files.length === 1 && files[0]!.kind === 'parley') {
    const path = files[0]!.path;
    return { kind: 'scenario', scenario: readScenarioFile(path, warn), format: scenarioFormat(path) };
  }
  return readFileSet(files, {}, warn);
}

function readBuiltin(b: Builtin, warn: WarningSink): FileSetContent {
  if (b.kind === 'parley')
    return { kind: 'scenario', scenario: readScenarioFile(b.path, warn), format: scenarioFormat(b.path) };
  return readFolder(b.path, { name: b.name, origin: b.origin }, warn);
}

function notFound(input: string): ParleyError {
  const close = closeBuiltinNames(input);
  return new ParleyError(
    'PARLEY_E_FILE_NOT_FOUND',
    `"${shown(input, 80)}" is neither a file, a folder nor a built-in scenario; close built-in names: ${close.join(', ')}`,
    {
      expected: 'a path, or a built-in name such as cairo-2024 or anac/2011/Energy (`parley list` shows all)',
    },
  );
}

function contentOf(inputs: readonly string[], warn: WarningSink): { content: FileSetContent; builtin?: string } {
  if (inputs.length === 0)
    throw new ParleyError('PARLEY_E_USAGE', 'no input given', {
      expected: 'a built-in name, a scenario file, a folder, or a domain file and profile files',
    });
  if (inputs.length > 1) {
    const missing = inputs.find((p) => !existsSync(p));
    if (missing) throw notFound(missing);
    return { content: readFiles(inputs, warn) };
  }
  const input = inputs[0]!;
  if (existsSync(input))
    return {
      content: isDirectory(input)
        ? readFolder(input, { name: basename(resolve(input)) }, warn)
        : readFiles([input], warn),
    };
  const builtin = findBuiltin(input);
  if (builtin) return { content: readBuiltin(builtin, warn), builtin: builtin.name };
  throw notFound(input);
}

/** Reads inputs and says what they hold, a domain alone included, with every lenient form read. */
export function inspectInput(inputs: readonly string[]): InspectedInput {
  const warnings: FormatWarning[] = [];
  const { content, builtin } = contentOf(inputs, (w) => void warnings.push(w));
  return { ...content, ...(builtin === undefined ? {} : { builtin }), warnings };
}

/** Resolves command inputs to a scenario, and says which format it came from. */
export function resolveInput(inputs: readonly string[]): ResolvedInput {
  const inspected = inspectInput(inputs);
  if (inspected.kind === 'domain')
    throw new ParleyError(
      'PARLEY_E_INPUT',
      `is a ${formatName(inspected.format)} domain with no utility profiles; give its profile files too`,
      {
        position: { file: inspected.file },
        expected: "the domain with each party's profile (`parley validate` summarises a domain alone)",
      },
    );
  const { kind: _kind, ...resolved } = inspected;
  return resolved;
}

/**
 * The resolver every command uses: a built-in name, a scenario file, a folder, or explicit
 * files. `onWarnings` hears of lenient forms read and files skipped, when there are any.
 */
export function loadInput(
  inputs: readonly string[],
  onWarnings?: (warnings: readonly FormatWarning[]) => void,
): Scenario {
  const resolved = resolveInput(inputs);
  if (onWarnings && resolved.warnings.length > 0) onWarnings(resolved.warnings);
  return resolved.scenario;
}
