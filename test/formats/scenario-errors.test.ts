import { describe, expect, it } from 'vitest';
import { isParleyError } from '../../src/core/index.js';
import { parseScenarioText } from '../../src/formats/scenario/index.js';

const BASE = `parley: 1
name: tiny
issues:
  - name: truce
    values: [short, long]
  - name: money
    kind: integer
    min: 0
    max: 10
phases:
  - name: one
    issues: [truce]
parties:
  - name: A
    preferences:
      weights: {truce: 0.5, money: 0.5}
      values:
        truce: {short: 1, long: 0}
        money: {linear: {slope: 0.1, offset: 0}}
    redLines:
      - {id: r1, issue: truce, allowed: [short]}
  - name: B
    preferences:
      weights: {truce: 0.5, money: 0.5}
      values:
        truce: {short: 0, long: 1}
        money: {linear: {slope: -0.1, offset: 1}}
roles:
  delegations:
    - {name: A team, party: A, present: true}
timeline:
  - {id: e1, at: 5, title: Something happens, effects: [{kind: reservation, party: B, delta: -0.1}]}
`;

/** BASE with one line changed (1-based), so each error sits on a known line. */
function withLine(line: number, text: string): string {
  const lines = BASE.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

function errorOf(text: string, file = 's.yaml', format: 'yaml' | 'json' = 'yaml'): string {
  try {
    parseScenarioText(text, file, format);
  } catch (e) {
    if (isParleyError(e)) return e.describe();
    throw e;
  }
  throw new Error('expected an error');
}

describe('scenario file errors', () => {
  it('reads the unchanged base text', () => {
    expect(parseScenarioText(BASE, 's.yaml', 'yaml').parties).toHaveLength(2);
  });

  it('names line and column of a YAML syntax error', () => {
    expect(errorOf(withLine(5, '    values: [short, long'))).toMatch(
      /^s\.yaml:6:3: YAML syntax error: .+ \(expected valid YAML\)$/,
    );
    expect(errorOf(withLine(2, 'name: tiny\nname: again'))).toMatch(
      /^s\.yaml:3:1: YAML syntax error: Map keys must be unique/,
    );
  });

  it('rejects a negative weight at the weight', () => {
    expect(errorOf(withLine(16, '      weights: {truce: -0.5, money: 0.5}'))).toBe(
      's.yaml:16:24: weight of issue "truce" of party "A" must be a number ≥ 0 (expected a number or {value, assumed, reason})',
    );
  });

  it('rejects a weight that is not a number', () => {
    expect(errorOf(withLine(24, '      weights: {truce: lots, money: 0.5}'))).toBe(
      's.yaml:24:24: weight of issue "truce" of party "B" must be a number ≥ 0 (expected a number or {value, assumed, reason})',
    );
  });

  it('rejects a weight on an unknown issue at its key', () => {
    expect(errorOf(withLine(16, '      weights: {truse: 0.5, money: 0.5}'))).toBe(
      's.yaml:16:17: weight of issue "truse" of party "A" names an unknown issue "truse" (expected one of "truce", "money")',
    );
  });

  it('rejects a utility for a value the issue does not have', () => {
    expect(errorOf(withLine(18, '        truce: {short: 1, lng: 0}'))).toBe(
      's.yaml:18:27: utility of value "lng" of issue "truce" of party "A" is for a value issue "truce" does not have (expected one of "short", "long")',
    );
  });

  it('rejects a utility above 1', () => {
    expect(errorOf(withLine(26, '        truce: {short: 0, long: 1.5}'))).toBe(
      's.yaml:26:33: utility of value "long" of issue "truce" of party "B" must be a number from 0 to 1 (expected a number or {value, assumed, reason})',
    );
  });

  it('rejects a phase naming an unknown issue', () => {
    expect(errorOf(withLine(12, '    issues: [truce, rafah]'))).toBe(
      's.yaml:12:21: issue "rafah" of phase "one" names an unknown issue "rafah" (expected one of "truce", "money")',
    );
  });

  it('rejects duplicate names at the second one', () => {
    expect(errorOf(withLine(22, '  - name: A'))).toBe(
      's.yaml:22:11: "name" of party "A" repeats the party name "A" (expected a name no other party has)',
    );
    expect(errorOf(withLine(6, '  - name: truce'))).toMatch(
      /^s\.yaml:6:11: "name" of issue "truce" repeats the issue name "truce"/,
    );
  });

  it('rejects a red line on a value the issue does not have', () => {
    expect(errorOf(withLine(21, '      - {id: r1, issue: truce, allowed: [medium]}'))).toBe(
      's.yaml:21:42: item #1 of "allowed" of red line "r1" of party "A" allows "medium", which is not a value of issue "truce" (expected one of "short", "long")',
    );
  });

  it('rejects a red line on an unknown issue', () => {
    expect(errorOf(withLine(21, '      - {id: r1, issue: rafah, allowed: [short]}'))).toBe(
      's.yaml:21:25: "issue" of red line "r1" of party "A" names an unknown issue "rafah" (expected one of "truce", "money")',
    );
  });

  it('rejects a role naming an unknown party', () => {
    expect(errorOf(withLine(30, '    - {name: A team, party: C, present: true}'))).toBe(
      's.yaml:30:29: "party" of delegation "A team" names an unknown party "C" (expected one of "A", "B")',
    );
  });

  it('rejects an effect on an unknown party', () => {
    expect(
      errorOf(withLine(32, '  - {id: e1, at: 5, title: T, effects: [{kind: reservation, party: Z, delta: -0.1}]}')),
    ).toBe('s.yaml:32:68: "party" of effect #1 of event "e1" names an unknown party "Z" (expected one of "A", "B")');
  });

  it('names a missing field and an unknown key with the keys allowed', () => {
    expect(errorOf(BASE.replace('name: tiny\n', ''))).toBe(
      's.yaml:1:1: the scenario has no "name" (expected a non-empty string)',
    );
    expect(errorOf(withLine(7, '    kind: integer\n    colour: red'))).toBe(
      's.yaml:8:5: issue "money" has an unknown key "colour" (expected one of the keys "name", "kind", "min", "max", "description", "source", "assumed", "reason")',
    );
  });

  it('names the wrong kind of an issue and lists the kinds', () => {
    expect(errorOf(withLine(7, '    kind: integr'))).toBe(
      's.yaml:7:11: "kind" of issue "money" has a value not allowed here (expected one of "discrete", "integer", "real")',
    );
  });

  it('asks for a reason beside every assumption', () => {
    expect(errorOf(withLine(9, '    max: {value: 10, assumed: true}'))).toBe(
      's.yaml:9:31: "assumed" of issue "money" is assumed but gives no reason (expected a reason: "…" beside assumed: true)',
    );
    expect(errorOf(withLine(9, '    max: {valu: 10}'))).toMatch(
      /^s\.yaml:9:11: "max" of issue "money" has an unknown key "valu" \(expected one of the keys "value",/,
    );
  });

  it('rejects another format version', () => {
    expect(errorOf(withLine(1, 'parley: 2'))).toBe(
      's.yaml:1:9: "parley" must be the format version 1 (expected parley: 1)',
    );
  });

  it('rejects an integer range that runs backwards', () => {
    expect(errorOf(withLine(9, '    max: -3'))).toBe(
      's.yaml:9:10: "max" of issue "money" must not be below min (0) (expected a number ≥ 0)',
    );
  });

  describe('in JSON', () => {
    const json = JSON.stringify(
      {
        parley: 1,
        name: 'x',
        issues: [{ name: 'a', values: ['p', 'q'] }],
        parties: [{ name: 'A', preferences: { weights: { a: 1 }, values: { a: { p: 1 } } } }],
      },
      null,
      2,
    );

    it('reads a valid JSON scenario', () => {
      expect(parseScenarioText(json, 's.json', 'json').domain.issues[0]!.name).toBe('a');
    });

    it('places a schema error on the JSON node', () => {
      expect(errorOf(json.replace('"a": 1', '"a": -1'), 's.json', 'json')).toBe(
        's.json:18:16: weight of issue "a" of party "A" must be a number ≥ 0 (expected a number or {value, assumed, reason})',
      );
    });

    it('places a syntax error where the JSON breaks', () => {
      expect(errorOf(json.replace('"p",', '"p"'), 's.json', 'json')).toBe(
        's.json:9:9: JSON syntax error: the list is not closed: found "\\"" (expected "," or "]")',
      );
      expect(errorOf(json.replace('"q"\n', '"q",\n'), 's.json', 'json')).toMatch(
        /^s\.json:10:7: JSON syntax error: a JSON value is missing: found "]"/,
      );
      expect(errorOf('{"parley": 1, // note\n}', 's.json', 'json')).toBe(
        's.json:1:15: JSON syntax error: a member name is missing: found "/" (expected a member name in double quotes)',
      );
      expect(errorOf(json.slice(0, 40), 's.json', 'json')).toBe(
        's.json:4:3: JSON syntax error: a string is not closed, or holds a raw control character or a bad escape (expected a string closed by a double quote, with valid escapes)',
      );
      expect(errorOf('{\n  "parley": 1', 's.json', 'json')).toBe(
        's.json:2:14: JSON syntax error: the object is not closed: the file ends (expected "," or "}")',
      );
    });
  });
});
