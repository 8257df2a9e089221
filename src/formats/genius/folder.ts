import { ParleyError } from '../../core/errors.js';
import type { Party } from '../../core/party.js';
import { bareScenario, type Scenario } from '../../core/scenario.js';
import { readText, stem } from '../file-io.js';
import { quoted } from '../text-limits.js';
import { ignoreWarnings, type WarningSink } from '../warnings.js';
import { parseXmlDocument, type XmlDocument } from '../xml-tree.js';
import { readGeniusDomainDocument } from './domain-reader.js';
import { readGeniusProfileDocument } from './profile-reader.js';

/** A parsed GENIUS file and where it came from. */
export interface GeniusFile {
  readonly path: string;
  readonly doc: XmlDocument;
}

/** Party names come from file names; two files of one name (from two folders) would be one party. */
export function checkDistinctParties(parties: readonly Party[], paths: readonly string[]): void {
  const seen = new Map<string, string>();
  parties.forEach((p, i) => {
    const before = seen.get(p.name);
    if (before !== undefined)
      throw new ParleyError('PARLEY_E_INPUT', `two profiles give party ${quoted(p.name)}: ${before} and ${paths[i]}`, {
        position: { file: paths[i]! },
        expected: 'profile files with distinct names (the party is named after its file)',
      });
    seen.set(p.name, paths[i]!);
  });
}

/** Reads a parsed GENIUS domain and profiles (parties in the order given). */
export function readGeniusSet(
  domain: GeniusFile,
  profiles: readonly GeniusFile[],
  name: string,
  origin: string | undefined,
  warn: WarningSink = ignoreWarnings,
): Scenario {
  const g = readGeniusDomainDocument(domain.doc, name, warn);
  const parties = profiles.map((p) => readGeniusProfileDocument(p.doc, g, stem(p.path), warn));
  checkDistinctParties(
    parties,
    profiles.map((p) => p.path),
  );
  return bareScenario(name, g.domain, parties, origin);
}

/** Reads a GENIUS domain file and profile files (parties in the order given). */
export function readGeniusFiles(
  domainPath: string,
  profilePaths: readonly string[],
  name: string,
  origin?: string,
  warn: WarningSink = ignoreWarnings,
): Scenario {
  const load = (path: string): GeniusFile => ({ path, doc: parseXmlDocument(readText(path, warn), path, warn) });
  return readGeniusSet(load(domainPath), profilePaths.map(load), name, origin, warn);
}
