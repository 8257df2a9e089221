import { issueByName, type Domain } from '../../core/domain.js';
import { isValueOf } from '../../core/issue.js';
import type { Party, RedLine } from '../../core/party.js';
import type { HyperRectangle, UtilityFunction } from '../../core/utility.js';

/**
 * What is wrong with a profile a delegation shares, checked against the domain before the
 * mediators ever read it: every issue named exists, every value is one of the issue's,
 * weights and utilities are numbers in range, the walk-away value and discount are in
 * [0, 1]. An empty list means the mediators can evaluate any package with it.
 * Actions may arrive as JSON from anywhere, so nothing here trusts the declared types.
 */
export function profileProblems(domain: Domain, party: Party): string[] {
  if (typeof party !== 'object' || party === null) return ['the preferences are not an object'];
  const problems: string[] = [];
  if (!inRange(party.reservation, 0, 1)) problems.push(`reservation must be a number in [0, 1]`);
  if (!inRange(party.discount, 0, 1) || party.discount === 0) problems.push(`discount must be a number in (0, 1]`);
  if (!Array.isArray(party.redLines)) problems.push('redLines must be a list');
  else party.redLines.forEach((line, i) => problems.push(...redLineProblems(domain, line, i)));
  problems.push(...utilityProblems(domain, party.utility));
  return problems;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const inRange = (x: unknown, lo: number, hi: number) => isNumber(x) && x >= lo && x <= hi;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function redLineProblems(domain: Domain, line: RedLine, i: number): string[] {
  const at = `red line ${i + 1}`;
  if (!isRecord(line) || typeof line.id !== 'string') return [`${at} needs an id`];
  const issue = issueByName(domain, String(line.issue));
  if (!issue) return [`${at} ("${line.id}") names no issue of the domain ("${String(line.issue)}")`];
  const out: string[] = [];
  if (line.allowed !== undefined) {
    if (!Array.isArray(line.allowed)) out.push(`${at} ("${line.id}"): allowed must be a list`);
    else
      for (const v of line.allowed)
        if (!isValueOf(issue, v)) out.push(`${at} ("${line.id}"): "${String(v)}" is not a value of ${issue.name}`);
  }
  for (const bound of ['min', 'max'] as const)
    if (line[bound] !== undefined && !isNumber(line[bound]))
      out.push(`${at} ("${line.id}"): ${bound} must be a number`);
  return out;
}

function utilityProblems(domain: Domain, utility: UtilityFunction): string[] {
  if (!isRecord(utility)) return ['utility must be an object'];
  if (utility.kind === 'additive') return additiveProblems(domain, utility.weights, utility.values);
  if (utility.kind === 'rectangles') {
    if (!isNumber(utility.scale) || utility.scale <= 0) return ['utility scale must be a positive number'];
    if (!Array.isArray(utility.rectangles)) return ['utility rectangles must be a list'];
    return utility.rectangles.flatMap((r, i) => rectangleProblems(domain, r, i));
  }
  return [`utility kind must be "additive" or "rectangles", got "${String((utility as { kind: unknown }).kind)}"`];
}

function additiveProblems(domain: Domain, weights: unknown, values: unknown): string[] {
  if (!isRecord(weights) || !isRecord(values)) return ['an additive utility needs weights and values by issue'];
  const out: string[] = [];
  let total = 0;
  for (const [name, w] of Object.entries(weights)) {
    if (!issueByName(domain, name)) out.push(`weight for "${name}", which is not an issue of the domain`);
    else if (!isNumber(w) || w < 0) out.push(`the weight of ${name} must be a number of at least 0`);
    else total += w;
  }
  if (out.length === 0 && total <= 0) out.push('the weights must not all be 0');
  for (const [name, fn] of Object.entries(values)) out.push(...valueFunctionProblems(domain, name, fn));
  return out;
}

function valueFunctionProblems(domain: Domain, name: string, fn: unknown): string[] {
  const issue = issueByName(domain, name);
  if (!issue) return [`values for "${name}", which is not an issue of the domain`];
  if (!isRecord(fn)) return [`the values of ${name} must be an object`];
  if (fn.kind === 'table') {
    if (!isRecord(fn.utilities)) return [`the values of ${name} need a table of utilities`];
    return Object.entries(fn.utilities).flatMap(([v, u]) => {
      const value = issue.kind === 'discrete' ? v : Number(v);
      if (!isValueOf(issue, value)) return [`"${v}" is not a value of ${name}`];
      return inRange(u, 0, 1) ? [] : [`the utility of ${name} ${v} must be a number in [0, 1]`];
    });
  }
  if (issue.kind === 'discrete') return [`${name} is discrete: its values need a table`];
  if (fn.kind === 'linear')
    return isNumber(fn.slope) && isNumber(fn.offset)
      ? []
      : [`the linear values of ${name} need a numeric slope and offset`];
  if (fn.kind === 'piecewise') {
    const ok = Array.isArray(fn.points) && fn.points.every((p) => Array.isArray(p) && isNumber(p[0]) && isNumber(p[1]));
    return ok ? [] : [`the piecewise values of ${name} need [x, utility] number pairs`];
  }
  return [`the values of ${name} must be a table, linear or piecewise`];
}

function rectangleProblems(domain: Domain, rect: HyperRectangle, i: number): string[] {
  if (!isRecord(rect) || !isNumber(rect.value) || !isRecord(rect.bounds))
    return [`rectangle ${i + 1} needs a numeric value and bounds`];
  return Object.keys(rect.bounds)
    .filter((name) => !issueByName(domain, name))
    .map((name) => `rectangle ${i + 1} bounds "${name}", which is not an issue of the domain`);
}
