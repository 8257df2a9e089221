import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outcomeCount } from '../../src/core/domain.js';
import { evaluateUtility } from '../../src/core/utility.js';
import { builtinNames, convert, loadInput } from '../../src/formats/index.js';
import { dataFolders, frontierIndex, someOutcomes, tempDir } from './helpers.js';

const folders = dataFolders();
const index = frontierIndex();

/** Profile files by their root element, in code-point order of file names. */
function expectedParties(path: string, kind: 'genius' | 'geniusweb'): string[] {
  const names = readdirSync(path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (kind === 'genius')
    return names
      .filter(
        (n) =>
          n.endsWith('.xml') &&
          /^\s*<utility_space/.test(readFileSync(join(path, n), 'utf8').replace(/<\?[^]*?\?>|<!--[^]*?-->/g, '')),
      )
      .map((n) => n.slice(0, -4));
  return names
    .filter((n) => n.endsWith('.json') && /issueUtilities/.test(readFileSync(join(path, n), 'utf8')))
    .map((n) => n.slice(0, -5));
}

describe('built-in GENIUS and GeniusWeb domains', () => {
  it('finds every domain folder on disk among the built-in names', () => {
    expect(folders.length).toBeGreaterThanOrEqual(117);
    const names = new Set(builtinNames());
    for (const f of folders) expect(names.has(f.name), f.name).toBe(true);
  });

  it('has reference counts for every 2010–2013 domain', () => {
    const older = folders.filter((f) => /anac\/y201[0-3]\//.test(f.name));
    expect(older).toHaveLength(101);
    for (const f of older) expect(index.has(f.name), f.name).toBe(true);
  });

  it.each(folders.map((f) => [f.name, f] as const))('loads %s with its profiles as parties', (_name, f) => {
    const s = loadInput([f.name]);
    expect(s.name).toBe(f.name);
    expect(s.parties.map((p) => p.name)).toEqual(expectedParties(f.path, f.kind));
    expect(s.origin).toMatch(f.kind === 'genius' ? /ANAC \d{4} \(GENIUS XML\)/ : /GeniusWeb JSON/);
    const ref = index.get(f.name);
    if (ref) {
      expect(s.parties.length).toBe(ref.parties);
      expect(outcomeCount(s.domain)).toBe(BigInt(ref.outcomes));
    }
    for (const p of s.parties) {
      if (p.utility.kind === 'additive') {
        const total = Object.values(p.utility.weights).reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(1, 9);
      }
    }
  });

  it.each(folders.map((f) => [f.name, f] as const))(
    'round-trips %s through its own format keeping every utility',
    (_name, f) => {
      const original = loadInput([f.name]);
      const out = join(tempDir(), 'copy');
      convert([f.name], out, { format: f.kind });
      const copy = loadInput([out]);
      expect(copy.domain.issues).toEqual(original.domain.issues);
      expect(copy.parties.map((p) => [p.name, p.discount, p.utility.kind])).toEqual(
        original.parties.map((p) => [p.name, p.discount, p.utility.kind]),
      );
      const big = outcomeCount(original.domain) > 20_000n;
      const outcomes = someOutcomes(original.domain, 20_000, big ? 10_000 : 0);
      original.parties.forEach((p, i) => {
        const q = copy.parties[i]!;
        expect(q.reservation).toBeCloseTo(p.reservation, 12);
        for (const o of outcomes) {
          const u = evaluateUtility(p.utility, o);
          const v = evaluateUtility(q.utility, o);
          if (Math.abs(u - v) > 1e-12) expect(v, JSON.stringify(o)).toBeCloseTo(u, 12);
        }
      });
    },
  );
});
