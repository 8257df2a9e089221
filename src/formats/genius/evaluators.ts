import type { Issue } from '../../core/issue.js';
import type { ValueFunction } from '../../core/utility.js';
import { errorAt, numberAttr, optionalNumberAttr, requireAttr, unrepresentableAt } from '../xml-read.js';
import { childrenNamed, firstChild, type XmlDocument, type XmlElement } from '../xml-tree.js';

const NUMBER = { label: 'number', expected: 'a number' } as const;

/** GENIUS divides each evaluation by the issue's best evaluation, so tables hold utilities in [0, 1]. */
function discreteEvaluator(doc: XmlDocument, el: XmlElement, issue: Issue & { kind: 'discrete' }): ValueFunction {
  const raw: Record<string, number> = {};
  for (const item of childrenNamed(el, 'item')) {
    const value = requireAttr(doc, item, 'value', `a value of issue "${issue.name}"`);
    if (!issue.values.includes(value)) {
      throw errorAt(
        doc,
        item,
        `value "${value}" is not a value of issue "${issue.name}"`,
        `one of ${issue.values.map((v) => `"${v}"`).join(', ')}`,
        'value',
      );
    }
    raw[value] = numberAttr(doc, item, 'evaluation', {
      label: 'evaluation',
      expected: 'a number of 0 or more',
      min: 0,
    });
  }
  const best = Math.max(0, ...Object.values(raw));
  const utilities: Record<string, number> = {};
  for (const [value, e] of Object.entries(raw)) utilities[value] = best === 0 ? 0 : e / best;
  return { kind: 'table', utilities };
}

/** GENIUS's integer evaluator: clamp01(offset + slope · (x − lowerbound)). */
function integerEvaluator(doc: XmlDocument, el: XmlElement, issue: Issue & { kind: 'integer' }): ValueFunction {
  const evaluator = firstChild(el, 'evaluator');
  if (!evaluator) return { kind: 'linear', slope: 0, offset: 0 };
  const ftype = (evaluator.attrs.ftype ?? 'linear').toLowerCase();
  if (ftype !== 'linear')
    throw unrepresentableAt(
      doc,
      evaluator,
      `integer evaluator ftype "${ftype}" of issue "${issue.name}" cannot be represented`,
      'ftype="linear"',
    );
  const lower =
    optionalNumberAttr(doc, el, 'lowerbound', { label: 'lowerbound', expected: 'a whole number', integer: true }) ??
    issue.min;
  const slope = numberAttr(doc, evaluator, 'slope', { ...NUMBER, label: 'slope' });
  const offset = numberAttr(doc, evaluator, 'offset', { ...NUMBER, label: 'offset' });
  return { kind: 'linear', slope, offset: offset - slope * lower };
}

/** GENIUS's real evaluator: linear (parameter0 offset, parameter1 slope), constant or triangular. */
function realEvaluator(doc: XmlDocument, el: XmlElement, issue: Issue & { kind: 'real' }): ValueFunction {
  const evaluator = firstChild(el, 'evaluator');
  if (!evaluator) return { kind: 'linear', slope: 0, offset: 0 };
  const ftype = (evaluator.attrs.ftype ?? '').toLowerCase();
  const param = (i: number) => numberAttr(doc, evaluator, `parameter${i}`, { ...NUMBER, label: `parameter${i}` });
  switch (ftype) {
    case 'linear':
      return { kind: 'linear', slope: param(1), offset: param(0) };
    case 'constant':
      return {
        kind: 'linear',
        slope: 0,
        offset: numberAttr(doc, evaluator, 'parameter0', {
          label: 'parameter0',
          expected: 'a utility between 0 and 1',
          min: 0,
          max: 1,
        }),
      };
    case 'triangular': {
      const [lower, upper, top] = [param(0), param(1), param(2)];
      if (!(lower <= top && top <= upper))
        throw errorAt(
          doc,
          evaluator,
          `triangular evaluator of issue "${issue.name}" has top ${top} outside [${lower}, ${upper}]`,
          'parameter0 ≤ parameter2 ≤ parameter1',
        );
      return {
        kind: 'piecewise',
        points: [
          [lower, 0],
          [top, 1],
          [upper, 0],
        ],
      };
    }
    default:
      throw unrepresentableAt(
        doc,
        evaluator,
        `real evaluator ftype "${ftype}" of issue "${issue.name}" cannot be represented`,
        'ftype="linear", "constant" or "triangular"',
      );
  }
}

export function readEvaluator(doc: XmlDocument, el: XmlElement, issue: Issue): ValueFunction {
  switch (issue.kind) {
    case 'discrete':
      return discreteEvaluator(doc, el, issue);
    case 'integer':
      return integerEvaluator(doc, el, issue);
    case 'real':
      return realEvaluator(doc, el, issue);
  }
}
