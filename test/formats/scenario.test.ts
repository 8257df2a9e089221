import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateUtility, outcomeFromIndex, isParleyError, type Scenario } from '../../src/core/index.js';
import {
  isParleyScenarioJson,
  parseScenarioText,
  readScenarioFile,
  scenarioJsonSchema,
  writeScenarioText,
} from '../../src/formats/scenario/index.js';
import { SCHEMA_FILE, schemaFileText } from '../../src/formats/scenario/write-schema.js';

const root = new URL('../../', import.meta.url).pathname;
const CAIRO = `${root}scenarios/cairo-2024.yaml`;
const EXAMPLE_YAML = `${root}scenarios/examples/three-towns.yaml`;
const EXAMPLE_JSON = `${root}scenarios/examples/three-towns.json`;

/** Utilities of every party on a spread of outcomes: what a round trip must keep. */
function utilityFingerprint(s: Scenario): number[] {
  const out: number[] = [];
  for (let k = 0; k < 50; k++) {
    const index = s.domain.issues.map(
      (issue, i) => (k * (i + 3)) % (issue.kind === 'discrete' ? issue.values.length : 2),
    );
    const outcome = outcomeFromIndex(s.domain, index);
    for (const p of s.parties) out.push(evaluateUtility(p.utility, outcome));
  }
  return out;
}

