import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/domain.js';
import { evaluateUtility } from '../../src/core/utility.js';
import { loadInput } from '../../src/formats/index.js';
import { ROOT, someOutcomes } from './helpers.js';

/**
 * A second, deliberately naive reading of a discrete GENIUS profile, straight from the text:
 * per issue index, the item evaluations and the weight; u = Σ wᵢ·eᵢ(v)/maxᵢ / Σ wᵢ.
 */
function naiveProfile(xml: string) {
  const issues = new Map<string, Map<string, number>>();
  for (const m of xml.matchAll(/<issue\b([^>]*)>([^]*?)<\/issue>/g)) {
    const index = /\bindex="(\d+)"/.exec(m[1]!)![1]!;
    const body = m[2]!.replace(/<similarity_function[^]*?<\/similarity_function>/g, '');
    const evals = new Map<string, number>();
    for (const it of body.matchAll(/<item\b[^>]*?\bvalue="([^"]*)"[^>]*?\bevaluation="([^"]*)"/g))
      evals.set(it[1]!, Number(it[2]));
    issues.set(index, evals);
  }
  const weights = new Map<string, number>();
  for (const w of xml.matchAll(/<weight\s+index="(\d+)"\s+value="([^"]*)"/g))
    if (issues.has(w[1]!)) weights.set(w[1]!, Number(w[2]));
  return { issues, weights };
}

function naiveDomainNames(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<issue\b([^>]*)>/g))
    out.set(/\bname="([^"]*)"/.exec(m[1]!)![1]!, /\bindex="(\d+)"/.exec(m[1]!)![1]!);
  return out;
}

function naiveUtility(profile: ReturnType<typeof naiveProfile>, indexOf: Map<string, string>, o: Outcome): number {
  let total = 0;
  let wsum = 0;
  for (const w of profile.weights.values()) wsum += w;
  for (const [name, value] of Object.entries(o)) {
    const idx = indexOf.get(name)!;
    const evals = profile.issues.get(idx)!;
    const best = Math.max(...evals.values());
    total += (profile.weights.get(idx) ?? 0) * (evals.get(String(value))! / best);
  }
  return total / wsum;
}

const cases: [string, string][] = [
  ['anac/y2010/ItexvsCypress', 'scenarios/genius/anac/y2010/ItexvsCypress'],
  ['anac/y2011/Laptop', 'scenarios/genius/anac/y2011/Laptop'],
  ['anac/y2012/FitnessA', 'scenarios/genius/anac/y2012/FitnessA'],
  ['anac/y2012/CarB', 'scenarios/genius/anac/y2012/CarB'],
  ['anac/y2013/Lunch', 'scenarios/genius/anac/y2013/Lunch'],
];

describe('utilities recomputed independently from the XML numbers', () => {
  it.each(cases)('agree with parley for %s', (name, folder) => {
    const scenario = loadInput([name]);
    const files = readdirSync(join(ROOT, folder)).sort();
    const texts = files.map((f) => readFileSync(join(ROOT, folder, f), 'utf8'));
    const domainText = texts.find((t) => /<negotiation_template/.test(t))!;
    const indexOf = naiveDomainNames(domainText);
    const profiles = texts.filter((t) => /^\s*(<\?xml[^>]*>\s*)?<utility_space/.test(t)).map(naiveProfile);
    expect(profiles).toHaveLength(scenario.parties.length);
    for (const o of someOutcomes(scenario.domain, 0, 300, 11)) {
      scenario.parties.forEach((p, i) =>
        expect(evaluateUtility(p.utility, o)).toBeCloseTo(naiveUtility(profiles[i]!, indexOf, o), 12),
      );
    }
  });
});
