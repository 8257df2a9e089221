import { ParleyError } from '../../core/errors.js';
import type { Domain } from '../../core/domain.js';
import { bareScenario, type Scenario } from '../../core/scenario.js';
import { readText, stem } from '../file-io.js';
import { checkDistinctParties } from '../genius/folder.js';
import { isObject, jsonErrorAt, type JsonObject } from '../json-read.js';
import { parseJsonDocument, type JsonDocument } from '../json-tree.js';
import { readGeniusWebDomain } from './domain.js';
import { profileBody, readGeniusWebProfile } from './profile.js';

export type GeniusWebRole = 'domain' | 'profile';

/** A GeniusWeb file by its content: a domain has `issuesValues`, a profile `issueUtilities`. */
export function geniusWebRole(value: unknown): GeniusWebRole | undefined {
  if (!isObject(value)) return undefined;
  if (isObject(value.issuesValues)) return 'domain';
  if (value.issueUtilities !== undefined || isObject(value.LinearAdditiveUtilitySpace)) return 'profile';
  return undefined;
}

/** A parsed GeniusWeb file and where it came from. */
export interface GeniusWebFile {
  readonly path: string;
  readonly doc: JsonDocument;
  readonly value: JsonObject;
}

function load(path: string): GeniusWebFile {
  const doc = parseJsonDocument(readText(path), path);
  if (!isObject(doc.value))
    throw jsonErrorAt(
      doc,
      doc.value,
      undefined,
      'the file is not a JSON object',
      'a GeniusWeb domain or profile object',
    );
  return { path, doc, value: doc.value };
}

/** The domain: from the domain file, or else the one embedded in the first profile. */
function domainOf(domainFile: GeniusWebFile | undefined, profiles: readonly GeniusWebFile[], name: string): Domain {
  if (domainFile) return readGeniusWebDomain(domainFile.doc, domainFile.value, name);
  const first = profiles[0];
  if (!first)
    throw new ParleyError('PARLEY_E_INPUT', 'no GeniusWeb domain or profile given', {
      expected: 'a domain file and profile files',
    });
  const body = profileBody(first.doc, first.value);
  if (!isObject(body.domain))
    throw jsonErrorAt(
      first.doc,
      body,
      undefined,
      'is a GeniusWeb utility profile that embeds no domain; give its domain file too',
      'a GeniusWeb domain file (with "issuesValues") with the profiles',
    );
  return readGeniusWebDomain(first.doc, body.domain, name);
}

/** Reads parsed GeniusWeb files (domain optional) with parties in the order given. */
export function readGeniusWebSet(
  domainFile: GeniusWebFile | undefined,
  profiles: readonly GeniusWebFile[],
  name: string,
  origin?: string,
): Scenario {
  const domain = domainOf(domainFile, profiles, name);
  const parties = profiles.map((p) => readGeniusWebProfile(p.doc, p.value, domain, stem(p.path)));
  checkDistinctParties(
    parties,
    profiles.map((p) => p.path),
  );
  return bareScenario(name, domain, parties, origin);
}

/** The domain of GeniusWeb files alone (a domain file, or the one a profile embeds). */
export function readGeniusWebDomainOf(
  domainFile: GeniusWebFile | undefined,
  profiles: readonly GeniusWebFile[],
  name: string,
): Domain {
  return domainOf(domainFile, profiles, name);
}

/** Reads GeniusWeb files (domain optional) with parties in the order given. */
export function readGeniusWebFiles(
  domainPath: string | undefined,
  profilePaths: readonly string[],
  name: string,
  origin?: string,
): Scenario {
  return readGeniusWebSet(
    domainPath === undefined ? undefined : load(domainPath),
    profilePaths.map(load),
    name,
    origin,
  );
}
