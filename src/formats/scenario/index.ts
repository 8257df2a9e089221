import { Document, isScalar, isSeq, visit } from 'yaml';
import { z } from 'zod';
import { ParleyError, isParleyError } from '../../core/errors.js';
import { readText } from '../file-io.js';
import { ignoreWarnings, type WarningSink } from '../warnings.js';
import type { Scenario } from '../../core/scenario.js';
import { CheckContext, checkAssumptionsHaveReasons } from './check-context.js';
import { checkDomain } from './check-domain.js';
import { checkReferences } from './check-roles.js';
import { explainSchemaIssue } from './explain.js';
import { scenarioToFile } from './from-core.js';
import { scenarioFileSchema } from './schema.js';
import { parseSourceText, type ScenarioTextFormat } from './source-text.js';
import { scenarioFromFile } from './to-core.js';

export type { ScenarioTextFormat } from './source-text.js';
export { FORMAT_VERSION } from './schema.js';

/** Reads a parley scenario (`.yaml`, `.yml` or `.json`) into the core model. */
export function readScenarioFile(path: string, warn: WarningSink = ignoreWarnings): Scenario {
  return parseScenarioText(readText(path, warn), path, path.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
}

/** Parses scenario text; every problem is a ParleyError naming file, line and column. */
export function parseScenarioText(text: string, file: string, format: ScenarioTextFormat): Scenario {
  try {
    const source = parseSourceText(text, file, format);
    const parsed = scenarioFileSchema.safeParse(source.data, { reportInput: true });
    if (!parsed.success) throw explainSchemaIssue(parsed.error.issues, source, scenarioFileSchema);
    const ctx = new CheckContext(parsed.data, source);
    checkAssumptionsHaveReasons(ctx, source.data);
    checkDomain(ctx);
    checkReferences(ctx);
    return scenarioFromFile(parsed.data);
  } catch (e) {
    if (isParleyError(e)) throw e;
    // e.g. a stack overflow on absurdly deep nesting: still a clear input error, not a crash.
    throw new ParleyError('PARLEY_E_PARSE', `cannot read the scenario: ${(e as Error).message}`, {
      position: { file },
      expected: `a ${format.toUpperCase()} scenario`,
      cause: e,
    });
  }
}

/** Writes a scenario as YAML or JSON; reading the text back gives the same scenario. */
export function writeScenarioText(scenario: Scenario, format: ScenarioTextFormat): string {
  const file = scenarioToFile(scenario);
  if (format === 'json') return `${JSON.stringify(file, null, 2)}\n`;
  const doc = new Document(file, { aliasDuplicateObjects: false });
  // Short lists of plain values read best on one line: `values: [open, closed]`.
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((i) => isScalar(i)) && node.items.length <= 8) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** True for a parsed JSON value that is a parley scenario (it has the `parley:` version key). */
export function isParleyScenarioJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'parley' in value;
}

/** The JSON Schema of the scenario file format (for editors and other tools). */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}
