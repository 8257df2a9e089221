import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../../src/core/errors.js';
import { evaluateUtility } from '../../src/core/utility.js';
import {
  builtinNames,
  convert,
  loadInput,
  validateInput,
  writeFileAtomic,
  writeFolderAtomic,
} from '../../src/formats/index.js';
import { ROOT, someOutcomes, tempDir } from './helpers.js';
import { parleyErrorOf } from '../support/errors.js';

describe('convert refuses', () => {
  it('refuses cairo-2024 as GENIUS XML, naming red lines and phases, and writes nothing', () => {
    const dir = tempDir();
    const out = join(dir, 'cairo');
    const e = parleyErrorOf(() => convert(['cairo-2024'], out, { format: 'genius' }));
    expect(e.code).toBe('PARLEY_E_UNREPRESENTABLE');
    expect(e.message).toMatch(/^GENIUS XML cannot represent: phases \(/);
    expect(e.message).toMatch(/red line "[^"]+" of party "(Israel|Hamas)"/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses GeniusWeb utilities whose best value is below 1 as GENIUS XML', () => {
    const dir = tempDir();
    const e = parleyErrorOf(() => convert(['geniusweb/Party'], join(dir, 'x'), { format: 'genius' }));
    expect(e.message).toContain('value function of issue "Food" of party "party1": its best value has utility 0.75');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses hyper-rectangles and discount factors as GeniusWeb JSON', () => {
    const dir = tempDir();
    expect(
      parleyErrorOf(() => convert(['anac/y2014/10issues'], join(dir, 'a'), { format: 'geniusweb' })).message,
    ).toContain('hyper-rectangle utility of party "profile-1"');
    expect(
      parleyErrorOf(() => convert(['anac/2011/Laptop'], join(dir, 'b'), { format: 'geniusweb' })).message,
    ).toContain('discount factor 0.42441038 of party "laptop_buyer_utility"');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('convert writes', () => {
  it('converts GENIUS XML to GeniusWeb JSON and back when nothing is lost', () => {
    const dir = tempDir();
    convert(['anac/y2010/ItexvsCypress'], join(dir, 'web'), { format: 'geniusweb' });
    convert([join(dir, 'web')], join(dir, 'xml'), { format: 'genius' });
    const original = loadInput(['anac/y2010/ItexvsCypress']);
    const back = loadInput([join(dir, 'xml')]);
    expect(back.domain.issues).toEqual(original.domain.issues);
    for (const o of someOutcomes(original.domain, 20_000, 0)) {
      original.parties.forEach((p, i) =>
        expect(evaluateUtility(back.parties[i]!.utility, o)).toBeCloseTo(evaluateUtility(p.utility, o), 12),
      );
    }
  });

  it('writes a parley scenario file chosen by the output extension', () => {
    const dir = tempDir();
    for (const ext of ['yaml', 'json']) {
      const out = join(dir, `laptop.${ext}`);
      convert(['anac/2011/Laptop'], out);
      const back = loadInput([out]);
      const original = loadInput(['anac/2011/Laptop']);
      expect(back.parties.map((p) => [p.name, p.discount, p.reservation])).toEqual(
        original.parties.map((p) => [p.name, p.discount, p.reservation]),
      );
      for (const o of someOutcomes(original.domain, 100, 0)) {
        original.parties.forEach((p, i) =>
          expect(evaluateUtility(back.parties[i]!.utility, o)).toBeCloseTo(evaluateUtility(p.utility, o), 12),
        );
      }
    }
    expect(readdirSync(dir).sort()).toEqual(['laptop.json', 'laptop.yaml']);
  });

  it('refuses to write into a folder that already holds files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    expect(parleyErrorOf(() => convert(['anac/2011/Laptop'], dir, { format: 'genius' })).code).toBe('PARLEY_E_USAGE');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });

  it('leaves nothing behind when a write fails half-way', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const files = [
      { name: 'domain.xml', text: '<a/>' },
      { name: `${'x'.repeat(300)}.xml`, text: '<b/>' },
    ];
    expect(() => writeFolderAtomic(out, files)).toThrow(ParleyError);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, 'taken'), 'a file, not a folder');
    expect(() => writeFileAtomic(join(dir, 'taken', 'f.yaml'), 'x')).toThrow(ParleyError);
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('creates the folders a file is written into', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'new', 'deeper', 'f.yaml'), 'x');
    expect(readdirSync(join(dir, 'new', 'deeper'))).toEqual(['f.yaml']);
  });

  it('writes into an empty existing folder', () => {
    const dir = tempDir();
    const out = join(dir, 'empty');
    mkdirSync(out);
    convert(['anac/2011/Laptop'], out, { format: 'genius' });
    expect(readdirSync(out).sort()).toEqual(['domain.xml', 'laptop_buyer_utility.xml', 'laptop_seller_utility.xml']);
  });
});

describe('input resolution', () => {
  it('resolves built-in names in their several spellings', () => {
    expect(loadInput(['anac/2011/Energy']).name).toBe('anac/y2011/Energy');
    expect(loadInput(['anac/y2011/energy']).name).toBe('anac/y2011/Energy');
    expect(loadInput(['geniusweb/party']).name).toBe('geniusweb/Party');
    expect(builtinNames()).toContain('cairo-2024');
    expect(loadInput(['cairo-2024']).parties.length).toBeGreaterThanOrEqual(2);
  });

  it('takes GENIUS parties in the order the files are given, the domain anywhere among them', () => {
    const dir = join(ROOT, 'scenarios/genius/anac/y2011/Laptop');
    const s = loadInput([
      join(dir, 'laptop_seller_utility.xml'),
      join(dir, 'laptop_domain.xml'),
      join(dir, 'laptop_buyer_utility.xml'),
    ]);
    expect(s.parties.map((p) => p.name)).toEqual(['laptop_seller_utility', 'laptop_buyer_utility']);
    expect(s.name).toBe('laptop_domain');
  });

  it('refuses explicit files that mix GENIUS and GeniusWeb', () => {
    const e = parleyErrorOf(() =>
      loadInput([
        join(ROOT, 'scenarios/genius/anac/y2011/Laptop/laptop_domain.xml'),
        join(ROOT, 'scenarios/geniusweb/Party/party1.json'),
      ]),
    );
    expect(e.code).toBe('PARLEY_E_USAGE');
  });

  it('names close built-ins when an input is unknown', () => {
    const e = parleyErrorOf(() => loadInput(['anac/2011/Enrgy']));
    expect(e.code).toBe('PARLEY_E_FILE_NOT_FOUND');
    expect(e.message).toContain('anac/y2011/Energy');
  });

  it('refuses a folder with neither GENIUS nor GeniusWeb files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(parleyErrorOf(() => loadInput([dir])).message).toContain('no GENIUS or GeniusWeb files');
  });

  it('validates without analysing and summarises format, parties, issues and outcomes', () => {
    const r = validateInput(['anac/2011/Laptop']);
    expect(r.ok).toBe(true);
    expect(r.summary).toContain('GENIUS XML');
    expect(r.summary).toContain('2 parties: laptop_buyer_utility');
    expect(r.summary).toContain('3 issues, 27 outcomes');
  });
});
