import { outcomeCount, outcomeFromIndex, type Domain, type Outcome } from '../../core/domain.js';
import { issueSize, type Issue } from '../../core/issue.js';
import type { Party } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';
import { evaluateUtility, evaluateValue, type AdditiveUtility, type ValueFunction } from '../../core/utility.js';
import { discreteTable } from '../genius/representable.js';
import { domainFileName } from '../genius/writer.js';
import type { JsonObject } from '../json-read.js';
import { refuseUnrepresentable, scenarioExtras, sumOf } from '../representable.js';
import { geniusWebDomainJson } from './domain.js';

const MAX_BID_SEARCH = 2_000_000n;

/** GeniusWeb states a reservation only as a bid: find one whose utility is exactly the reservation. */
export function reservationBid(party: Party, domain: Domain): Outcome | undefined {
  if (party.reservation === 0 || outcomeCount(domain) > MAX_BID_SEARCH) return undefined;
  const sizes = domain.issues.map(issueSize);
  const idx = sizes.map(() => 0);
  for (;;) {
    const o = outcomeFromIndex(domain, idx);
    if (Math.abs(evaluateUtility(party.utility, o) - party.reservation) <= 1e-12) return o;
    let k = 0;
    while (k < idx.length && ++idx[k]! >= sizes[k]!) idx[k++] = 0;
    if (k === idx.length) return undefined;
  }
}

function numberProblem(issue: Issue & { kind: 'integer' | 'real' }, fn: ValueFunction): string | undefined {
  if (fn.kind !== 'linear') return `${fn.kind} value function (GeniusWeb number utilities are linear)`;
  const lo = fn.slope * issue.min + fn.offset;
  const hi = fn.slope * issue.max + fn.offset;
  return lo < 0 || lo > 1 || hi < 0 || hi > 1 ? 'a linear value function clamped inside the range' : undefined;
}

function partyProblems(party: Party, domain: Domain): string[] {
  const who = `party "${party.name}"`;
  const out: string[] = [];
  if (party.discount !== 1) out.push(`discount factor ${party.discount} of ${who}`);
  const u = party.utility;
  if (u.kind === 'rectangles') return [...out, `hyper-rectangle utility of ${who}`];
  const total = sumOf(Object.values(u.weights));
  if (Math.abs(total - 1) > 1e-9) out.push(`issue weights of ${who} summing to ${total}`);
  for (const issue of domain.issues) {
    const fn = u.values[issue.name];
    if (!fn) continue;
    if (issue.kind === 'discrete') {
      const bad = Object.values(discreteTable(fn, issue.values)).find((x) => x < 0 || x > 1);
      if (bad !== undefined) out.push(`utility ${bad} in issue "${issue.name}" of ${who}`);
    } else {
      const p = numberProblem(issue, fn);
      if (p) out.push(`${p} of issue "${issue.name}" of ${who}`);
    }
  }
  if (party.reservation !== 0 && !reservationBid(party, domain)) {
    out.push(
      `reservation value ${party.reservation} of ${who} (GeniusWeb gives a reservation as a bid, and no bid has exactly this utility)`,
    );
  }
  return out;
}

export function geniusWebProblems(scenario: Scenario): string[] {
  return [...scenarioExtras(scenario), ...scenario.parties.flatMap((p) => partyProblems(p, scenario.domain))];
}

function issueUtilities(u: AdditiveUtility, domain: Domain): JsonObject {
  const out: JsonObject = {};
  for (const issue of domain.issues) {
    const fn = u.values[issue.name] ?? { kind: 'linear', slope: 0, offset: 0 };
    out[issue.name] =
      issue.kind === 'discrete'
        ? { discreteutils: { valueUtilities: discreteTable(fn, issue.values) } }
        : {
            numberutils: {
              lowValue: issue.min,
              lowUtility: evaluateValue(fn, issue.min),
              highValue: issue.max,
              highUtility: evaluateValue(fn, issue.max),
            },
          };
  }
  return out;
}

export function geniusWebProfileJson(party: Party, domain: Domain, domainJson: JsonObject): JsonObject {
  if (party.utility.kind !== 'additive') throw new Error('unreachable: checked by geniusWebProblems');
  const weights: JsonObject = {};
  for (const issue of domain.issues) weights[issue.name] = party.utility.weights[issue.name] ?? 0;
  const bid = reservationBid(party, domain);
  const body: JsonObject = {
    name: party.name,
    issueUtilities: issueUtilities(party.utility, domain),
    issueWeights: weights,
    domain: domainJson,
  };
  if (bid) body.reservationBid = { issuevalues: { ...bid } };
  return { LinearAdditiveUtilitySpace: body };
}

/** The files of a GeniusWeb folder: the domain, then one profile per party. Refuses lossy input. */
export function geniusWebFiles(scenario: Scenario): { name: string; text: string }[] {
  refuseUnrepresentable('GeniusWeb JSON', geniusWebProblems(scenario));
  const domainName = scenario.name.split('/').pop() || scenario.domain.name;
  const domainJson = geniusWebDomainJson(scenario.domain, domainName);
  const text = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  return [
    { name: domainFileName(scenario, 'json'), text: text(domainJson) },
    ...scenario.parties.map((p) => ({
      name: `${p.name}.json`,
      text: text(geniusWebProfileJson(p, scenario.domain, domainJson)),
    })),
  ];
}
