import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { analyze } from '../../src/analysis/index.js';
import { analysisToJson } from '../../src/report/json/analysis-json.js';
import { ANALYSIS_SCHEMA_FILE, analysisSchemaFileText } from '../../src/report/json/write-schema.js';
import { talks } from './fixtures.js';

const published = () => JSON.parse(readFileSync(ANALYSIS_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

describe('the analysis JSON', () => {
  it('has a published schema that is current (regenerate: npx tsx src/report/json/write-schema.ts)', () => {
    expect(readFileSync(ANALYSIS_SCHEMA_FILE, 'utf8')).toBe(analysisSchemaFileText());
  });

  it('validates against the published schema, with and without a zone', () => {
    const schema = z.fromJSONSchema(published());
    for (const scenario of [talks(), talks({ redLines: true }), talks({ thirdParty: true })]) {
      const json = JSON.parse(JSON.stringify(analysisToJson(scenario, analyze(scenario))));
      expect(schema.safeParse(json).error).toBeUndefined();
    }
  });

  it('is rejected by the schema when a contract field is missing or mistyped', () => {
    const schema = z.fromJSONSchema(published());
    const json = JSON.parse(JSON.stringify(analysisToJson(talks(), analyze(talks()))));
    expect(schema.safeParse({ ...json, outcomes: 30 }).success).toBe(false);
    const { frontier: _, ...noFrontier } = json;
    expect(schema.safeParse(noFrontier).success).toBe(false);
  });

  it('gives counts as decimal strings and the zone size as null or a count', () => {
    const scenario = talks({ redLines: true });
    const json = analysisToJson(scenario, analyze(scenario));
    expect(json.outcomes).toBe('30');
    expect(json.zopa.size).toBe('0');
    expect(json.zopa.best).toEqual([]);
    expect(json.nash).toBeNull();
    expect(json.blockers.length).toBeGreaterThan(0);
    expect(json.assumed).toEqual([{ path: 'parties.North.weights.ceasefire', reason: 'the reports give no weights' }]);
  });
});
