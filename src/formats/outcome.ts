import type { Domain, Outcome } from '../core/domain.js';
import { ParleyError } from '../core/errors.js';
import { valueAt, type Issue, type Value } from '../core/issue.js';
import { isObject } from './json-read.js';
import { jsonOffset, parseJsonDocument, type JsonDocument } from './json-tree.js';
import { listed, quoted, shown } from './text-limits.js';

/** What an issue takes, for messages: a few values, a range, or a grid. */
export function legalValues(issue: Issue): string {
  switch (issue.kind) {
    case 'discrete':
      return `one of ${listed(issue.values)} (as a JSON string)`;
    case 'integer':
      return `a whole number from ${issue.min} to ${issue.max} (as a JSON number)`;
    case 'real':
      return `a number from ${issue.min} to ${issue.max} on the grid of ${issue.steps} steps (as a JSON number)`;
  }
}

/** The grid point a real value stands on (within rounding), or undefined when it is off the grid. */
function onGrid(issue: Issue & { kind: 'real' }, x: number): number | undefined {
  if (issue.steps === 0 || issue.max === issue.min) return x === issue.min ? issue.min : undefined;
  const k = Math.round(((x - issue.min) / (issue.max - issue.min)) * issue.steps);
  if (k < 0 || k > issue.steps) return undefined;
  const point = valueAt(issue, k) as number;
  return Math.abs(point - x) <= 1e-9 * Math.max(1, Math.abs(issue.max - issue.min)) ? point : undefined;
}

/** The value as the issue holds it, or why it is not one of its values. */
function checkValue(issue: Issue, value: unknown): { value: Value } | { problem: string } {
  const what =
    typeof value === 'string' ? `the string ${quoted(value)}` : shown(JSON.stringify(value) ?? String(value), 60);
  switch (issue.kind) {
    case 'discrete':
      if (typeof value !== 'string')
        return { problem: `${what} is not a value of issue ${quoted(issue.name)} (its values are strings)` };
      return issue.values.includes(value)
        ? { value }
        : { problem: `${what} is not a value of issue ${quoted(issue.name)}` };
    case 'integer':
      if (typeof value !== 'number')
        return {
          problem: `${what} is not a value of integer issue ${quoted(issue.name)} (write numbers without quotes)`,
        };
      return Number.isInteger(value) && value >= issue.min && value <= issue.max
        ? { value }
        : { problem: `${what} is not a value of integer issue ${quoted(issue.name)}` };
    case 'real': {
      if (typeof value !== 'number')
        return { problem: `${what} is not a value of real issue ${quoted(issue.name)} (write numbers without quotes)` };
      const point = value >= issue.min && value <= issue.max ? onGrid(issue, value) : undefined;
      return point === undefined
        ? { problem: `${what} is not a grid value of real issue ${quoted(issue.name)}` }
        : { value: point };
    }
  }
}

function outcomeError(doc: JsonDocument, offset: number, message: string, expected: string): ParleyError {
  return new ParleyError('PARLEY_E_OUTCOME', message, { position: doc.positions.at(offset), expected });
}

/**
 * Reads an outcome given as JSON text (`{"issue": value, …}`), strictly: a discrete value
 * is a JSON string, a numeric value a JSON number (a real one on the issue's grid), each
 * issue once, no other member. Every problem names its line and column in `source` and
 * the legal values.
 */
export function parseOutcome(domain: Domain, text: string, source = '--outcome'): Outcome {
  let doc: JsonDocument;
  try {
    doc = parseJsonDocument(text, source);
  } catch (e) {
    if (e instanceof ParleyError)
      throw new ParleyError('PARLEY_E_OUTCOME', `is not valid JSON: ${e.message.replace(/^JSON syntax error: /, '')}`, {
        position: e.position,
        expected: 'an object such as {"issue": "value", …}',
      });
    throw e;
  }
  const raw = doc.value;
  if (!isObject(raw)) throw outcomeError(doc, 0, 'must be a JSON object', 'an object such as {"issue": "value", …}');
  const duplicate = doc.duplicates[0];
  if (duplicate)
    throw outcomeError(doc, duplicate.offset, `issue ${quoted(duplicate.key)} is given twice`, 'each issue once');
  const byName = new Map(domain.issues.map((i) => [i.name, i]));
  const outcome: Record<string, Value> = {};
  for (const key of Object.keys(raw)) {
    const issue = byName.get(key);
    const at = jsonOffset(doc, raw, key);
    if (!issue)
      throw outcomeError(
        doc,
        at,
        `${quoted(key)} is not an issue of the domain`,
        `only the issues ${listed(domain.issues.map((i) => i.name))}`,
      );
    const checked = checkValue(issue, raw[key]);
    if ('problem' in checked)
      throw outcomeError(doc, at, checked.problem, `${shown(issue.name, 60)}: ${legalValues(issue)}`);
    Object.defineProperty(outcome, key, { value: checked.value, enumerable: true, writable: true, configurable: true });
  }
  const missing = domain.issues.find((i) => !Object.prototype.hasOwnProperty.call(outcome, i.name));
  if (missing)
    throw outcomeError(
      doc,
      0,
      `issue ${quoted(missing.name)} has no value`,
      `${shown(missing.name, 60)}: ${legalValues(missing)}`,
    );
  return outcome;
}
