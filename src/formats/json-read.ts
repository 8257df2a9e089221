import type { ParleyError } from '../core/errors.js';
import { jsonOffset, type JsonDocument } from './json-tree.js';

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A semantic error at `container[key]` of a JSON file. */
export function jsonErrorAt(
  doc: JsonDocument,
  container: unknown,
  key: string | number | undefined,
  message: string,
  expected?: string,
): ParleyError {
  return doc.positions.error('PARLEY_E_FORMAT', message, jsonOffset(doc, container, key), expected);
}

export function jsonUnrepresentableAt(
  doc: JsonDocument,
  container: unknown,
  key: string | undefined,
  message: string,
  expected?: string,
): ParleyError {
  return doc.positions.error('PARLEY_E_UNREPRESENTABLE', message, jsonOffset(doc, container, key), expected);
}

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : JSON.stringify(v);

export function objectMember(doc: JsonDocument, container: JsonObject, key: string, expected: string): JsonObject {
  const v = container[key];
  if (v === undefined)
    throw jsonErrorAt(doc, container, undefined, `member "${key}" is missing`, `"${key}": ${expected}`);
  if (!isObject(v)) throw jsonErrorAt(doc, container, key, `"${key}" is ${describe(v)}`, expected);
  return v;
}

/** A number given as a JSON number or a numeric string (GeniusWeb writes BigDecimals either way). */
export function numberMember(
  doc: JsonDocument,
  container: JsonObject,
  key: string,
  label: string,
  range: { min?: number; max?: number; expected: string },
): number {
  const v = container[key];
  if (v === undefined)
    throw jsonErrorAt(doc, container, undefined, `${label} is missing`, `"${key}": ${range.expected}`);
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n))
    throw jsonErrorAt(doc, container, key, `${label} ${describe(v)} is not a number`, range.expected);
  if (range.min !== undefined && n < range.min)
    throw jsonErrorAt(doc, container, key, `${label} ${n} is below ${range.min}`, range.expected);
  if (range.max !== undefined && n > range.max)
    throw jsonErrorAt(doc, container, key, `${label} ${n} is above ${range.max}`, range.expected);
  return n;
}
