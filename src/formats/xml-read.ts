import type { ParleyError } from '../core/errors.js';
import { shown } from './text-limits.js';
import type { WarningSink } from './warnings.js';
import { attributeOffset, type XmlDocument, type XmlElement } from './xml-tree.js';

export interface NumberRule {
  /** What the number is, for messages: `weight`, `evaluation`, `reservation value`. */
  readonly label: string;
  readonly expected: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** A semantic error at an element of a GENIUS file. */
export function errorAt(
  doc: XmlDocument,
  el: XmlElement,
  message: string,
  expected?: string,
  attr?: string,
): ParleyError {
  const offset = attr === undefined ? el.offset : attributeOffset(doc, el, attr);
  return doc.positions.error('PARLEY_E_FORMAT', message, offset, expected);
}

/** Something well-formed that parley's model cannot hold, at an element of a GENIUS file. */
export function unrepresentableAt(doc: XmlDocument, el: XmlElement, message: string, expected?: string): ParleyError {
  return doc.positions.error('PARLEY_E_UNREPRESENTABLE', message, el.offset, expected);
}

/** A lenient form read at an element (or one of its attributes) of a GENIUS file. */
export function warnAt(warn: WarningSink, doc: XmlDocument, el: XmlElement, message: string, attr?: string): void {
  const offset = attr === undefined ? el.offset : attributeOffset(doc, el, attr);
  warn({ position: doc.positions.at(offset), message });
}

export function requireAttr(doc: XmlDocument, el: XmlElement, name: string, expected: string): string {
  const v = el.attrs[name];
  if (v === undefined) throw errorAt(doc, el, `<${shown(el.name, 40)}> has no attribute "${name}"`, expected);
  return v;
}

/** Parses a number as GENIUS's Double.valueOf would accept it, then checks its range. */
export function parseNumber(doc: XmlDocument, el: XmlElement, attr: string, raw: string, rule: NumberRule): number {
  const trimmed = raw.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  const text = shown(raw, 40);
  if (Number.isNaN(value)) throw errorAt(doc, el, `${rule.label} "${text}" is not a number`, rule.expected, attr);
  if (!Number.isFinite(value))
    throw errorAt(doc, el, `${rule.label} "${text}" is not a finite number`, rule.expected, attr);
  if (rule.integer && !Number.isInteger(value))
    throw errorAt(doc, el, `${rule.label} "${text}" is not a whole number`, rule.expected, attr);
  if (rule.min !== undefined && value < rule.min)
    throw errorAt(doc, el, `${rule.label} ${text} is below ${rule.min}`, rule.expected, attr);
  if (rule.max !== undefined && value > rule.max)
    throw errorAt(doc, el, `${rule.label} ${text} is above ${rule.max}`, rule.expected, attr);
  return value;
}

export function numberAttr(doc: XmlDocument, el: XmlElement, attr: string, rule: NumberRule): number {
  return parseNumber(doc, el, attr, requireAttr(doc, el, attr, rule.expected), rule);
}

export function optionalNumberAttr(
  doc: XmlDocument,
  el: XmlElement,
  attr: string,
  rule: NumberRule,
): number | undefined {
  const raw = el.attrs[attr];
  return raw === undefined ? undefined : parseNumber(doc, el, attr, raw, rule);
}
