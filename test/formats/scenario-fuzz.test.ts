import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { isParleyError } from '../../src/core/index.js';
import { parseScenarioText } from '../../src/formats/scenario/index.js';

const FILE = 'scenarios/cairo-2024.yaml';
const TEXT = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');

type Path = (string | number)[];

/** Paths of every scalar and every map entry, not following aliases. */
function paths(node: unknown, at: Path = [], out: { scalars: Path[]; keys: Path[] } = { scalars: [], keys: [] }) {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      out.keys.push([...at, key]);
      paths(pair.value, [...at, key], out);
    }
  } else if (isSeq(node)) node.items.forEach((item, i) => paths(item, [...at, i], out));
  else if (isScalar(node)) out.scalars.push(at);
  return out;
}

const DOC = parseDocument(TEXT);
const { scalars, keys } = paths(DOC.contents);
const numberPaths = scalars.filter(
  (p) => typeof (DOC.getIn(p, true) as Node & { value?: unknown })?.value === 'number',
);

/** Either a scenario, or a ParleyError that names the file, a line in it and a column. */
function expectCleanOutcome(text: string, format: 'yaml' | 'json' = 'yaml'): void {
  try {
    parseScenarioText(text, FILE, format);
  } catch (e) {
    expect(isParleyError(e), String(e)).toBe(true);
    if (!isParleyError(e)) return;
    expect(['PARLEY_E_PARSE', 'PARLEY_E_SCHEMA']).toContain(e.code);
    const m = /^scenarios\/cairo-2024\.yaml:(\d+):(\d+): \S.* \(expected .+\)$/s.exec(e.describe());
    expect(m, e.describe()).not.toBeNull();
    expect(Number(m![1])).toBeLessThanOrEqual(text.split('\n').length);
    expect(Number(m![2])).toBeGreaterThanOrEqual(1);
  }
}

/** The text with one node changed; null when the change leaves no valid YAML document to print. */
function mutated(change: (doc: Document) => void): string | null {
  const doc: Document = DOC.clone();
  try {
    change(doc);
    return doc.toString();
  } catch {
    return null;
  }
}

const WRONG_VALUES: unknown[] = [
  'x',
  '',
  -1,
  0,
  2,
  1e308,
  -1e308,
  Number.NaN,
  true,
  null,
  [],
  {},
  [1, 'a'],
  { value: 'x' },
  { value: 0.5, assumed: true },
];
const ODD_NUMBERS = [-1, -1e20, 1e20, 0, 1.5, 1e308, -0.0001, Number.POSITIVE_INFINITY, Number.NaN];

describe('scenario files with mistakes', () => {
  it('reads the unchanged cairo-2024 file', () => {
    expect(parseScenarioText(TEXT, FILE, 'yaml').name).toBe('cairo-2024');
  });

  it('answers a truncated file with a clear error or a smaller scenario', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TEXT.length }), (cut) => expectCleanOutcome(TEXT.slice(0, cut))),
      { numRuns: 100, seed: 11 },
    );
  });

  it('answers a value of the wrong type with a clear error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scalars), fc.constantFrom(...WRONG_VALUES), (path, value) => {
        const text = mutated((doc) => doc.setIn(path, doc.createNode(value)));
        if (text !== null) expectCleanOutcome(text);
      }),
      { numRuns: 80, seed: 12 },
    );
  });

  it('answers a missing part with a clear error or a smaller scenario', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), (path) => {
        const text = mutated((doc) => doc.deleteIn(path));
        if (text !== null) expectCleanOutcome(text);
      }),
      { numRuns: 120, seed: 13 },
    );
  });

  it('answers huge, negative and non-finite numbers with a clear error or a scenario', () => {
    fc.assert(
      fc.property(fc.constantFrom(...numberPaths), fc.constantFrom(...ODD_NUMBERS), (path, value) => {
        const text = mutated((doc) => doc.setIn(path, value));
        if (text !== null) expectCleanOutcome(text);
      }),
      { numRuns: 100, seed: 14 },
    );
  });

  it('answers random bytes and deep nesting without crashing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        for (const format of ['yaml', 'json'] as const) {
          try {
            parseScenarioText(junk, FILE, format);
          } catch (e) {
            expect(isParleyError(e), String(e)).toBe(true);
          }
        }
      }),
      { numRuns: 200, seed: 15 },
    );
    const describe = (text: string, format: 'yaml' | 'json') => {
      try {
        parseScenarioText(text, FILE, format);
      } catch (e) {
        return isParleyError(e) ? e.describe() : String(e);
      }
      return 'no error';
    };
    expect(describe('['.repeat(100000), 'json')).toBe(
      'scenarios/cairo-2024.yaml:1:257: JSON syntax error: the document nests deeper than 256 levels (expected at most 256 nested objects and arrays)',
    );
    expect(describe(`${'- '.repeat(3000)}x`, 'yaml')).toMatch(/^scenarios\/cairo-2024\.yaml(:\d+:\d+)?: /);
    expect(describe('parley: 1\nname: x\nissues: &x [*x]', 'yaml')).toMatch(
      /^scenarios\/cairo-2024\.yaml:3:\d+: issue #1 must be an issue/,
    );
    expect(describe('parley: 1\nname: *nowhere', 'yaml')).toBe(
      'scenarios/cairo-2024.yaml:2:7: YAML error: alias *nowhere has no anchor before it (expected an anchor &nowhere earlier in the file)',
    );
  });

  it('rejects a wrong type with the field named', () => {
    const text = mutated((doc) => doc.setIn(['parties', 1, 'reservation'], 'high'))!;
    expect(() => parseScenarioText(text, FILE, 'yaml')).toThrow(
      /reservation" of party "Hamas" must be a number from 0 to 1/,
    );
  });
});
