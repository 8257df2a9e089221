import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../../src/core/errors.js';
import { readGeniusDomain, readGeniusProfile } from '../../src/formats/genius/index.js';
import { readGeniusWebDomain, readGeniusWebProfile } from '../../src/formats/geniusweb/index.js';
import { isObject } from '../../src/formats/json-read.js';
import { parseJsonDocument } from '../../src/formats/json-tree.js';
import { ROOT } from './helpers.js';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const GENIUS = {
  domain: read('scenarios/genius/anac/y2011/Laptop/laptop_domain.xml'),
  profile: read('scenarios/genius/anac/y2011/Laptop/laptop_buyer_utility.xml'),
  fitness: read('scenarios/genius/anac/y2012/FitnessA/Fitness-A-prof1.xml'),
  rect: read('scenarios/genius/anac/y2014/10issuesDiscountedwithRV/profile-1.xml'),
  rectDomain: read('scenarios/genius/anac/y2014/10issuesDiscountedwithRV/10issuesDiscountedwithRV-domain.xml'),
  fitnessDomain: read('scenarios/genius/anac/y2012/FitnessA/Fitness-A-domain.xml'),
};
const WEB = {
  domain: read('scenarios/geniusweb/Party/party.json'),
  profile: read('scenarios/geniusweb/Party/party2.json'),
};

const JUNK = [
  '"x"',
  '[1]',
  '{}',
  'null',
  'true',
  'abc',
  '-5',
  'NaN',
  '1e999',
  '',
  '-0.5',
  '1e308',
  '0x10',
  '2.5.1',
  'Infinity',
  '99999999999999999999',
];

/** One mutation of a text, chosen by fast-check: truncate, garble a number, drop or swap markup. */
const mutation = (text: string) =>
  fc.oneof(
    fc.nat(text.length).map((n) => text.slice(0, n)),
    fc.tuple(fc.nat(200), fc.constantFrom(...JUNK)).map(([k, junk]) => {
      const spots = [...text.matchAll(/(="|: )(-?[\d.]+)/g)];
      const m = spots[k % Math.max(1, spots.length)];
      return m ? text.slice(0, m.index + m[1]!.length) + junk + text.slice(m.index + m[0].length) : text;
    }),
    fc.nat(400).map((k) => {
      const attrs = [...text.matchAll(/\s[A-Za-z_]+="[^"]*"|"[A-Za-z_]+": ?("[^"]*"|[\d.]+),?/g)];
      const m = attrs[k % Math.max(1, attrs.length)];
      return m ? text.slice(0, m.index) + text.slice(m.index + m[0].length) : text;
    }),
    fc
      .tuple(
        fc.nat(400),
        fc.constantFrom(
          'item',
          'issue',
          'weight',
          'objective',
          'utility_space',
          'INCLUDES',
          'values',
          'issueUtilities',
        ),
      )
      .map(([k, tag]) => {
        const tags = [...text.matchAll(/<\/?([A-Za-z_]+)|"([A-Za-z]+)":/g)];
        const m = tags[k % Math.max(1, tags.length)];
        if (!m) return text;
        const name = m[1] ?? m[2]!;
        const at = m.index + m[0].indexOf(name);
        return text.slice(0, at) + tag + text.slice(at + name.length);
      }),
    fc.nat(400).map((k) => {
      const lines = text.split('\n');
      lines.splice(k % lines.length, 1);
      return lines.join('\n');
    }),
  );

/** Either it loads, or a ParleyError names the file, a line:column and what was expected. */
function expectCleanOutcome(file: string, run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof ParleyError)) throw e;
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(e.describe()).toMatch(new RegExp(`^${escaped}:\\d+:\\d+: .+ \\(expected .+\\)$`, 's'));
  }
}

const params = { seed: 20240506, numRuns: 300 };

describe('fuzzed real files give positioned ParleyErrors, never crashes', () => {
  it('GENIUS domain files', () => {
    fc.assert(
      fc.property(mutation(GENIUS.domain), (t) => expectCleanOutcome('d.xml', () => readGeniusDomain(t, 'd.xml', 'x'))),
      params,
    );
  });

  it('GENIUS profiles', () => {
    const g = readGeniusDomain(GENIUS.domain, 'd.xml', 'x');
    fc.assert(
      fc.property(mutation(GENIUS.profile), (t) =>
        expectCleanOutcome('p.xml', () => readGeniusProfile(t, 'p.xml', g, 'p')),
      ),
      params,
    );
    const f = readGeniusDomain(GENIUS.fitnessDomain, 'd.xml', 'x');
    fc.assert(
      fc.property(mutation(GENIUS.fitness), (t) =>
        expectCleanOutcome('f.xml', () => readGeniusProfile(t, 'f.xml', f, 'p')),
      ),
      params,
    );
  });

  it('GENIUS hyper-rectangle profiles', () => {
    const g = readGeniusDomain(GENIUS.rectDomain, 'd.xml', 'x');
    fc.assert(
      fc.property(mutation(GENIUS.rect), (t) =>
        expectCleanOutcome('r.xml', () => readGeniusProfile(t, 'r.xml', g, 'p')),
      ),
      { ...params, numRuns: 100 },
    );
  });

  it('GeniusWeb domains and profiles', () => {
    const domainDoc = parseJsonDocument(WEB.domain, 'd.json');
    const domain = readGeniusWebDomain(domainDoc, domainDoc.value as Record<string, unknown>, 'party');
    const asObject = (t: string, file: string) => {
      const doc = parseJsonDocument(t, file);
      if (!isObject(doc.value))
        throw new ParleyError('PARLEY_E_FORMAT', 'not an object', {
          position: { file, line: 1, column: 1 },
          expected: 'an object',
        });
      return { doc, value: doc.value };
    };
    fc.assert(
      fc.property(mutation(WEB.domain), (t) =>
        expectCleanOutcome('d.json', () => {
          const { doc, value } = asObject(t, 'd.json');
          readGeniusWebDomain(doc, value, 'x');
        }),
      ),
      params,
    );
    fc.assert(
      fc.property(mutation(WEB.profile), (t) =>
        expectCleanOutcome('p.json', () => {
          const { doc, value } = asObject(t, 'p.json');
          readGeniusWebProfile(doc, value, domain, 'p');
        }),
      ),
      params,
    );
  });
});
