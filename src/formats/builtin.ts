import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.js';

/** Built-ins resolve from the package root (found from src/ or the build), whatever the cwd. */
export { PACKAGE_ROOT };
export const SCENARIOS_DIR = join(PACKAGE_ROOT, 'scenarios');

export type BuiltinKind = 'parley' | 'genius' | 'geniusweb';

export interface Builtin {
  /** Canonical name: `cairo-2024`, `anac/y2011/Energy`, `geniusweb/Party`. */
  readonly name: string;
  readonly path: string;
  readonly kind: BuiltinKind;
  readonly origin?: string;
}

const NEGMAS = 'as redistributed with the NegMAS test data';

const dirs = (path: string): string[] =>
  existsSync(path)
    ? readdirSync(path)
        .filter((n) => !n.startsWith('.') && statSync(join(path, n)).isDirectory())
        .sort()
    : [];

let cache: Builtin[] | undefined;

/** Every built-in scenario found under scenarios/. */
export function builtins(): Builtin[] {
  if (cache) return cache;
  const out: Builtin[] = [];
  for (const [dir, prefix] of [
    [SCENARIOS_DIR, ''],
    [join(SCENARIOS_DIR, 'examples'), 'examples/'],
  ] as const) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const m = /^(.+)\.(ya?ml|json)$/.exec(file);
      if (!m) continue;
      const entry: Builtin = { name: `${prefix}${m[1]!}`, path: join(dir, file), kind: 'parley' };
      // one name per scenario: the YAML file wins over a JSON twin
      const twin = out.findIndex((b) => b.name === entry.name);
      if (twin < 0) out.push(entry);
      else if (m[2] !== 'json') out[twin] = entry;
    }
  }
  const anac = join(SCENARIOS_DIR, 'genius', 'anac');
  for (const year of dirs(anac)) {
    for (const d of dirs(join(anac, year))) {
      const origin = `ANAC ${year.replace(/^y/, '')} (GENIUS XML), from the GENIUS project ${NEGMAS}`;
      out.push({ name: `anac/${year}/${d}`, path: join(anac, year, d), kind: 'genius', origin });
    }
  }
  const gw = join(SCENARIOS_DIR, 'geniusweb');
  for (const d of dirs(gw))
    out.push({
      name: `geniusweb/${d}`,
      path: join(gw, d),
      kind: 'geniusweb',
      origin: `GeniusWeb JSON, from the GeniusWeb project ${NEGMAS}`,
    });
  cache = out;
  return out;
}

export function builtinNames(): string[] {
  return builtins().map((b) => b.name);
}

/** `anac/2011/Energy`, `genius/anac/y2011/energy` and `anac/y2011/Energy` name the same built-in. */
function normalise(name: string): string {
  return name
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\/+|\/+$/g, '')
    .replace(/^genius\/anac\//i, 'anac/')
    .replace(/^anac\/(\d{4})\//i, 'anac/y$1/')
    .replace(/\.(ya?ml|json)$/i, '')
    .toLowerCase();
}

export function findBuiltin(name: string): Builtin | undefined {
  const key = normalise(name);
  return builtins().find((b) => b.name.toLowerCase() === key);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Built-in names closest to what was typed, for "did you mean" messages. */
export function closeBuiltinNames(name: string, count = 5): string[] {
  const key = normalise(name);
  const last = key.split('/').pop() ?? key;
  return builtins()
    .map((b) => {
      const lower = b.name.toLowerCase();
      const tail = lower.split('/').pop()!;
      return {
        name: b.name,
        d: Math.min(distance(key, lower), distance(last, tail) + (lower.includes(key.split('/')[0] ?? '') ? 0 : 1)),
      };
    })
    .sort((x, y) => x.d - y.d || (x.name < y.name ? -1 : 1))
    .slice(0, count)
    .map((x) => x.name);
}
