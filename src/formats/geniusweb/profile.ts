import { issueByName, type Domain, type Outcome } from '../../core/domain.js';
import { isValueOf, type Issue, type Value } from '../../core/issue.js';
import type { Party } from '../../core/party.js';
import { evaluateUtility, type AdditiveUtility, type ValueFunction } from '../../core/utility.js';
import {
  isObject,
  jsonErrorAt,
  jsonUnrepresentableAt,
  numberMember,
  objectMember,
  type JsonObject,
} from '../json-read.js';
import type { JsonDocument } from '../json-tree.js';
import { sumOf } from '../representable.js';
import { listed, quoted, shown } from '../text-limits.js';

const UTILITY = { min: 0, max: 1, expected: 'a utility between 0 and 1' } as const;

/** The profile body, from the nested `{"LinearAdditiveUtilitySpace": {…}}` form or the flat form. */
export function profileBody(doc: JsonDocument, value: JsonObject): JsonObject {
  if (value.issueUtilities !== undefined) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'LinearAdditiveUtilitySpace')
    return objectMember(doc, value, 'LinearAdditiveUtilitySpace', 'the profile object');
  throw jsonUnrepresentableAt(
    doc,
    value,
    keys[0],
    `profile type "${keys[0] ?? ''}" cannot be represented`,
    '"LinearAdditiveUtilitySpace"',
  );
}

function lookupIssue(doc: JsonDocument, container: JsonObject, name: string, domain: Domain): Issue {
  const issue = issueByName(domain, name);
  if (!issue)
    throw jsonErrorAt(
      doc,
      container,
      name,
      `${quoted(name)} is not an issue of domain ${quoted(domain.name)}`,
      `one of ${listed(domain.issues.map((i) => i.name))}`,
    );
  return issue;
}

/** GeniusWeb value utilities are used as given: no per-issue normalisation. */
function readValueUtilities(doc: JsonDocument, holder: JsonObject, issue: Issue): ValueFunction {
  if (holder.numberutils !== undefined) {
    if (issue.kind === 'discrete')
      throw jsonErrorAt(
        doc,
        holder,
        'numberutils',
        `issue "${issue.name}" is discrete but has number utilities`,
        '"discreteutils"',
      );
    const nu = objectMember(doc, holder, 'numberutils', '{"lowValue", "lowUtility", "highValue", "highUtility"}');
    const lv = numberMember(doc, nu, 'lowValue', 'lowValue', { expected: 'a number' });
    const hv = numberMember(doc, nu, 'highValue', 'highValue', { expected: 'a number above lowValue', min: lv });
    const lu = numberMember(doc, nu, 'lowUtility', 'lowUtility', UTILITY);
    const hu = numberMember(doc, nu, 'highUtility', 'highUtility', UTILITY);
    const slope = hv === lv ? 0 : (hu - lu) / (hv - lv);
    return { kind: 'linear', slope, offset: lu - slope * lv };
  }
  const du = objectMember(doc, holder, 'discreteutils', '{"valueUtilities": {…}}');
  const vu = objectMember(doc, du, 'valueUtilities', '{"value": utility, …}');
  if (issue.kind !== 'discrete')
    throw jsonErrorAt(
      doc,
      holder,
      'discreteutils',
      `issue "${issue.name}" is numeric but has discrete utilities`,
      '"numberutils"',
    );
  const utilities: Record<string, number> = {};
  const known = new Set(issue.values);
  for (const v of Object.keys(vu)) {
    if (!known.has(v))
      throw jsonErrorAt(
        doc,
        vu,
        v,
        `${quoted(v)} is not a value of issue ${quoted(issue.name)}`,
        `one of ${listed(issue.values)}`,
      );
    utilities[v] = numberMember(doc, vu, v, `utility of ${quoted(v)}`, UTILITY);
  }
  return { kind: 'table', utilities };
}

function readBid(doc: JsonDocument, body: JsonObject, domain: Domain): Outcome | undefined {
  if (body.reservationBid === undefined || body.reservationBid === null) return undefined;
  const bid = objectMember(doc, body, 'reservationBid', '{"issuevalues": {…}}');
  const values = objectMember(doc, bid, 'issuevalues', '{"issue": value, …}');
  const out: Record<string, Value> = {};
  for (const [name, v] of Object.entries(values)) {
    const issue = lookupIssue(doc, values, name, domain);
    if ((typeof v !== 'string' && typeof v !== 'number') || !isValueOf(issue, v)) {
      throw jsonErrorAt(
        doc,
        values,
        name,
        `${shown(JSON.stringify(v) ?? String(v), 60)} is not a value of issue ${quoted(issue.name)}`,
        `a value of issue "${issue.name}"`,
      );
    }
    out[name] = v;
  }
  return out;
}

/** Reads a LinearAdditiveUtilitySpace profile (either form) against a domain. */
export function readGeniusWebProfile(doc: JsonDocument, value: JsonObject, domain: Domain, partyName: string): Party {
  const body = profileBody(doc, value);
  const iu = objectMember(doc, body, 'issueUtilities', '{"issue": {"discreteutils": …}, …}');
  const iw = objectMember(doc, body, 'issueWeights', '{"issue": weight, …}');
  const values: Record<string, ValueFunction> = {};
  for (const name of Object.keys(iu)) {
    const holder = iu[name];
    const issue = lookupIssue(doc, iu, name, domain);
    if (!isObject(holder))
      throw jsonErrorAt(
        doc,
        iu,
        name,
        `utilities of issue "${name}" are not an object`,
        '{"discreteutils": …} or {"numberutils": …}',
      );
    values[name] = readValueUtilities(doc, holder, issue);
  }
  const weights: Record<string, number> = {};
  for (const name of Object.keys(iw)) {
    lookupIssue(doc, iw, name, domain);
    weights[name] = numberMember(doc, iw, name, `weight of issue "${name}"`, {
      min: 0,
      max: 1,
      expected: 'a number between 0 and 1',
    });
  }
  const total = sumOf(Object.values(weights));
  if (Math.abs(total - 1) > 1e-6)
    throw jsonErrorAt(doc, body, 'issueWeights', `the issue weights sum to ${total}`, 'weights summing to 1');
  for (const issue of domain.issues) {
    weights[issue.name] ??= 0;
    values[issue.name] ??=
      issue.kind === 'discrete' ? { kind: 'table', utilities: {} } : { kind: 'linear', slope: 0, offset: 0 };
  }
  const utility: AdditiveUtility = { kind: 'additive', weights, values };
  const bid = readBid(doc, body, domain);
  const declared = body.reservationValue ?? body.reservationvalue;
  const reservation = bid
    ? evaluateUtility(utility, bid)
    : declared === undefined
      ? 0
      : numberMember(
          doc,
          body,
          body.reservationValue === undefined ? 'reservationvalue' : 'reservationValue',
          'reservation value',
          UTILITY,
        );
  return { name: partyName, utility, reservation, discount: 1, redLines: [] };
}
