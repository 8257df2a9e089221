import { basename, extname } from 'node:path';
import { ParleyError } from '../core/errors.js';
import { readText } from './file-io.js';
import { GENIUS_DOMAIN_ROOT, GENIUS_PROFILE_ROOT } from './genius/domain-reader.js';
import { geniusWebRole } from './geniusweb/folder.js';
import { isObject, type JsonObject } from './json-read.js';
import { parseJsonDocument, type JsonDocument } from './json-tree.js';
import { isParleyScenarioJson } from './scenario/index.js';
import { shown } from './text-limits.js';
import type { WarningSink } from './warnings.js';
import { parseXmlDocument, type XmlDocument } from './xml-tree.js';

export type Role = 'domain' | 'profile';

/** One input file, read once and classified by its content, as GENIUS classifies files by their root. */
export type ClassifiedFile =
  | { readonly kind: 'genius'; readonly role: Role; readonly path: string; readonly doc: XmlDocument }
  | {
      readonly kind: 'geniusweb';
      readonly role: Role;
      readonly path: string;
      readonly doc: JsonDocument;
      readonly value: JsonObject;
    }
  | { readonly kind: 'parley'; readonly path: string };

export const KIND_NAMES: Record<ClassifiedFile['kind'], string> = {
  genius: 'GENIUS XML',
  geniusweb: 'GeniusWeb JSON',
  parley: 'a parley scenario',
};

/** What a classified file is, in words: `a GENIUS domain`, `a GeniusWeb profile`. */
export function describeFile(f: ClassifiedFile): string {
  if (f.kind === 'parley') return 'a parley scenario';
  const role = f.role === 'domain' ? 'domain' : 'utility profile';
  return `a ${f.kind === 'genius' ? 'GENIUS' : 'GeniusWeb'} ${role}`;
}

const fileError = (path: string, message: string, expected: string): ParleyError =>
  new ParleyError('PARLEY_E_INPUT', message, { position: { file: path }, expected });

function classifyXml(path: string, text: string, warn: WarningSink): ClassifiedFile {
  const doc = parseXmlDocument(text, path, warn);
  const root = doc.root.name;
  if (root === GENIUS_DOMAIN_ROOT) return { kind: 'genius', role: 'domain', path, doc };
  if (root === GENIUS_PROFILE_ROOT) return { kind: 'genius', role: 'profile', path, doc };
  const local = root.slice(root.indexOf(':') + 1);
  const where = doc.positions.at(doc.root.offset);
  if (local !== root && (local === GENIUS_DOMAIN_ROOT || local === GENIUS_PROFILE_ROOT))
    throw new ParleyError(
      'PARLEY_E_FORMAT',
      `root element <${shown(root, 60)}> has a namespace prefix, which GENIUS does not read`,
      { position: where, expected: `<${local}> without a prefix` },
    );
  throw new ParleyError(
    'PARLEY_E_FORMAT',
    `root element <${shown(root, 60)}> is neither a GENIUS domain nor a GENIUS profile`,
    { position: where, expected: `<${GENIUS_DOMAIN_ROOT}> (a domain) or <${GENIUS_PROFILE_ROOT}> (a profile)` },
  );
}

function classifyJson(path: string, text: string, warn: WarningSink): ClassifiedFile {
  const doc = parseJsonDocument(text, path);
  for (const d of doc.duplicates.slice(0, 100))
    warn({
      position: doc.positions.at(d.offset),
      message: `member "${shown(d.key, 40)}" is given twice: the last one is read`,
    });
  if (isParleyScenarioJson(doc.value)) return { kind: 'parley', path };
  const role = geniusWebRole(doc.value);
  if (role && isObject(doc.value)) return { kind: 'geniusweb', role, path, doc, value: doc.value };
  throw new ParleyError('PARLEY_E_FORMAT', 'is JSON, but neither a parley scenario nor a GeniusWeb domain or profile', {
    position: { file: path, line: 1, column: 1 },
    expected:
      'a "parley:" version key, "issuesValues" (a GeniusWeb domain) or "LinearAdditiveUtilitySpace" (a profile)',
  });
}

/**
 * Reads one file and says what it is. `.yaml`/`.yml` files are parley scenarios; anything
 * else is classified by its content (XML or JSON), whatever its name. Every failure is an
 * error naming the file and what it is instead: a device, a binary file, empty, not XML.
 */
export function classifyFile(path: string, warn: WarningSink): ClassifiedFile {
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return { kind: 'parley', path };
  const text = readText(path, warn);
  const start = text.search(/\S/);
  if (start < 0) throw fileError(path, 'is empty', 'a GENIUS XML, GeniusWeb JSON or parley scenario file');
  const first = text[start];
  if (ext === '.xml' || (ext !== '.json' && first === '<')) return classifyXml(path, text, warn);
  if (ext === '.json' || first === '{' || first === '[') return classifyJson(path, text, warn);
  throw fileError(
    path,
    `is neither XML nor JSON (it begins with "${shown(text.slice(start, start + 20), 20)}")`,
    'a GENIUS .xml file, a GeniusWeb .json file, or a parley scenario (.yaml, .yml, .json)',
  );
}

/** A file in a GENIUS folder that is not meant as a party: the reference Pareto frontier. */
export const isParetoFile = (path: string): boolean => /pareto/i.test(basename(path));
