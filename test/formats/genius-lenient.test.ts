import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/domain.js';
import { evaluateUtility } from '../../src/core/utility.js';
import { describeWarning, resolveInput, type ResolvedInput } from '../../src/formats/index.js';
import { DECL, colourItems, domainXml, ITEMS, profileXml, writeFolder } from './corpus.js';

/** Reads a domain and one profile `a.xml`; returns party a's utility function and the warnings. */
function read(
  profile: string | Buffer,
  domain: string | Buffer = domainXml(),
): ResolvedInput & { u: (o: Outcome) => number } {
  const r = resolveInput([writeFolder({ 'domain.xml': domain, 'a.xml': profile })]);
  return { ...r, u: (o) => evaluateUtility(r.scenario.parties[0]!.utility, o) };
}

const warned = (r: ResolvedInput): string => r.warnings.map(describeWarning).join('\n');

describe('GENIUS forms read leniently, each with a warning', () => {
  it('reads the base profile by hand-computed utilities, with no warning', () => {
    const r = read(profileXml());
    expect(r.u({ Colour: 'red', Size: 2 })).toBeCloseTo(0.8, 12);
    expect(r.u({ Colour: 'blue', Size: 4 })).toBeCloseTo(0.6 * 0.25 + 0.4, 12);
    expect(r.warnings).toEqual([]);
  });

  it('reads a comment before the <?xml …?> declaration', () => {
    const r = read(profileXml({ head: `<!-- exported by hand -->\n${DECL}` }));
    expect(r.u({ Colour: 'green', Size: 0 })).toBeCloseTo(0.3, 12);
    expect(warned(r)).toMatch(/a\.xml:2:1: a comment or DOCTYPE stands before the <\?xml …\?> declaration/);
  });

  it('reads an <item> without evaluation, and evaluation="null", as 0', () => {
    for (const green of ['<item value="green"/>', '<item value="green" evaluation="null"/>']) {
      const r = read(
        profileXml({ items: `<item value="red" evaluation="4"/>${green}<item value="blue" evaluation="1"/>` }),
      );
      expect(r.u({ Colour: 'green', Size: 4 })).toBeCloseTo(0.4, 12);
      expect(r.u({ Colour: 'blue', Size: 0 })).toBeCloseTo(0.15, 12);
      expect(warned(r)).toMatch(/value "green" of issue "Colour" has (no evaluation|evaluation="null"): read as 0/);
    }
  });

  it('ignores a value the domain lacks, which still sets the best evaluation as in GENIUS', () => {
    const r = read(profileXml({ items: `${ITEMS.base}<item value="purple" evaluation="8"/>` }));
    // best is 8: red 4/8, green 2/8, blue 1/8
    expect(r.u({ Colour: 'red', Size: 0 })).toBeCloseTo(0.6 * 0.5, 12);
    expect(r.u({ Colour: 'blue', Size: 4 })).toBeCloseTo(0.6 * 0.125 + 0.4, 12);
    expect(warned(r)).toContain('value "purple" is not a value of issue "Colour": ignored (as GENIUS ignores it)');
  });

  it('reads a value listed twice in the domain once, and the profiles that score it', () => {
    const r = read(profileXml(), domainXml({ items: colourItems(['red', 'green', 'red', 'blue']) }));
    const colour = r.scenario.domain.issues[0]!;
    expect(colour.kind === 'discrete' && colour.values).toEqual(['red', 'green', 'blue']);
    expect(r.u({ Colour: 'red', Size: 2 })).toBeCloseTo(0.8, 12);
    expect(warned(r)).toMatch(/domain\.xml:\d+:\d+: value "red" appears twice in issue "Colour": read once/);
  });

  it('discards a discount factor outside (0, 1] or not a number, as GENIUS does', () => {
    for (const value of ['1.5', '-0.2', 'abc']) {
      const r = read(profileXml({ extra: `<discount_factor value="${value}"/>\n` }));
      expect(r.scenario.parties[0]!.discount).toBe(1);
      expect(warned(r)).toMatch(/discount factor .* discarded, no discounting/);
    }
    expect(read(profileXml({ extra: '<discount_factor value="0.5"/>\n' })).scenario.parties[0]!.discount).toBe(0.5);
  });

  it('takes an issue with no type as discrete', () => {
    const r = read(profileXml(), domainXml({ colourAttrs: '' }));
    expect(r.scenario.domain.issues[0]!.kind).toBe('discrete');
    expect(r.u({ Colour: 'green', Size: 2 })).toBeCloseTo(0.5, 12);
    expect(warned(r)).toContain('issue "Colour" has no type: read as discrete');
  });

  it('reads issues and weights that stand directly under <utility_space>, and a domain without <objective>', () => {
    const r = read(profileXml({ objective: false }), domainXml({ objective: false }));
    expect(r.u({ Colour: 'red', Size: 4 })).toBeCloseTo(1, 12);
    expect(warned(r)).toMatch(/a\.xml:\d+:\d+: <utility_space> holds its issues without an <objective>/);
    expect(warned(r)).toMatch(/domain\.xml:\d+:\d+: <utility_space> holds its issues without an <objective>/);
  });

  it('reads attributes with no space between them, and a repeated attribute (the last one)', () => {
    const items =
      '<item value="red"evaluation="4"/><item value="green" evaluation="9" evaluation="2"/><item value="blue" evaluation="1"/>';
    const r = read(profileXml({ items }));
    expect(r.u({ Colour: 'green', Size: 0 })).toBeCloseTo(0.3, 12);
    expect(warned(r)).toContain('no space before attribute "evaluation" of <item>');
    expect(warned(r)).toContain('attribute "evaluation" is given twice; the last one is read');
  });

  it('reads an integer evaluator written with parameter0/parameter1 as offset and slope of x', () => {
    const r = read(profileXml({ sizeEvaluator: '<evaluator ftype="linear" parameter0="0.2" parameter1="0.1"/>' }));
    expect(r.u({ Colour: 'red', Size: 3 })).toBeCloseTo(0.6 + 0.4 * 0.5, 12);
    expect(warned(r)).toContain('read as clamp01(parameter0 + parameter1 · x)');
  });

  it('normalises weights near the largest number without overflowing to infinity', () => {
    const r = read(profileXml({ weights: ['1e308', '1e308'] }));
    expect(r.u({ Colour: 'red', Size: 4 })).toBeCloseTo(1, 12);
    expect(r.u({ Colour: 'red', Size: 0 })).toBeCloseTo(0.5, 12);
  });

  it('skips a DOCTYPE with an internal subset before the root', () => {
    const head = `${DECL}<!DOCTYPE utility_space [\n  <!ENTITY co "Colour">\n  <!ELEMENT x (#PCDATA)>\n]>\n`;
    expect(read(profileXml({ head })).u({ Colour: 'red', Size: 2 })).toBeCloseTo(0.8, 12);
  });
});

describe('encodings decoded as declared', () => {
  const latin1Domain = domainXml({
    head: '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
    items: colourItems(['red', 'café', 'blue']),
  });
  const latin1Profile = profileXml({
    head: '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
    items: '<item value="red" evaluation="4"/><item value="café" evaluation="2"/><item value="blue" evaluation="1"/>',
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian, and without one', () => {
    const text = profileXml({ head: '<?xml version="1.0" encoding="UTF-16"?>\n' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    for (const bytes of [le, Buffer.concat([Buffer.from([0xfe, 0xff]), be]), Buffer.from(text, 'utf16le')])
      expect(read(bytes).u({ Colour: 'red', Size: 2 })).toBeCloseTo(0.8, 12);
  });

  it('reads a declared ISO-8859-1 file as Latin-1', () => {
    const r = read(Buffer.from(latin1Profile, 'latin1'), Buffer.from(latin1Domain, 'latin1'));
    expect(r.scenario.domain.issues[0]!.kind === 'discrete' && r.scenario.domain.issues[0]!.values).toContain('café');
    expect(r.u({ Colour: 'café', Size: 0 })).toBeCloseTo(0.3, 12);
  });
});
