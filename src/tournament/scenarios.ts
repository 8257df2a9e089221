/**
 * The scenarios a definition names: built-in names, files and folders, with globs, read
 * once by the coordinator. Workers never see these paths: each scenario travels with its
 * jobs, serialised, under a content hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ParleyError } from '../core/errors.js';
import type { Scenario } from '../core/scenario.js';
import { builtinNames } from '../formats/builtin.js';
import { loadInput } from '../formats/input.js';
import type { ScenarioEntry } from './definition.js';

/** A scenario as it travels: its JSON text and the hash of that text. */
export interface ScenarioPayload {
  readonly hash: string;
  readonly json: string;
}

export interface TournamentScenario {
  readonly scenario: Scenario;
  readonly payload: ScenarioPayload;
}

export function scenarioPayload(scenario: Scenario): ScenarioPayload {
  const json = JSON.stringify(scenario);
  return { hash: createHash('sha256').update(json).digest('hex').slice(0, 16), json };
}

const GLOB = /[*?]/;

/** `*` and `?` within a path segment, `**` across segments. */
export function globPattern(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** Built-in names a glob matches (`anac/2012/*` and `anac/y2012/*` alike). */
function builtinMatches(glob: string): string[] {
  const normal = glob.replace(/^anac\/(\d{4})\//i, 'anac/y$1/');
  const re = globPattern(normal);
  return builtinNames().filter((n) => re.test(n));
}

/** Files and folders a glob matches, relative to `base`, in code-point order. */
function fileMatches(glob: string, base: string): string[] {
  const absolute = isAbsolute(glob) ? glob : join(base, glob);
  const parts = absolute.split('/');
  const firstGlob = parts.findIndex((p) => GLOB.test(p));
  const root = parts.slice(0, firstGlob).join('/') || '/';
  const re = globPattern(absolute);
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (re.test(path)) found.push(path);
      else if (statSync(path).isDirectory()) walk(path);
    }
  };
  walk(root);
  return found;
}

/** Every input one entry names: arrays of paths (or one built-in name) for `loadInput`. */
function inputsOf(entry: ScenarioEntry, base: string, file: string): string[][] {
  if (typeof entry !== 'string') return [entry.files.map((f) => resolve(base, f))];
  if (!GLOB.test(entry)) {
    const path = resolve(base, entry);
    return [[existsSync(path) ? path : entry]];
  }
  const matches = [...fileMatches(entry, base).map((p) => [p]), ...builtinMatches(entry).map((n) => [n])];
  if (matches.length === 0)
    throw new ParleyError('PARLEY_E_INPUT', `${file}: scenario pattern "${entry}" matches no file and no built-in`, {
      position: { file },
      expected: 'a pattern such as anac/2012/* or ./scenarios/*.yaml',
    });
  return matches;
}

/**
 * Reads every scenario the definition names, relative to the definition file's folder.
 * The same scenario named twice (same content) counts once.
 */
export function loadTournamentScenarios(entries: readonly ScenarioEntry[], file: string): TournamentScenario[] {
  const base = dirname(resolve(file));
  const seen = new Set<string>();
  const out: TournamentScenario[] = [];
  for (const entry of entries) {
    for (const inputs of inputsOf(entry, base, file)) {
      const scenario = loadInput(inputs);
      const payload = scenarioPayload(scenario);
      if (seen.has(payload.hash)) continue;
      seen.add(payload.hash);
      out.push({ scenario, payload });
    }
  }
  return out;
}
