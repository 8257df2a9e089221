import type { HyperRectangle, RectangleUtility } from '../../core/utility.js';
import { errorAt, numberAttr, optionalNumberAttr, unrepresentableAt } from '../xml-read.js';
import { childrenNamed, firstChild, type XmlDocument, type XmlElement } from '../xml-tree.js';
import { issueNumber, type GeniusDomain } from './domain-reader.js';

type Range = { min: number; max: number };
type Box = Record<string, Range>;

const WEIGHT = { label: 'weight', expected: 'a number of 0 or more', min: 0 } as const;

interface Bound {
  readonly issue: string;
  readonly range: Range;
  readonly issueRange: Range;
}

function readBound(doc: XmlDocument, el: XmlElement, g: GeniusDomain): Bound {
  const number = issueNumber(doc, el);
  const issue = g.byNumber.get(number);
  if (!issue)
    throw errorAt(
      doc,
      el,
      `issue index ${number} is not an issue of the domain`,
      `one of the domain's issue indexes ${[...g.byNumber.keys()].join(', ')}`,
      'index',
    );
  if (issue.kind !== 'integer')
    throw errorAt(
      doc,
      el,
      `<${el.name}> refers to issue "${issue.name}", which is not an integer issue`,
      'a bound on an integer issue',
    );
  const min = numberAttr(doc, el, 'min', { label: 'min', expected: 'a number' });
  const max = numberAttr(doc, el, 'max', { label: 'max', expected: 'a number' });
  return { issue: issue.name, range: { min, max }, issueRange: { min: issue.min, max: issue.max } };
}

/** Intersects bounds on the same issue, as GENIUS checks every bound in turn. */
function addBound(box: Box, issue: string, range: Range): void {
  const old = box[issue];
  box[issue] = old ? { min: Math.max(old.min, range.min), max: Math.min(old.max, range.max) } : { ...range };
}

/**
 * An EXCLUDES box pays when some bound is violated. On integer issues that is the union of
 * disjoint boxes: bounds 1..j−1 held and bound j violated below or above.
 */
function complement(bounds: readonly Bound[], value: number): HyperRectangle[] {
  const out: HyperRectangle[] = [];
  for (let j = 0; j < bounds.length; j++) {
    const b = bounds[j]!;
    const sides: Range[] = [
      { min: b.issueRange.min, max: Math.ceil(b.range.min) - 1 },
      { min: Math.floor(b.range.max) + 1, max: b.issueRange.max },
    ];
    for (const side of sides) {
      if (side.min > side.max) continue;
      const box: Box = {};
      for (const held of bounds.slice(0, j)) addBound(box, held.issue, held.range);
      addBound(box, b.issue, side);
      if (Object.values(box).every((r) => r.min <= r.max)) out.push({ value, bounds: box });
    }
  }
  return out;
}

function readRectangle(doc: XmlDocument, el: XmlElement, g: GeniusDomain, ufunWeight: number): HyperRectangle[] {
  const utility = numberAttr(doc, el, 'utility', {
    label: 'rectangle utility',
    expected: 'a number of 0 or more',
    min: 0,
  });
  const weight = optionalNumberAttr(doc, el, 'weight', WEIGHT) ?? 1;
  const value = utility * weight * ufunWeight;
  const excludes = childrenNamed(el, 'EXCLUDES');
  if (excludes.length > 0)
    return complement(
      excludes.map((b) => readBound(doc, b, g)),
      value,
    );
  const box: Box = {};
  for (const b of childrenNamed(el, 'INCLUDES').map((x) => readBound(doc, x, g))) addBound(box, b.issue, b.range);
  return [{ value, bounds: box }];
}

/** The ANAC 2014 `<utility maxutility=…><ufun aggregation="sum"><hyperRectangle …>` form. */
export function readRectangles(doc: XmlDocument, utilityEl: XmlElement, g: GeniusDomain): RectangleUtility {
  const scale = numberAttr(doc, utilityEl, 'maxutility', {
    label: 'maxutility',
    expected: 'a number above 0',
    min: Number.MIN_VALUE,
  });
  const ufun = firstChild(utilityEl, 'ufun');
  if (!ufun)
    throw errorAt(
      doc,
      utilityEl,
      '<utility> has no <ufun>',
      'a <ufun aggregation="sum"> holding <hyperRectangle> elements',
    );
  const aggregation = (ufun.attrs.aggregation ?? '').toLowerCase();
  if (aggregation !== 'sum')
    throw unrepresentableAt(
      doc,
      ufun,
      `<ufun> aggregation "${ufun.attrs.aggregation ?? ''}" cannot be represented`,
      'aggregation="sum"',
    );
  const nested = firstChild(ufun, 'ufun');
  if (nested)
    throw unrepresentableAt(
      doc,
      nested,
      'a nested <ufun> cannot be represented',
      'hyper-rectangles directly under one <ufun>',
    );
  const ufunWeight = optionalNumberAttr(doc, ufun, 'weight', WEIGHT) ?? 1;
  const rectangles = childrenNamed(ufun, 'hyperRectangle').flatMap((el) => readRectangle(doc, el, g, ufunWeight));
  return { kind: 'rectangles', rectangles, scale };
}
