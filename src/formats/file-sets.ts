import { basename } from 'node:path';
import type { Domain } from '../core/domain.js';
import { ParleyError } from '../core/errors.js';
import type { Scenario } from '../core/scenario.js';
import { describeFile, KIND_NAMES, type ClassifiedFile } from './classify.js';
import { stem } from './file-io.js';
import { readGeniusDomainDocument, readGeniusSet } from './genius/index.js';
import { readGeniusWebDomainOf, readGeniusWebSet } from './geniusweb/index.js';
import { listed } from './text-limits.js';
import type { WarningSink } from './warnings.js';

export type InputFormat = 'parley-yaml' | 'parley-json' | 'genius' | 'geniusweb';

/** What a set of files holds: a whole scenario, or a domain with no profiles (enough for `validate`). */
export type FileSetContent =
  | { readonly kind: 'scenario'; readonly scenario: Scenario; readonly format: InputFormat }
  | { readonly kind: 'domain'; readonly domain: Domain; readonly format: InputFormat; readonly file: string };

/** Where the files came from: a folder (named in messages) or a list on the command line. */
export interface FileSetOrigin {
  readonly folder?: string;
  readonly name?: string;
  readonly origin?: string;
}

type GeniusEntry = Extract<ClassifiedFile, { kind: 'genius' }>;
type WebEntry = Extract<ClassifiedFile, { kind: 'geniusweb' }>;
type PartyFile = GeniusEntry | WebEntry;

const names = (files: readonly { path: string }[]): string =>
  listed(
    files.map((f) => basename(f.path)),
    6,
    false,
  );

const inputError = (message: string, expected: string, file?: string): ParleyError =>
  new ParleyError('PARLEY_E_INPUT', message, { position: file === undefined ? undefined : { file }, expected });

/** Profiles that belong with a domain by name: `Car-A-domain.xml` goes with `Car-A-prof1.xml`. */
function profilesOf(domain: PartyFile, profiles: readonly PartyFile[]): PartyFile[] {
  const prefix = stem(domain.path).replace(/domain$/i, '');
  return prefix === stem(domain.path) || prefix === ''
    ? []
    : profiles.filter((p) => basename(p.path).startsWith(prefix));
}

/** Several domains in one folder (ANAC 2012's A/B/C in GENIUS's layout): name them and say how to pick one. */
function manyDomains(domains: readonly PartyFile[], profiles: readonly PartyFile[], at: FileSetOrigin): ParleyError {
  const format = domains[0]!.kind === 'genius' ? 'GENIUS' : 'GeniusWeb';
  const groups = domains.slice(0, 6).map((d) => {
    const own = profilesOf(d, profiles);
    return own.length ? `${basename(d.path)} (with ${names(own)})` : basename(d.path);
  });
  const more = domains.length > 6 ? ` and ${domains.length - 6} more` : '';
  const first = domains[0]!;
  const example = [first, ...profilesOf(first, profiles)].map((f) => f.path).join(' ');
  const where = at.folder ? 'the folder holds' : 'the files hold';
  return inputError(
    `${where} ${domains.length} ${format} domains: ${groups.join('; ')}${more}`,
    `one domain with its profiles, e.g. parley analyze ${example}`,
    at.folder,
  );
}

/** Profiles and no domain: say which files are profiles and what is missing. */
function noDomain(profiles: readonly PartyFile[], at: FileSetOrigin): ParleyError {
  const format = profiles[0]!.kind === 'genius' ? 'GENIUS' : 'GeniusWeb';
  const root = format === 'GENIUS' ? 'root <negotiation_template>' : 'with "issuesValues"';
  if (profiles.length === 1 && !at.folder)
    return inputError(
      `is a ${format} utility profile; give its domain file too`,
      `the domain file (${root}) with it`,
      profiles[0]!.path,
    );
  const where = at.folder ? 'the folder holds' : 'the files are';
  return inputError(
    `${where} ${profiles.length} ${format} utility profiles (${names(profiles)}) but no domain file`,
    `a ${format} domain file (${root}) with the profiles`,
    at.folder,
  );
}

function geniusContent(files: readonly GeniusEntry[], at: FileSetOrigin, warn: WarningSink): FileSetContent {
  const domains = files.filter((f) => f.role === 'domain');
  const profiles = files.filter((f) => f.role === 'profile');
  if (domains.length === 0) throw noDomain(profiles, at);
  if (domains.length > 1) throw manyDomains(domains, profiles, at);
  const domain = domains[0]!;
  const name = at.name ?? stem(domain.path);
  if (profiles.length === 0)
    return {
      kind: 'domain',
      domain: readGeniusDomainDocument(domain.doc, name, warn).domain,
      format: 'genius',
      file: domain.path,
    };
  const origin = at.origin ?? (at.folder ? `GENIUS XML (${at.folder})` : 'GENIUS XML files');
  return { kind: 'scenario', scenario: readGeniusSet(domain, profiles, name, origin, warn), format: 'genius' };
}

function webContent(files: readonly WebEntry[], at: FileSetOrigin): FileSetContent {
  const domains = files.filter((f) => f.role === 'domain');
  const profiles = files.filter((f) => f.role === 'profile');
  if (domains.length > 1) throw manyDomains(domains, profiles, at);
  const domain = domains[0];
  const name = at.name ?? stem((domain ?? profiles[0]!).path);
  if (profiles.length === 0)
    return { kind: 'domain', domain: readGeniusWebDomainOf(domain, [], name), format: 'geniusweb', file: domain!.path };
  const origin = at.origin ?? (at.folder ? `GeniusWeb JSON (${at.folder})` : 'GeniusWeb JSON files');
  return { kind: 'scenario', scenario: readGeniusWebSet(domain, profiles, name, origin), format: 'geniusweb' };
}

/**
 * Reads a set of classified GENIUS or GeniusWeb files: one domain (GeniusWeb profiles may
 * embed theirs) and any number of profiles, parties in the order given. Mixed formats,
 * several domains or profiles without a domain are refused, naming the files.
 */
export function readFileSet(files: readonly ClassifiedFile[], at: FileSetOrigin, warn: WarningSink): FileSetContent {
  const kinds = new Set(files.map((f) => f.kind));
  if (kinds.size > 1 || kinds.has('parley')) {
    const shown = files.slice(0, 6).map((f) => `${basename(f.path)} is ${describeFile(f)}`);
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `cannot mix file types: ${shown.join('; ')}${files.length > 6 ? '; …' : ''}`,
      {
        position: at.folder ? { file: at.folder } : undefined,
        expected: `GENIUS XML files only, GeniusWeb JSON files only, or one parley scenario (${Object.values(KIND_NAMES).join(', ')})`,
      },
    );
  }
  if (kinds.has('genius')) return geniusContent(files as GeniusEntry[], at, warn);
  return webContent(files as WebEntry[], at);
}
