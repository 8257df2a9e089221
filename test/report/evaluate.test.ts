import { describe, expect, it } from 'vitest';
import { evaluateOutcome, parseOutcome, renderEvaluationText } from '../../src/report/analysis/evaluate.js';
import { talks } from './fixtures.js';
import { parleyErrorOf } from '../support/errors.js';

describe('evaluating one outcome', () => {
  it("gives each party's utility and says the outcome is in the zone when all accept it", () => {
    const scenario = talks();
    const e = evaluateOutcome(scenario, { ceasefire: 'pause', exchange: 2, aid: 'high' });
    expect(e.parties.map((p) => p.utility)).toEqual(
      [0.5 * 0.6 + 0.3 * 0.5 + 0.2 * 1, 0.6 * 0.4 + 0.2 * 0.5 + 0.2 * 1].map((x) => expect.closeTo(x, 12)),
    );
    expect(e.inZone).toBe(true);
    expect(e.crossesRedLine).toBe(false);
    expect(renderEvaluationText(scenario, e)).toContain('In the zone of possible agreement: yes');
  });

  it('names the red lines an outcome crosses and who rejects it', () => {
    const scenario = talks({ redLines: true });
    const e = evaluateOutcome(scenario, { ceasefire: 'permanent', exchange: 2, aid: 'high' });
    expect(e.crossesRedLine).toBe(true);
    expect(e.inZone).toBe(false);
    expect(e.parties[0]!.redLinesCrossed.map((l) => l.id)).toEqual(['no-permanent']);
    const text = renderEvaluationText(scenario, e);
    expect(text).toContain('North / no-permanent: ceasefire must be one of {none, pause}');
    expect(text).toContain('not acceptable to North');
  });

  it('reads an outcome given with each value in its JSON type', () => {
    const outcome = parseOutcome(talks().domain, '{"ceasefire": "none", "exchange": 3, "aid": "low"}');
    expect(outcome).toEqual({ ceasefire: 'none', exchange: 3, aid: 'low' });
  });

  it('refuses a number written as a string, at its line and column', () => {
    const e = parleyErrorOf(() => parseOutcome(talks().domain, '{"ceasefire": "none", "exchange": "3", "aid": "low"}'));
    expect(e.describe()).toMatch(/^--outcome:1:35: the string "3" is not a value of integer issue "exchange"/);
  });

  it('rejects an unknown value naming the issue and the legal values', () => {
    const e = parleyErrorOf(() =>
      parseOutcome(talks().domain, '{"ceasefire": "forever", "exchange": 3, "aid": "low"}'),
    );
    expect(e.code).toBe('PARLEY_E_OUTCOME');
    expect(e.describe()).toContain('"forever" is not a value of issue "ceasefire"');
    expect(e.describe()).toContain('expected ceasefire: one of "none", "pause", "permanent"');
  });

  it('rejects a missing issue, an unknown issue and text that is not JSON', () => {
    expect(
      parleyErrorOf(() => parseOutcome(talks().domain, '{"ceasefire": "none", "aid": "low"}')).describe(),
    ).toContain('issue "exchange" has no value');
    expect(
      parleyErrorOf(() =>
        parseOutcome(talks().domain, '{"ceasefire": "none", "exchange": 1, "aid": "low", "x": 1}'),
      ).describe(),
    ).toContain('"x" is not an issue');
    expect(parleyErrorOf(() => parseOutcome(talks().domain, '{ceasefire: none}')).describe()).toContain(
      '--outcome:1:2: is not valid JSON',
    );
    expect(parleyErrorOf(() => parseOutcome(talks().domain, '[1, 2]')).describe()).toContain('must be a JSON object');
  });
});
