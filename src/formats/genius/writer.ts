import type { Domain } from '../../core/domain.js';
import type { Issue } from '../../core/issue.js';
import type { Party } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';
import type { AdditiveUtility, RectangleUtility } from '../../core/utility.js';
import { refuseUnrepresentable } from '../representable.js';
import { xmlAttr as a } from '../xml-tree.js';
import { asTriangle, discreteTable, geniusProblems } from './representable.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const ROOT_OBJECTIVE = '<objective index="0" etype="objective" type="objective" description="" name="root">';

function issueOpen(issue: Issue, number: number): string {
  const desc = issue.description ? ` description="${a(issue.description)}"` : '';
  const common = `index="${number}" name="${a(issue.name)}" etype="${issue.kind}" type="${issue.kind}" vtype="${issue.kind}"${desc}`;
  switch (issue.kind) {
    case 'discrete':
      return `<issue ${common}>`;
    case 'integer':
      return `<issue ${common} lowerbound="${issue.min}" upperbound="${issue.max}">`;
    case 'real':
      return `<issue ${common} lowerbound="${issue.min}" upperbound="${issue.max}" steps="${issue.steps}">\n      <range lowerbound="${issue.min}" upperbound="${issue.max}"/>`;
  }
}

function domainIssue(issue: Issue, number: number): string {
  const items =
    issue.kind === 'discrete'
      ? issue.values.map((v, i) => `\n      <item index="${i + 1}" value="${a(v)}"/>`).join('')
      : '';
  return `    ${issueOpen(issue, number)}${items}\n    </issue>\n`;
}

export function writeGeniusDomain(domain: Domain): string {
  const issues = domain.issues.map((issue, i) => domainIssue(issue, i + 1)).join('');
  return `${HEAD}<negotiation_template>\n<utility_space number_of_issues="${domain.issues.length}">\n${ROOT_OBJECTIVE}\n${issues}</objective>\n</utility_space>\n</negotiation_template>\n`;
}

function evaluatorBody(issue: Issue, u: AdditiveUtility): string {
  const fn = u.values[issue.name] ?? { kind: 'linear', slope: 0, offset: 0 };
  switch (issue.kind) {
    case 'discrete': {
      const table = discreteTable(fn, issue.values);
      return issue.values
        .map((v, i) => `\n      <item index="${i + 1}" value="${a(v)}" evaluation="${table[v]}"/>`)
        .join('');
    }
    case 'integer': {
      if (fn.kind !== 'linear') throw new Error('unreachable: checked by geniusProblems');
      return `\n      <evaluator ftype="linear" slope="${fn.slope}" offset="${fn.offset + fn.slope * issue.min}"/>`;
    }
    case 'real': {
      const tri = asTriangle(fn);
      if (tri)
        return `\n      <evaluator ftype="triangular" parameter0="${tri[0]}" parameter1="${tri[1]}" parameter2="${tri[2]}"/>`;
      if (fn.kind !== 'linear') throw new Error('unreachable: checked by geniusProblems');
      return `\n      <evaluator ftype="linear" parameter0="${fn.offset}" parameter1="${fn.slope}"/>`;
    }
  }
}

function additiveObjective(domain: Domain, u: AdditiveUtility): string {
  const issues = domain.issues
    .map((issue, i) => `    ${issueOpen(issue, i + 1)}${evaluatorBody(issue, u)}\n    </issue>\n`)
    .join('');
  const weights = domain.issues
    .map((issue, i) => `    <weight index="${i + 1}" value="${u.weights[issue.name] ?? 0}"/>\n`)
    .join('');
  return `${ROOT_OBJECTIVE}\n${issues}${weights}</objective>\n`;
}

function rectangleObjective(domain: Domain, u: RectangleUtility): string {
  const numberOf = new Map(domain.issues.map((issue, i) => [issue.name, i + 1]));
  const rects = u.rectangles
    .map((r) => {
      const bounds = Object.entries(r.bounds)
        .map(([name, b]) =>
          'min' in b ? `\n            <INCLUDES index="${numberOf.get(name)}" min="${b.min}" max="${b.max}"/>` : '',
        )
        .join('');
      return `         <hyperRectangle utility="${r.value}">${bounds}\n         </hyperRectangle>\n`;
    })
    .join('');
  const issues = domain.issues.map((issue, i) => domainIssue(issue, i + 1)).join('');
  return `${ROOT_OBJECTIVE}\n${issues}   <utility maxutility="${u.scale}">\n      <ufun type="PlainUfun" weight="1" aggregation="sum">\n${rects}      </ufun>\n   </utility>\n</objective>\n`;
}

export function writeGeniusProfile(party: Party, domain: Domain): string {
  const u = party.utility;
  const type = u.kind === 'rectangles' ? ' type="nonlinear"' : '';
  const objective = u.kind === 'additive' ? additiveObjective(domain, u) : rectangleObjective(domain, u);
  const discount = party.discount < 1 ? `<discount_factor value="${party.discount}"/>\n` : '';
  return `${HEAD}<utility_space${type}>\n${objective}${discount}<reservation value="${party.reservation}"/>\n</utility_space>\n`;
}

/** A domain file name that no profile file takes. */
export function domainFileName(scenario: Scenario, ext: string): string {
  const taken = new Set(scenario.parties.map((p) => p.name));
  let base = 'domain';
  while (taken.has(base)) base = `_${base}`;
  return `${base}.${ext}`;
}

/** The files of a GENIUS folder: the domain, then one profile per party. Refuses lossy input. */
export function geniusFiles(scenario: Scenario): { name: string; text: string }[] {
  refuseUnrepresentable('GENIUS XML', geniusProblems(scenario));
  return [
    { name: domainFileName(scenario, 'xml'), text: writeGeniusDomain(scenario.domain) },
    ...scenario.parties.map((p) => ({ name: `${p.name}.xml`, text: writeGeniusProfile(p, scenario.domain) })),
  ];
}
