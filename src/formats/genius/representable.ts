import type { Domain } from '../../core/domain.js';
import type { Issue } from '../../core/issue.js';
import type { Party } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';
import { evaluateValue, type ValueFunction } from '../../core/utility.js';
import { scenarioExtras, sumOf } from '../representable.js';

const EPS = 1e-9;

/** Triangular points (a,0),(t,1),(b,0): the one piecewise shape GENIUS's real evaluator has. */
export function asTriangle(fn: ValueFunction): [number, number, number] | undefined {
  if (fn.kind !== 'piecewise' || fn.points.length !== 3) return undefined;
  const [[a, ya], [t, yt], [b, yb]] = fn.points as [[number, number], [number, number], [number, number]];
  return ya === 0 && yt === 1 && yb === 0 && a < t && t < b ? [a, b, t] : undefined;
}

/** Discrete utilities as GENIUS stores them: one evaluation per value. */
export function discreteTable(fn: ValueFunction, values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = evaluateValue(fn, v);
  return out;
}

function valueProblem(issue: Issue, fn: ValueFunction, who: string): string | undefined {
  const what = `value function of issue "${issue.name}" of party "${who}"`;
  switch (issue.kind) {
    case 'discrete': {
      // a fold, not Math.max(...values): an issue may hold more values than a call has arguments
      const best = Object.values(discreteTable(fn, issue.values)).reduce((m, u) => Math.max(m, u), -Infinity);
      if (best !== 0 && Math.abs(best - 1) > EPS)
        return `${what}: its best value has utility ${best}, and GENIUS XML scales every issue's best value to 1`;
      return undefined;
    }
    case 'integer':
      return fn.kind === 'linear'
        ? undefined
        : `${what}: ${fn.kind} (GENIUS integer issues hold only a linear evaluator)`;
    case 'real':
      return fn.kind === 'linear' || asTriangle(fn)
        ? undefined
        : `${what}: ${fn.kind} (GENIUS real issues hold linear or triangular evaluators)`;
  }
}

function partyProblems(party: Party, domain: Domain): string[] {
  const out: string[] = [];
  if (!/^[^/\\:*?"<>|\0]+$/.test(party.name) || party.name.startsWith('.'))
    out.push(`party name "${party.name}" (not usable as a file name)`);
  if (!(party.discount > 0 && party.discount <= 1))
    out.push(`discount factor ${party.discount} of party "${party.name}"`);
  if (!(party.reservation >= 0 && party.reservation <= 1))
    out.push(`reservation value ${party.reservation} of party "${party.name}"`);
  const u = party.utility;
  if (u.kind === 'additive') {
    const total = sumOf(Object.values(u.weights));
    if (Math.abs(total - 1) > EPS)
      out.push(`issue weights of party "${party.name}" summing to ${total} (GENIUS XML normalises them to 1)`);
    for (const issue of domain.issues) {
      const fn = u.values[issue.name];
      const p = fn ? valueProblem(issue, fn, party.name) : undefined;
      if (p) out.push(p);
    }
    return out;
  }
  if (!(u.scale > 0)) out.push(`hyper-rectangle scale ${u.scale} of party "${party.name}"`);
  u.rectangles.forEach((r, i) => {
    if (!(r.value >= 0)) out.push(`negative value ${r.value} of hyper-rectangle ${i + 1} of party "${party.name}"`);
    for (const [name, bound] of Object.entries(r.bounds)) {
      const issue = domain.issues.find((x) => x.name === name);
      if (!issue || issue.kind !== 'integer' || 'values' in bound)
        out.push(
          `hyper-rectangle ${i + 1} of party "${party.name}" bounding issue "${name}" (GENIUS bounds only integer issues by min and max)`,
        );
    }
  });
  return out;
}

/** Everything in the scenario that GENIUS XML cannot hold; empty when the conversion is exact. */
export function geniusProblems(scenario: Scenario): string[] {
  const out = scenarioExtras(scenario);
  for (const issue of scenario.domain.issues) if (issue.name === '') out.push('an issue with an empty name');
  for (const party of scenario.parties) out.push(...partyProblems(party, scenario.domain));
  return out;
}
