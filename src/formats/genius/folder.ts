import { ParleyError } from '../../core/errors.js';
import { bareScenario, type Scenario } from '../../core/scenario.js';
import { readText, stem } from '../file-io.js';
import { GENIUS_DOMAIN_ROOT, GENIUS_PROFILE_ROOT, readGeniusDomain } from './domain-reader.js';
import { readGeniusProfile } from './profile-reader.js';

/** Name of the first element, skipping declarations and comments; undefined when the text is not XML. */
export function xmlRootName(text: string): string | undefined {
  const stripped = text.replace(/<\?[^]*?\?>|<!--[^]*?-->|<![^>]*>/g, '');
  const m = /^\s*<([A-Za-z_][\w:.-]*)/.exec(stripped);
  return m?.[1];
}

export type GeniusRole = 'domain' | 'profile';

/** Classifies a file by its root element, as GENIUS does (names do not say which is which). */
export function geniusRole(text: string): GeniusRole | undefined {
  const root = xmlRootName(text);
  return root === GENIUS_DOMAIN_ROOT ? 'domain' : root === GENIUS_PROFILE_ROOT ? 'profile' : undefined;
}

/** Reads a GENIUS domain file and profile files (parties in the order given). */
export function readGeniusFiles(
  domainPath: string,
  profilePaths: readonly string[],
  name: string,
  origin?: string,
): Scenario {
  const g = readGeniusDomain(readText(domainPath), domainPath, name);
  const parties = profilePaths.map((path) => readGeniusProfile(readText(path), path, g, stem(path)));
  const names = new Set<string>();
  for (const p of parties) {
    if (names.has(p.name))
      throw new ParleyError('PARLEY_E_INPUT', `two profiles give party "${p.name}"`, {
        expected: 'profile files with distinct names',
      });
    names.add(p.name);
  }
  return bareScenario(name, g.domain, parties, origin);
}

/** Splits the XML files of a folder into its one domain file and its profiles (code-point order). */
export function geniusFolderFiles(
  folder: string,
  paths: readonly string[],
): { domain: string; profiles: string[] } | undefined {
  const domains: string[] = [];
  const profiles: string[] = [];
  for (const path of paths.filter((p) => p.toLowerCase().endsWith('.xml'))) {
    const role = geniusRole(readText(path));
    if (role === 'domain') domains.push(path);
    else if (role === 'profile') profiles.push(path);
  }
  if (domains.length === 0 && profiles.length === 0) return undefined;
  if (domains.length !== 1) {
    const found = domains.length === 0 ? 'no domain file' : `${domains.length} domain files (${domains.join(', ')})`;
    throw new ParleyError('PARLEY_E_INPUT', `${folder}: found ${found}`, {
      position: { file: folder },
      expected: `exactly one file with root <${GENIUS_DOMAIN_ROOT}>`,
    });
  }
  return { domain: domains[0]!, profiles };
}
