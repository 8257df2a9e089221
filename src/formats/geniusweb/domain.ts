import type { Domain } from '../../core/domain.js';
import type { Issue } from '../../core/issue.js';
import {
  isObject,
  jsonErrorAt,
  jsonUnrepresentableAt,
  numberMember,
  objectMember,
  type JsonObject,
} from '../json-read.js';
import type { JsonDocument } from '../json-tree.js';
import { count, MAX_ISSUE_VALUES, quoted, shown } from '../text-limits.js';

/** An issue with more values than analysis can hold is refused when read, naming the limit. */
function checkSize(doc: JsonDocument, holder: JsonObject, key: string, name: string, size: number): void {
  if (size > MAX_ISSUE_VALUES)
    throw jsonUnrepresentableAt(
      doc,
      holder,
      key,
      `issue ${quoted(name)} has ${count(size)} values, more than parley analyses (${count(MAX_ISSUE_VALUES)})`,
      `at most ${count(MAX_ISSUE_VALUES)} values per issue`,
    );
}

const NUM = { expected: 'a number' } as const;

/** GeniusWeb number ranges become integer issues (step 1, whole bounds) or real grids. */
function rangeIssue(doc: JsonDocument, holder: JsonObject, name: string): Issue {
  const r = holder.range;
  const range: JsonObject = Array.isArray(r) ? { low: r[0], high: r[1], step: r[2] } : isObject(r) ? r : {};
  if (!isObject(r) && !Array.isArray(r))
    throw jsonErrorAt(
      doc,
      holder,
      'range',
      `range of issue "${name}" is not an object`,
      '{"low": …, "high": …, "step": …}',
    );
  const low = numberMember(doc, range, 'low', 'low', NUM);
  const high = numberMember(doc, range, 'high', 'high', { ...NUM, min: low, expected: 'a number not below "low"' });
  const step = numberMember(doc, range, 'step', 'step', { min: Number.MIN_VALUE, expected: 'a number above 0' });
  const steps = Math.round((high - low) / step);
  checkSize(doc, range, 'step', name, steps + 1);
  if (step === 1 && Number.isInteger(low) && Number.isInteger(high))
    return { kind: 'integer', name, min: low, max: high };
  if (Math.abs(steps * step - (high - low)) > 1e-9 * Math.max(1, Math.abs(high - low))) {
    throw jsonErrorAt(
      doc,
      range,
      'step',
      `step ${step} does not divide the range ${low}..${high}`,
      'a step that divides high − low',
    );
  }
  return { kind: 'real', name, min: low, max: high, steps: Math.max(steps, 0) };
}

function readIssue(doc: JsonDocument, issuesValues: JsonObject, name: string): Issue {
  const holder = issuesValues[name];
  if (!isObject(holder))
    throw jsonErrorAt(doc, issuesValues, name, `issue "${name}" is not an object`, '{"values": […]} or {"range": …}');
  if (holder.range !== undefined) return rangeIssue(doc, holder, name);
  const values = holder.values;
  if (!Array.isArray(values))
    throw jsonErrorAt(
      doc,
      holder,
      holder.values === undefined ? undefined : 'values',
      `issue "${name}" has no "values" list`,
      '"values": ["a", "b", …]',
    );
  checkSize(doc, holder, 'values', name, values.length);
  const out: string[] = [];
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (typeof v !== 'string')
      throw jsonErrorAt(
        doc,
        values,
        i,
        `value ${shown(JSON.stringify(v) ?? String(v), 60)} of issue ${quoted(name)} is not a string`,
        'a string value',
      );
    if (seen.has(v))
      throw jsonErrorAt(doc, values, i, `value ${quoted(v)} appears twice in issue ${quoted(name)}`, 'distinct values');
    seen.add(v);
    out.push(v);
  });
  if (out.length === 0) throw jsonErrorAt(doc, holder, 'values', `issue "${name}" has no values`, 'at least one value');
  return { kind: 'discrete', name, values: out };
}

/** Reads a GeniusWeb domain object `{name, issuesValues}`. */
export function readGeniusWebDomain(doc: JsonDocument, value: JsonObject, fallbackName: string): Domain {
  const issuesValues = objectMember(doc, value, 'issuesValues', '{"issue": {"values": […]}, …}');
  const issues = Object.keys(issuesValues).map((name) => readIssue(doc, issuesValues, name));
  if (issues.length === 0)
    throw jsonErrorAt(doc, issuesValues, undefined, 'the domain has no issues', 'at least one issue');
  const name = typeof value.name === 'string' ? value.name : fallbackName;
  return { name, issues, phases: [] };
}

export function geniusWebDomainJson(domain: Domain, name: string): JsonObject {
  const issuesValues: JsonObject = {};
  for (const issue of domain.issues) {
    switch (issue.kind) {
      case 'discrete':
        issuesValues[issue.name] = { values: [...issue.values] };
        break;
      case 'integer':
        issuesValues[issue.name] = { range: { low: issue.min, high: issue.max, step: 1 } };
        break;
      case 'real':
        issuesValues[issue.name] = {
          range: {
            low: issue.min,
            high: issue.max,
            step: issue.steps === 0 ? 1 : (issue.max - issue.min) / issue.steps,
          },
        };
        break;
    }
  }
  return { name, issuesValues };
}
