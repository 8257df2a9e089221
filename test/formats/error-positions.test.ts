import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInput, resolveInput } from '../../src/formats/index.js';
import { describeWarning } from '../../src/formats/warnings.js';
import { ROOT, tempDir } from './helpers.js';
import { parleyErrorOf } from '../support/errors.js';

const LAPTOP = join(ROOT, 'scenarios/genius/anac/y2011/Laptop');

/** 1-based line:column of the first occurrence of `needle` (plus `shift` characters). */
function where(text: string, needle: string, shift = 0): string {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture lost ${needle}`);
  const before = text.slice(0, at + shift);
  const line = before.split('\n').length;
  return `${line}:${at + shift - before.lastIndexOf('\n')}`;
}

/** A copy of Laptop 2011 with the buyer profile replaced. */
function laptopWithBuyer(mutate: (text: string) => string): { dir: string; file: string; text: string } {
  const dir = join(tempDir(), 'Laptop');
  mkdirSync(dir);
  for (const f of ['laptop_domain.xml', 'laptop_seller_utility.xml'])
    writeFileSync(join(dir, f), readFileSync(join(LAPTOP, f)));
  const text = mutate(readFileSync(join(LAPTOP, 'laptop_buyer_utility.xml'), 'utf8'));
  const file = join(dir, 'laptop_buyer_utility.xml');
  writeFileSync(file, text);
  return { dir, file, text };
}

describe('errors name file, line, column and what was expected', () => {
  it('points at a weight that is not a number', () => {
    const { dir, file, text } = laptopWithBuyer((t) => t.replace('value="0.37808251708013424"', 'value="abc"'));
    const e = parleyErrorOf(() => loadInput([dir]));
    expect(e.code).toBe('PARLEY_E_FORMAT');
    expect(e.describe()).toBe(
      `${file}:${where(text, 'value="abc"')}: weight "abc" is not a number (expected a number between 0 and 1)`,
    );
  });

  it('points at a negative evaluation', () => {
    const { dir, file, text } = laptopWithBuyer((t) =>
      t.replace('evaluation="20" description="quality', 'evaluation="-20" description="quality'),
    );
    expect(parleyErrorOf(() => loadInput([dir])).describe()).toBe(
      `${file}:${where(text, 'evaluation="-20"')}: evaluation -20 is below 0 (expected a number of 0 or more)`,
    );
  });

  it('points a warning at a value that is not in the domain, which GENIUS ignores', () => {
    const { dir, file, text } = laptopWithBuyer((t) => t.replace('value="HP"', 'value="Acer"'));
    const warnings = resolveInput([dir]).warnings.map(describeWarning);
    expect(warnings).toContain(
      `${file}:${where(text, 'value="Acer"')}: value "Acer" is not a value of issue "Laptop": ignored (as GENIUS ignores it)`,
    );
  });

  it('points at an unknown issue index', () => {
    const { dir, file, text } = laptopWithBuyer((t) => t.replace('<issue index="3"', '<issue index="7"'));
    const d = parleyErrorOf(() => loadInput([dir])).describe();
    expect(d).toBe(
      `${file}:${where(text, 'index="7"')}: issue index 7 is not an issue of the domain (expected one of the domain's issue indexes 1, 2, 3)`,
    );
  });

  it('points at an element that lacks an attribute', () => {
    const { dir, file, text } = laptopWithBuyer((t) => t.replace('<reservation value="0" />', '<reservation />'));
    expect(parleyErrorOf(() => loadInput([dir])).describe()).toBe(
      `${file}:${where(text, '<reservation')}: <reservation> has no attribute "value" (expected a number between 0 and 1)`,
    );
  });

  it('reports XML syntax errors at the line and column of the fault', () => {
    const { dir, file, text } = laptopWithBuyer((t) =>
      t.replace('</issue>\n<issue index="2"', '</isue>\n<issue index="2"'),
    );
    const e = parleyErrorOf(() => loadInput([dir]));
    expect(e.code).toBe('PARLEY_E_PARSE');
    expect(e.describe()).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${where(text, '</isue>')}: XML syntax error: </isue> closes <issue> \\(opened at line \\d+, column 1\\) \\(expected </issue>\\)$`,
      ),
    );
  });

  it('reports JSON syntax errors at the line and column of the fault', () => {
    const dir = tempDir();
    const text = '{\n  "name": "d",\n  "issuesValues": {\n    "a": { "values": ["x", "y",] }\n  }\n}\n';
    const file = join(dir, 'd.json');
    writeFileSync(file, text);
    expect(parleyErrorOf(() => loadInput([file])).describe()).toBe(
      `${file}:${where(text, ',]', 1)}: JSON syntax error: a JSON value is missing: found "]" (expected a JSON value (object, array, string, number, true, false or null))`,
    );
  });

  it('points at a GeniusWeb utility that is out of range', () => {
    const dir = tempDir();
    const domain = '{"name":"d","issuesValues":{"a":{"values":["x","y"]}}}';
    const text =
      '{\n "LinearAdditiveUtilitySpace": {\n  "issueUtilities": {"a": {"discreteutils": {"valueUtilities": {"x": 1.5, "y": 0}}}},\n  "issueWeights": {"a": 1}\n }\n}\n';
    writeFileSync(join(dir, 'd.json'), domain);
    writeFileSync(join(dir, 'p.json'), text);
    const d = parleyErrorOf(() => loadInput([dir])).describe();
    expect(d).toBe(
      `${join(dir, 'p.json')}:${where(text, '1.5')}: utility of "x" 1.5 is above 1 (expected a utility between 0 and 1)`,
    );
  });
});
