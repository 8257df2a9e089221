import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInput, inspectInput } from '../../src/formats/index.js';
import { parseOutcome } from '../../src/formats/outcome.js';
import { parleyErrorOf } from '../support/errors.js';
import { DECL, domainXml, profileXml, writeFolder } from './corpus.js';

const fail = (files: Record<string, string | Buffer>, inputs?: (dir: string) => string[]) => {
  const dir = writeFolder(files);
  const e = parleyErrorOf(() => loadInput(inputs ? inputs(dir) : [dir]));
  return { dir, e, text: e.describe() };
};

const base = { 'domain.xml': domainXml(), 'b.xml': profileXml() };

describe('files GENIUS rejects, or parley cannot hold, are refused with one positioned line', () => {
  it('refuses a namespace prefix on the root, naming the profile instead of dropping the party', () => {
    const { dir, text } = fail({ ...base, 'a.xml': profileXml({ root: 'g:utility_space' }) });
    expect(text).toBe(
      `${join(dir, 'a.xml')}:2:1: root element <g:utility_space> has a namespace prefix, which GENIUS does not read (expected <utility_space> without a prefix)`,
    );
  });

  it('names a profile with flipped bytes or broken XML rather than skipping it', () => {
    const broken = profileXml().replace('<objective', '<objective\u0000');
    const { dir, text } = fail({ ...base, 'a.xml': Buffer.from(broken) });
    expect(text).toBe(
      `${join(dir, 'a.xml')}: is a binary file, not text (a zero byte at offset ${broken.indexOf('\u0000')}) (expected a GENIUS XML, GeniusWeb JSON or parley YAML/JSON text file)`,
    );
    const unclosed = fail({ ...base, 'a.xml': profileXml().replace('</utility_space>', '') });
    expect(unclosed.text).toMatch(
      /a\.xml:\d+:\d+: XML syntax error: the file ends inside <utility_space> \(opened at line 2, column 1\)/,
    );
  });

  it('refuses integer ranges and real grids past the limit, before materialising a value', () => {
    const huge = domainXml().replace('upperbound="4"', 'upperbound="1000000000000"');
    expect(fail({ 'domain.xml': huge, 'b.xml': profileXml() }).text).toMatch(
      /domain\.xml:\d+:\d+: issue "Size" has 1,000,000,000,001 whole numbers in its range, more than parley analyses \(100,000\) \(expected at most 100,000 values per issue\)$/,
    );
    const real = domainXml().replace(
      '<issue index="2" name="Size" etype="integer" type="integer" vtype="integer" lowerbound="0" upperbound="4"/>',
      '<issue index="2" name="Size" type="real" steps="10000000"><range lowerbound="0" upperbound="1"/></issue>',
    );
    expect(parleyErrorOf(() => inspectInput([writeFolder({ 'domain.xml': real })])).describe()).toMatch(
      /issue "Size" has 10,000,001 grid points \(steps \+ 1\), more than parley analyses/,
    );
  });

  it('refuses XML nested deeper than 256 elements with a position, not a crash', () => {
    const deep = `${DECL}<utility_space>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</utility_space>`;
    expect(fail({ ...base, 'a.xml': deep }).text).toMatch(
      /a\.xml:2:\d+: XML syntax error: elements nest deeper than 256 levels/,
    );
  });

  it('keeps the message short when the file holds a value of megabytes', () => {
    const name = 'x'.repeat(5_000_000);
    const { text } = fail({ ...base, 'a.xml': profileXml({ items: `<item value="red" evaluation="${name}"/>` }) });
    expect(text.length).toBeLessThan(400);
    expect(text).toMatch(/evaluation "x+…x+ \(5,000,000 characters\)" is not a number/);
  });

  it('refuses a type GENIUS does not know', () => {
    const { text } = fail({ 'domain.xml': domainXml({ colourAttrs: 'type="money"' }), 'b.xml': profileXml() });
    expect(text).toMatch(
      /domain\.xml:\d+:\d+: issue "Colour" has type "money" \(expected type="discrete", "integer" or "real"\)$/,
    );
  });

  it('refuses a folder holding several domains, naming each with its profiles', () => {
    const files = {
      'Car-A-domain.xml': domainXml(),
      'Car-A-prof1.xml': profileXml(),
      'Car-B-domain.xml': domainXml(),
      'Car-B-prof1.xml': profileXml(),
    };
    const { dir, text } = fail(files);
    expect(text).toBe(
      `${dir}: the folder holds 2 GENIUS domains: Car-A-domain.xml (with Car-A-prof1.xml); Car-B-domain.xml (with Car-B-prof1.xml) (expected one domain with its profiles, e.g. parley analyze ${join(dir, 'Car-A-domain.xml')} ${join(dir, 'Car-A-prof1.xml')})`,
    );
  });

  it('names the files when no domain is given, and both files when two give one party', () => {
    const dir = writeFolder({ 'a.xml': profileXml(), 'b.xml': profileXml() });
    expect(parleyErrorOf(() => loadInput([join(dir, 'a.xml'), join(dir, 'b.xml')])).describe()).toBe(
      'the files are 2 GENIUS utility profiles (a.xml, b.xml) but no domain file (expected a GENIUS domain file (root <negotiation_template>) with the profiles)',
    );
    expect(parleyErrorOf(() => loadInput([join(dir, 'a.xml')])).describe()).toBe(
      `${join(dir, 'a.xml')}: is a GENIUS utility profile; give its domain file too (expected the domain file (root <negotiation_template>) with it)`,
    );
    const other = writeFolder({ 'domain.xml': domainXml(), 'a.xml': profileXml() }, 'other');
    expect(
      parleyErrorOf(() => loadInput([join(other, 'domain.xml'), join(other, 'a.xml'), join(dir, 'a.xml')])).describe(),
    ).toBe(
      `${join(dir, 'a.xml')}: two profiles give party "a": ${join(other, 'a.xml')} and ${join(dir, 'a.xml')} (expected profile files with distinct names (the party is named after its file))`,
    );
  });

  it('prints a folder path once in a folder error', () => {
    const dir = writeFolder({ 'notes.txt': 'hello' });
    expect(parleyErrorOf(() => loadInput([dir])).describe()).toBe(
      `${dir}: the folder holds no GENIUS or GeniusWeb files (skipped: notes.txt) (expected a GENIUS domain (<negotiation_template>) with profiles, or a GeniusWeb domain with profiles)`,
    );
  });

  it('summarises a domain alone for validate and refuses it for analysis', () => {
    const dir = writeFolder({ 'domain.xml': domainXml() });
    const inspected = inspectInput([join(dir, 'domain.xml')]);
    expect(inspected.kind === 'domain' && inspected.domain.issues.map((i) => i.name)).toEqual(['Colour', 'Size']);
    expect(parleyErrorOf(() => loadInput([dir])).describe()).toBe(
      `${join(dir, 'domain.xml')}: is a GENIUS XML domain with no utility profiles; give its profile files too (expected the domain with each party's profile (\`parley validate\` summarises a domain alone))`,
    );
  });
});

