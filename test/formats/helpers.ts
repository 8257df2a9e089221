import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outcomeCount, outcomeFromIndex, type Domain, type Outcome } from '../../src/core/domain.js';
import { issueSize } from '../../src/core/issue.js';
import { Random } from '../../src/core/random.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'formats');

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'parley-formats-'));

/** Every GENIUS and GeniusWeb folder on disk, as built-in names and paths. */
export function dataFolders(): { name: string; path: string; kind: 'genius' | 'geniusweb' }[] {
  const out: { name: string; path: string; kind: 'genius' | 'geniusweb' }[] = [];
  const anac = join(ROOT, 'scenarios', 'genius', 'anac');
  for (const year of readdirSync(anac).sort()) {
    for (const d of readdirSync(join(anac, year)).sort())
      out.push({ name: `anac/${year}/${d}`, path: join(anac, year, d), kind: 'genius' });
  }
  const gw = join(ROOT, 'scenarios', 'geniusweb');
  for (const d of readdirSync(gw).sort())
    if (statSync(join(gw, d)).isDirectory()) out.push({ name: `geniusweb/${d}`, path: join(gw, d), kind: 'geniusweb' });
  return out;
}

/** The reference table (copied from the shared frontier checks): party and outcome counts per ANAC domain, 2010–2013. */
export function frontierIndex(): Map<string, { parties: number; outcomes: number }> {
  const text = readFileSync(join(FIXTURES, 'frontier-index.tsv'), 'utf8');
  const out = new Map<string, { parties: number; outcomes: number }>();
  for (const line of text.trim().split('\n').slice(1)) {
    const [domain, parties, outcomes] = line.split('\t');
    out.set(`anac/${domain}`, { parties: Number(parties), outcomes: Number(outcomes) });
  }
  return out;
}

/** All outcomes when there are at most `limit`, else `samples` seeded random ones. */
export function someOutcomes(domain: Domain, limit: number, samples: number, seed = 7): Outcome[] {
  const sizes = domain.issues.map(issueSize);
  if (outcomeCount(domain) <= BigInt(limit)) {
    const out: Outcome[] = [];
    const idx = sizes.map(() => 0);
    for (;;) {
      out.push(outcomeFromIndex(domain, idx));
      let k = 0;
      while (k < idx.length && ++idx[k]! >= sizes[k]!) idx[k++] = 0;
      if (k === idx.length) return out;
    }
  }
  const rng = new Random(seed);
  return Array.from({ length: samples }, () =>
    outcomeFromIndex(
      domain,
      sizes.map((n) => rng.int(n)),
    ),
  );
}