describe('parley scenario files', () => {
  it('reads the same scenario back after writing it as YAML and as JSON', () => {
    for (const path of [CAIRO, EXAMPLE_YAML]) {
      const first = readScenarioFile(path);
      for (const format of ['yaml', 'json'] as const) {
        const again = parseScenarioText(writeScenarioText(first, format), `again.${format}`, format);
        expect(again).toEqual(first);
        expect(utilityFingerprint(again)).toEqual(utilityFingerprint(first));
      }
    }
  });

  it('keeps the example scenario and its JSON twin identical', () => {
    expect(readScenarioFile(EXAMPLE_JSON)).toEqual(readScenarioFile(EXAMPLE_YAML));
  });

  it('collects sources and assumptions into notes with dotted paths', () => {
    const s = readScenarioFile(CAIRO);
    const note = (path: string) => s.notes.find((n) => n.path === path);
    expect(note('parties.Hamas.preferences')?.assumed).toBe(true);
    expect(note('parties.Israel.reservation')).toMatchObject({ assumed: true });
    expect(note('parties.Hamas.redLines.no-rafah-attack')?.source?.file).toBe('003_f536c0198adb16fb.txt');
    expect(note('timeline.burns-to-doha.effects.0.delta')?.assumed).toBe(true);
    expect(note('roles.decisionBodies.Israeli war cabinet')?.source?.quote).toContain('war cabinet will convene');
    const example = readScenarioFile(EXAMPLE_YAML);
    expect(example.notes.find((n) => n.path === 'timeline.dry-summer.effects.0.factor')).toMatchObject({
      assumed: true,
      reason: 'invented for the example',
    });
  });

  it('maps every part of the example to the core model', () => {
    const s = readScenarioFile(EXAMPLE_YAML);
    expect(s.domain.issues.map((i) => i.kind)).toEqual(['discrete', 'integer', 'real', 'discrete']);
    expect(s.domain.phases.map((p) => p.issues)).toEqual([
      ['cost-share-north'],
      ['water-split', 'term-years', 'review-clause'],
    ]);
    const south = s.parties.find((p) => p.name === 'South')!;
    expect(south.discount).toBe(1);
    expect(south.redLines[0]).toMatchObject({ id: 'review', issue: 'review-clause', allowed: ['every-5-years'] });
    expect(s.roles.delegations.find((d) => d.party === 'South')).toMatchObject({
      present: false,
      decisionBody: 'South council',
    });
    expect(s.timeline[1]!.audience).toEqual({ kind: 'party', party: 'East' });
    expect(s.timeline[1]!.effects).toEqual([{ kind: 'deadline', delta: -24 }]);
    expect(s.simulation).toMatchObject({ protocol: 'single-text', rounds: 60, hoursPerRound: 4, seed: 7 });
    expect(s.simulation?.agents?.[0]).toEqual({ strategy: 'boulware', role: 'North', params: { exponent: 0.3 } });
  });

  it('normalises weights that do not sum to 1 and keeps those that do', () => {
    const text = (weights: string) =>
      `parley: 1\nname: w\nissues:\n  - {name: a, values: [x, y]}\n  - {name: b, values: [x, y]}\nparties:\n  - name: P\n    preferences:\n      weights: ${weights}\n      values: {a: {x: 1, y: 0}, b: {x: 0, y: 1}}\n`;
    const weightsOf = (s: Scenario) => (s.parties[0]!.utility.kind === 'additive' ? s.parties[0]!.utility.weights : {});
    expect(weightsOf(parseScenarioText(text('{a: 3, b: 1}'), 'w.yaml', 'yaml'))).toEqual({ a: 0.75, b: 0.25 });
    expect(weightsOf(parseScenarioText(text('{a: 0.3, b: 0.7}'), 'w.yaml', 'yaml'))).toEqual({ a: 0.3, b: 0.7 });
  });

  it('reads annotated parameters into plain values and writes their reasons back', () => {
    const text = `parley: 1\nname: p\nissues: [{name: a, values: [x, y]}]\nparties:\n  - {name: P, preferences: {weights: {a: 1}, values: {a: {x: 1, y: 0}}}}\nsimulation:\n  agents:\n    - {strategy: boulware, role: P, params: {exponent: {value: 0.2, assumed: true, reason: a choice}, name: slow}}\n`;
    const s = parseScenarioText(text, 'p.yaml', 'yaml');
    expect(s.simulation?.agents?.[0]?.params).toEqual({ exponent: 0.2, name: 'slow' });
    expect(s.notes).toContainEqual({ path: 'simulation.agents.P.params.exponent', assumed: true, reason: 'a choice' });
    expect(writeScenarioText(s, 'yaml')).toContain('reason: a choice');
  });

  it('tells a parley JSON scenario from other JSON', () => {
    expect(isParleyScenarioJson(JSON.parse(readFileSync(EXAMPLE_JSON, 'utf8')))).toBe(true);
    expect(isParleyScenarioJson({ LinearAdditiveUtilitySpace: { issueUtilities: {} } })).toBe(false);
    expect(isParleyScenarioJson([{ parley: 1 }])).toBe(false);
    expect(isParleyScenarioJson(null)).toBe(false);
    expect(isParleyScenarioJson('parley')).toBe(false);
  });

  it('keeps the committed JSON Schema current', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
    const schema = scenarioJsonSchema() as { required?: string[]; properties?: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['parley', 'name', 'issues', 'parties']));
    expect(Object.keys(schema.properties ?? {})).toContain('timeline');
  });

  it('reads the short example in docs/scenario-format.md', () => {
    const doc = readFileSync(`${root}docs/scenario-format.md`, 'utf8');
    const example = doc.split('```yaml\n')[1]!.split('```')[0]!;
    const s = parseScenarioText(example, 'docs/scenario-format.md', 'yaml');
    expect(s.parties.map((p) => p.name)).toEqual(['Treasurers', 'Cyclists']);
    expect(s.notes.map((n) => n.path)).toEqual(['parties.Treasurers.reservation', 'parties.Cyclists.preferences']);
  });

  it('says which file is missing', () => {
    try {
      readScenarioFile(`${root}scenarios/no-such.yaml`);
      expect.unreachable();
    } catch (e) {
      expect(isParleyError(e) && e.code).toBe('PARLEY_E_FILE_NOT_FOUND');
      expect(isParleyError(e) && e.describe()).toMatch(/no-such\.yaml: no such file/);
    }
  });
});