describe('outcomes for eval are read strictly, each refusal positioned', () => {
  const domain = {
    name: 'd',
    phases: [],
    issues: [
      { kind: 'integer' as const, name: 'n', min: 0, max: 40 },
      { kind: 'discrete' as const, name: 'v', values: ['33', 'x'] },
      { kind: 'real' as const, name: 'r', min: 0, max: 1, steps: 4 },
    ],
  };
  const refuse = (text: string) => parleyErrorOf(() => parseOutcome(domain, text)).describe();

  it('reads each value in its JSON type, a real one on the grid', () => {
    expect(parseOutcome(domain, '{"n": 30, "v": "33", "r": 0.75}')).toEqual({ n: 30, v: '33', r: 0.75 });
  });

  it('refuses "30" for an integer, 33 for the value "33", an off-grid real, a duplicate key and __proto__', () => {
    expect(refuse('{"n": "30", "v": "33", "r": 0.5}')).toMatch(
      /^--outcome:1:7: the string "30" is not a value of integer issue "n"/,
    );
    expect(refuse('{"n": 30, "v": 33, "r": 0.5}')).toMatch(
      /^--outcome:1:16: 33 is not a value of issue "v" \(its values are strings\)/,
    );
    expect(refuse('{"n": 30, "v": "33", "r": 0.3}')).toMatch(
      /^--outcome:1:27: 0\.3 is not a grid value of real issue "r"/,
    );
    expect(refuse('{"n": 30, "v": "33", "r": 0.5, "n": 31}')).toMatch(
      /^--outcome:1:37: issue "n" is given twice \(expected each issue once\)/,
    );
    expect(refuse('{"n": 30, "v": "33", "r": 0.5, "__proto__": {"x": 1}}')).toMatch(
      /^--outcome:1:\d+: "__proto__" is not an issue of the domain/,
    );
  });
});

describe('every file of a folder is read or named', () => {
  it('refuses a profile saved under another extension instead of dropping its party', () => {
    const dir = writeFolder({ 'domain.xml': domainXml(), 'a.xml': profileXml(), 'b.xml.bak': profileXml() });
    expect(parleyErrorOf(() => loadInput([dir])).describe()).toBe(
      `${join(dir, 'b.xml.bak')}: is a GENIUS utility profile, but its name does not end in .xml (expected every party file of a folder named .xml (rename it, or move it out of the folder))`,
    );
  });

  it('skips other files with a warning naming each', () => {
    const dir = writeFolder({
      'domain.xml': domainXml(),
      'a.xml': profileXml(),
      'README.md': '# notes',
      'pareto.xml': '0.5, 1',
    });
    const r = inspectInput([dir]);
    expect(r.kind === 'scenario' && r.scenario.parties.map((p) => p.name)).toEqual(['a']);
    expect(r.warnings.map((w) => `${w.position.file}: ${w.message}`)).toEqual([
      `${join(dir, 'README.md')}: skipped: not a .xml or .json file`,
      `${join(dir, 'pareto.xml')}: skipped: a Pareto frontier file, not a domain or profile`,
    ]);
  });
});

describe('the issue size limit holds in every format', () => {
  it('refuses a parley scenario integer issue and a GeniusWeb range past 100,000 values', () => {
    const yaml =
      'parley: 1\nname: big\nissues:\n  - {name: n, kind: integer, min: 0, max: 1000000000000}\nparties:\n  - name: A\n    preferences: {weights: {n: 1}, values: {n: {linear: {slope: 1, offset: 0}}}}\n';
    const dir = writeFolder({
      'big.yaml': yaml,
      'd.json': '{"name": "d", "issuesValues": {"x": {"range": {"low": 0, "high": 1, "step": 1e-7}}}}',
    });
    expect(parleyErrorOf(() => loadInput([join(dir, 'big.yaml')])).describe()).toMatch(
      /big\.yaml:4:\d+: "max" of issue "n" gives 1,000,000,000,001 whole numbers from min to max, more than parley analyses \(100,000\)/,
    );
    expect(parleyErrorOf(() => inspectInput([join(dir, 'd.json')])).describe()).toMatch(
      /d\.json:1:\d+: issue "x" has 10,000,001 values, more than parley analyses \(100,000\)/,
    );
  });
});
