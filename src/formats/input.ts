import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { ParleyError } from '../core/errors.js';
import type { Scenario } from '../core/scenario.js';
import { closeBuiltinNames, findBuiltin, type Builtin } from './builtin.js';
import { filesIn, isDirectory, readText, stem } from './file-io.js';
import { geniusFolderFiles, geniusRole, readGeniusFiles } from './genius/index.js';
import { geniusWebFolderFiles, geniusWebRole, readGeniusWebFiles } from './geniusweb/index.js';
import { parseJsonDocument } from './json-tree.js';
import { isParleyScenarioJson, readScenarioFile } from './scenario/index.js';

export type InputFormat = 'parley-yaml' | 'parley-json' | 'genius' | 'geniusweb';

export interface ResolvedInput {
  readonly scenario: Scenario;
  readonly format: InputFormat;
  /** The built-in's canonical name, when the input named one. */
  readonly builtin?: string;
}

const FORMAT_NAMES: Record<InputFormat, string> = {
  'parley-yaml': 'parley scenario (YAML)',
  'parley-json': 'parley scenario (JSON)',
  genius: 'GENIUS XML',
  geniusweb: 'GeniusWeb JSON',
};

export const formatName = (f: InputFormat): string => FORMAT_NAMES[f];

function readFolder(folder: string, name: string, origin?: string): ResolvedInput {
  const files = filesIn(folder);
  const genius = geniusFolderFiles(folder, files);
  if (genius)
    return {
      scenario: readGeniusFiles(genius.domain, genius.profiles, name, origin ?? `GENIUS XML (${folder})`),
      format: 'genius',
    };
  const web = geniusWebFolderFiles(folder, files);
  if (web)
    return {
      scenario: readGeniusWebFiles(web.domain, web.profiles, name, origin ?? `GeniusWeb JSON (${folder})`),
      format: 'geniusweb',
    };
  throw new ParleyError('PARLEY_E_INPUT', `${folder}: no GENIUS or GeniusWeb files found in the folder`, {
    position: { file: folder },
    expected: 'a GENIUS domain (<negotiation_template>) with profiles, or a GeniusWeb domain with profiles',
  });
}

function isParleyJson(path: string): boolean {
  const doc = parseJsonDocument(readText(path), path);
  return isParleyScenarioJson(doc.value);
}

/** Explicit files: one domain and N profiles (GENIUS or GeniusWeb), parties in the order given. */
function readFiles(paths: readonly string[]): ResolvedInput {
  const name = stem(paths[0]!);
  if (paths.every((p) => extname(p).toLowerCase() === '.xml')) {
    const roles = paths.map((p) => ({ p, role: geniusRole(readText(p)) }));
    const unknown = roles.find((r) => r.role === undefined);
    if (unknown)
      throw new ParleyError('PARLEY_E_FORMAT', `${unknown.p}: not a GENIUS domain or profile`, {
        position: { file: unknown.p, line: 1, column: 1 },
        expected: 'root element <negotiation_template> or <utility_space>',
      });
    const domains = roles.filter((r) => r.role === 'domain');
    if (domains.length !== 1)
      throw new ParleyError('PARLEY_E_INPUT', `${domains.length} GENIUS domain files given`, {
        expected: 'exactly one file with root <negotiation_template>',
      });
    const profiles = roles.filter((r) => r.role === 'profile').map((r) => r.p);
    return {
      scenario: readGeniusFiles(domains[0]!.p, profiles, stem(domains[0]!.p), 'GENIUS XML files'),
      format: 'genius',
    };
  }
  if (paths.every((p) => extname(p).toLowerCase() === '.json')) {
    const roles = paths.map((p) => ({ p, role: geniusWebRole(parseJsonDocument(readText(p), p).value) }));
    const unknown = roles.find((r) => r.role === undefined);
    if (unknown)
      throw new ParleyError('PARLEY_E_FORMAT', `${unknown.p}: not a GeniusWeb domain or profile`, {
        position: { file: unknown.p, line: 1, column: 1 },
        expected: 'an object with "issuesValues" (domain) or "LinearAdditiveUtilitySpace" (profile)',
      });
    const domains = roles.filter((r) => r.role === 'domain');
    if (domains.length > 1)
      throw new ParleyError('PARLEY_E_INPUT', `${domains.length} GeniusWeb domain files given`, {
        expected: 'at most one GeniusWeb domain file',
      });
    const profiles = roles.filter((r) => r.role === 'profile').map((r) => r.p);
    return {
      scenario: readGeniusWebFiles(
        domains[0]?.p,
        profiles,
        domains[0] ? stem(domains[0].p) : name,
        'GeniusWeb JSON files',
      ),
      format: 'geniusweb',
    };
  }
  throw new ParleyError('PARLEY_E_USAGE', `cannot mix file types: ${paths.join(', ')}`, {
    expected: 'GENIUS .xml files only, or GeniusWeb .json files only',
  });
}

function readPath(path: string): ResolvedInput {
  if (isDirectory(path)) return readFolder(path, basename(resolve(path)));
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return { scenario: readScenarioFile(path), format: 'parley-yaml' };
  if (ext === '.json' && isParleyJson(path)) return { scenario: readScenarioFile(path), format: 'parley-json' };
  return readFiles([path]);
}

function readBuiltin(b: Builtin): ResolvedInput {
  if (b.kind === 'parley') {
    const scenario = readScenarioFile(b.path);
    return { scenario, format: b.path.endsWith('.json') ? 'parley-json' : 'parley-yaml', builtin: b.name };
  }
  const r = readFolder(b.path, b.name, b.origin);
  return { ...r, builtin: b.name };
}

function notFound(input: string): ParleyError {
  const close = closeBuiltinNames(input);
  return new ParleyError(
    'PARLEY_E_FILE_NOT_FOUND',
    `"${input}" is neither a file, a folder nor a built-in scenario; close built-in names: ${close.join(', ')}`,
    {
      expected: 'a path, or a built-in name such as cairo-2024 or anac/2011/Energy (`parley list` shows all)',
    },
  );
}

/** Resolves command inputs to a scenario, and says which format it came from. */
export function resolveInput(inputs: readonly string[]): ResolvedInput {
  if (inputs.length === 0)
    throw new ParleyError('PARLEY_E_USAGE', 'no input given', {
      expected: 'a built-in name, a scenario file, a folder, or a domain file and profile files',
    });
  if (inputs.length > 1) {
    const missing = inputs.find((p) => !existsSync(p));
    if (missing) throw notFound(missing);
    return readFiles(inputs);
  }
  const input = inputs[0]!;
  if (existsSync(input)) return readPath(input);
  const builtin = findBuiltin(input);
  if (builtin) return readBuiltin(builtin);
  throw notFound(input);
}

/** The resolver every command uses: a built-in name, a scenario file, a folder, or explicit files. */
export function loadInput(inputs: readonly string[]): Scenario {
  return resolveInput(inputs).scenario;
}
