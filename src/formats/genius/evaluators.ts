import type { Issue } from '../../core/issue.js';
import type { ValueFunction } from '../../core/utility.js';
import { quoted } from '../text-limits.js';
import type { WarningSink } from '../warnings.js';
import {
  errorAt,
  numberAttr,
  optionalNumberAttr,
  parseNumber,
  requireAttr,
  unrepresentableAt,
  warnAt,
} from '../xml-read.js';
import { childrenNamed, firstChild, type XmlDocument, type XmlElement } from '../xml-tree.js';

const NUMBER = { label: 'number', expected: 'a number' } as const;
const EVALUATION = { label: 'evaluation', expected: 'a number of 0 or more', min: 0 } as const;

/** GENIUS reads evaluations below this maximum as an issue worth nothing. */
const GENIUS_ZERO_MAX = 0.00001;

/** An item's evaluation; a missing one or `evaluation="null"` counts 0, as GENIUS skips it. */
function itemEvaluation(doc: XmlDocument, item: XmlElement, value: string, issue: string, warn: WarningSink): number {
  const raw = item.attrs.evaluation;
  if (raw === undefined || raw.trim() === 'null') {
    const form = raw === undefined ? 'has no evaluation' : 'has evaluation="null"';
    warnAt(warn, doc, item, `value ${quoted(value)} of issue ${quoted(issue)} ${form}: read as 0 (GENIUS skips it)`);
    return 0;
  }
  return parseNumber(doc, item, 'evaluation', raw, EVALUATION);
}

/**
 * GENIUS divides each evaluation by the issue's best evaluation, so tables hold utilities in
 * [0, 1]. A value the domain lacks is ignored, as GENIUS ignores it, but its evaluation still
 * counts for the best one, as in GENIUS.
 */
function discreteEvaluator(
  doc: XmlDocument,
  el: XmlElement,
  issue: Issue & { kind: 'discrete' },
  warn: WarningSink,
): ValueFunction {
  const known = new Set(issue.values);
  const raw = new Map<string, number>();
  let best = 0;
  for (const item of childrenNamed(el, 'item')) {
    const value = requireAttr(doc, item, 'value', `a value of issue ${quoted(issue.name)}`);
    const evaluation = itemEvaluation(doc, item, value, issue.name, warn);
    best = Math.max(best, evaluation);
    if (!known.has(value)) {
      warnAt(
        warn,
        doc,
        item,
        `value ${quoted(value)} is not a value of issue ${quoted(issue.name)}: ignored (as GENIUS ignores it)`,
        'value',
      );
      continue;
    }
    if (raw.has(value))
      warnAt(
        warn,
        doc,
        item,
        `value ${quoted(value)} is scored twice: the last score is read (as GENIUS reads it)`,
        'value',
      );
    raw.set(value, evaluation);
  }
  const missing = issue.values.filter((v) => !raw.has(v));
  if (missing.length > 0)
    warnAt(
      warn,
      doc,
      el,
      `${missing.length} value${missing.length === 1 ? '' : 's'} of issue ${quoted(issue.name)} ha${missing.length === 1 ? 's' : 've'} no score (${quoted(missing[0]!)}${missing.length > 1 ? ', …' : ''}): read as 0`,
    );
  const utilities: Record<string, number> = {};
  for (const [value, e] of raw) utilities[value] = best < GENIUS_ZERO_MAX ? 0 : e / best;
  return { kind: 'table', utilities };
}

/** `offset − slope · lowerbound`, refused when it leaves the numbers. */
function finiteOffset(doc: XmlDocument, el: XmlElement, issue: string, value: number): number {
  if (!Number.isFinite(value))
    throw errorAt(
      doc,
      el,
      `the evaluator of issue ${quoted(issue)} overflows (its offset at 0 is not a finite number)`,
      'a slope and offset of a usual size',
    );
  return value;
}

/**
 * GENIUS's integer evaluator: clamp01(offset + slope · (x − lowerbound)). An evaluator
 * written as the real form (`parameter0` offset, `parameter1` slope of x) is read as that form,
 * with a warning.
 */
function integerEvaluator(
  doc: XmlDocument,
  el: XmlElement,
  issue: Issue & { kind: 'integer' },
  warn: WarningSink,
): ValueFunction {
  const evaluator = firstChild(el, 'evaluator');
  if (!evaluator) return { kind: 'linear', slope: 0, offset: 0 };
  const ftype = (evaluator.attrs.ftype ?? 'linear').toLowerCase();
  if (ftype !== 'linear')
    throw unrepresentableAt(
      doc,
      evaluator,
      `integer evaluator ftype ${quoted(ftype)} of issue ${quoted(issue.name)} cannot be represented`,
      'ftype="linear"',
    );
  if (evaluator.attrs.slope === undefined && evaluator.attrs.parameter1 !== undefined) {
    warnAt(
      warn,
      doc,
      evaluator,
      `integer evaluator of issue ${quoted(issue.name)} is written with parameter0/parameter1 (the real-issue form): read as clamp01(parameter0 + parameter1 · x)`,
    );
    const slope = numberAttr(doc, evaluator, 'parameter1', { ...NUMBER, label: 'parameter1' });
    const offset = optionalNumberAttr(doc, evaluator, 'parameter0', { ...NUMBER, label: 'parameter0' }) ?? 0;
    return { kind: 'linear', slope, offset };
  }
  const lower =
    optionalNumberAttr(doc, el, 'lowerbound', { label: 'lowerbound', expected: 'a whole number', integer: true }) ??
    issue.min;
  const slope = numberAttr(doc, evaluator, 'slope', { ...NUMBER, label: 'slope' });
  const offset = numberAttr(doc, evaluator, 'offset', { ...NUMBER, label: 'offset' });
  return { kind: 'linear', slope, offset: finiteOffset(doc, evaluator, issue.name, offset - slope * lower) };
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
          `triangular evaluator of issue ${quoted(issue.name)} has top ${top} outside [${lower}, ${upper}]`,
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
        `real evaluator ftype ${quoted(ftype)} of issue ${quoted(issue.name)} cannot be represented`,
        'ftype="linear", "constant" or "triangular"',
      );
  }
}

export function readEvaluator(doc: XmlDocument, el: XmlElement, issue: Issue, warn: WarningSink): ValueFunction {
  switch (issue.kind) {
    case 'discrete':
      return discreteEvaluator(doc, el, issue, warn);
    case 'integer':
      return integerEvaluator(doc, el, issue, warn);
    case 'real':
      return realEvaluator(doc, el, issue);
  }
}
