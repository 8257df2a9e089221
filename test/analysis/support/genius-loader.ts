/**
 * A small test-only reader of GENIUS XML (additive discrete profiles and the ANAC 2014
 * rectangle profiles), so analysis can be checked on the real domains before src/formats
 * lands. GENIUS rule: weights normalised, discrete evaluations divided by the issue's max.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Domain } from '../../../src/core/domain.js';
import type { Issue } from '../../../src/core/issue.js';
import type { Party } from '../../../src/core/party.js';
import { bareScenario, type Scenario } from '../../../src/core/scenario.js';
import type { HyperRectangle, UtilityFunction } from '../../../src/core/utility.js';

type Node = Record<string, any>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['issue', 'item', 'weight', 'hyperRectangle', 'INCLUDES'].includes(name),
});

export const ANAC = new URL('../../../scenarios/genius/anac/', import.meta.url).pathname;

function parse(file: string): Node {
  return parser.parse(readFileSync(file, 'utf8').trim());
}

function readIssues(objective: Node): { issues: Issue[]; byIndex: Map<string, string> } {
  const byIndex = new Map<string, string>();
  const issues = (objective.issue ?? []).map((n: Node): Issue => {
    byIndex.set(String(n.index), n.name);
    if (n.type === 'integer') return { kind: 'integer', name: n.name, min: Number(n.lowerbound), max: Number(n.upperbound) };
    return { kind: 'discrete', name: n.name, values: (n.item ?? []).map((it: Node) => String(it.value)) };
  });
  return { issues, byIndex };
}

function additive(objective: Node): UtilityFunction {
  const { byIndex } = readIssues(objective);
  const raw = new Map<string, number>();
  for (const w of objective.weight ?? []) if (byIndex.has(String(w.index))) raw.set(byIndex.get(String(w.index))!, Number(w.value));
  const total = [...raw.values()].reduce((a, b) => a + b, 0);
  const weights: Record<string, number> = {};
  const values: Record<string, { kind: 'table'; utilities: Record<string, number> }> = {};
  for (const issue of objective.issue ?? []) {
    weights[issue.name] = (raw.get(issue.name) ?? 0) / total;
    const evals = (issue.item ?? []).map((it: Node) => [String(it.value), Number(it.evaluation ?? 0)] as const);
    const max = Math.max(...evals.map(([, e]: readonly [string, number]) => e));
    values[issue.name] = { kind: 'table', utilities: Object.fromEntries(evals.map(([v, e]: readonly [string, number]) => [v, max > 0 ? e / max : 0])) };
  }
  return { kind: 'additive', weights, values };
}

function rectangles(objective: Node, domainIssues: Map<string, string>): UtilityFunction {
  const utility = objective.utility;
  const rects: HyperRectangle[] = (utility.ufun?.hyperRectangle ?? []).map((r: Node) => ({
    value: Number(r.utility),
    bounds: Object.fromEntries((r.INCLUDES ?? []).map((inc: Node) => [domainIssues.get(String(inc.index))!, { min: Number(inc.min), max: Number(inc.max) }])),
  }));
  return { kind: 'rectangles', rectangles: rects, scale: Number(utility.maxutility) };
}

/** A GENIUS domain folder (e.g. `y2011/Energy`) as a scenario; parties in file-name order. */
export function loadGeniusFolder(relative: string): Scenario {
  const dir = join(ANAC, relative);
  const files = readdirSync(dir).filter((f) => f.endsWith('.xml') && f !== 'pareto.xml').sort();
  let domain: Domain | undefined;
  let domainIssues = new Map<string, string>();
  const profiles: [string, Node][] = [];
  for (const f of files) {
    const doc = parse(join(dir, f));
    if (doc.negotiation_template) {
      const { issues, byIndex } = readIssues(doc.negotiation_template.utility_space.objective);
      domain = { name: basename(relative), issues, phases: [] };
      domainIssues = byIndex;
    } else profiles.push([f.replace(/\.xml$/, ''), doc.utility_space]);
  }
  if (!domain) throw new Error(`no domain file in ${dir}`);
  const parties: Party[] = profiles.map(([name, space]) => ({
    name,
    utility: space.objective.utility ? rectangles(space.objective, domainIssues) : additive(space.objective),
    reservation: Number(space.reservation?.value ?? 0),
    discount: 1,
    redLines: [],
  }));
  return bareScenario(basename(relative), domain, parties, 'ANAC, GENIUS XML (test loader)');
}

/** Reference points of a 2014 `pareto.xml` (lines of `u1, u2`). */
export function loadParetoReference(relative: string): number[][] {
  return readFileSync(join(ANAC, relative, 'pareto.xml'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[0-9]/.test(l))
    .map((l) => l.split(',').map(Number));
}
