import { ParleyError } from '../../core/errors.js';
import type { Domain } from '../../core/domain.js';
import { bareScenario, type Scenario } from '../../core/scenario.js';
import { readText, stem } from '../file-io.js';
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

interface Loaded {
  readonly path: string;
  readonly doc: JsonDocument;
  readonly value: JsonObject;
}

function load(path: string): Loaded {
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
function domainOf(domainFile: Loaded | undefined, profiles: readonly Loaded[], name: string): Domain {
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
      'the profile embeds no domain and no domain file was given',
      'a GeniusWeb domain file',
    );
  return readGeniusWebDomain(first.doc, body.domain, name);
}

/** Reads GeniusWeb files (domain optional) with parties in the order given. */
export function readGeniusWebFiles(
  domainPath: string | undefined,
  profilePaths: readonly string[],
  name: string,
  origin?: string,
): Scenario {
  const domainFile = domainPath === undefined ? undefined : load(domainPath);
  const profiles = profilePaths.map(load);
  const domain = domainOf(domainFile, profiles, name);
  const parties = profiles.map((p) => readGeniusWebProfile(p.doc, p.value, domain, stem(p.path)));
  return bareScenario(name, domain, parties, origin);
}

/** Splits a folder's JSON files into GeniusWeb domain and profiles; undefined when none are GeniusWeb. */
export function geniusWebFolderFiles(
  folder: string,
  paths: readonly string[],
): { domain: string; profiles: string[] } | undefined {
  const domains: string[] = [];
  const profiles: string[] = [];
  for (const path of paths.filter((p) => p.toLowerCase().endsWith('.json'))) {
    const role = geniusWebRole(load(path).value);
    if (role === 'domain') domains.push(path);
    else if (role === 'profile') profiles.push(path);
  }
  if (domains.length === 0 && profiles.length === 0) return undefined;
  if (domains.length !== 1) {
    const found = domains.length === 0 ? 'no domain file' : `${domains.length} domain files (${domains.join(', ')})`;
    throw new ParleyError('PARLEY_E_INPUT', `${folder}: found ${found}`, {
      position: { file: folder },
      expected: 'exactly one GeniusWeb domain file (with "issuesValues")',
    });
  }
  return { domain: domains[0]!, profiles };
}
