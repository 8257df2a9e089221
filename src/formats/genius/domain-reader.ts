import type { Domain } from '../../core/domain.js';
import { DEFAULT_REAL_STEPS, type Issue } from '../../core/issue.js';
import { errorAt, numberAttr, optionalNumberAttr, requireAttr, unrepresentableAt } from '../xml-read.js';
import { childrenNamed, firstChild, parseXmlDocument, type XmlDocument, type XmlElement } from '../xml-tree.js';

/** A GENIUS domain: profiles refer to its issues by their `index` number, not by name. */
export interface GeniusDomain {
  readonly domain: Domain;
  readonly byNumber: ReadonlyMap<number, Issue>;
  /** Numbers of objectives (not issues); a profile's `<weight>` for one of these is ignored. */
  readonly objectiveNumbers: ReadonlySet<number>;
}

export const GENIUS_DOMAIN_ROOT = 'negotiation_template';
export const GENIUS_PROFILE_ROOT = 'utility_space';

const INDEX_RULE = { label: 'index', expected: 'a whole number of 0 or more', min: 0, integer: true } as const;

export function issueNumber(doc: XmlDocument, el: XmlElement): number {
  return numberAttr(doc, el, 'index', INDEX_RULE);
}

export function issueType(el: XmlElement): string {
  return (el.attrs.etype ?? el.attrs.type ?? el.attrs.vtype ?? '').trim().toLowerCase();
}

function discreteIssue(doc: XmlDocument, el: XmlElement, name: string): Issue {
  const values: string[] = [];
  for (const item of childrenNamed(el, 'item')) {
    const value = requireAttr(doc, item, 'value', 'the value as text, e.g. value="Dell"');
    if (values.includes(value))
      throw errorAt(doc, item, `value "${value}" appears twice in issue "${name}"`, 'distinct values', 'value');
    values.push(value);
  }
  if (values.length === 0)
    throw errorAt(doc, el, `discrete issue "${name}" has no <item> values`, 'at least one <item value="…"/>');
  return { kind: 'discrete', name, values };
}

/** Bounds on the issue itself (integer issues) or on a `<range>` child (GENIUS real issues). */
function bounds(doc: XmlDocument, el: XmlElement, integer: boolean): { min: number; max: number } {
  const holder = el.attrs.lowerbound === undefined ? (firstChild(el, 'range') ?? el) : el;
  const rule = { label: 'bound', expected: integer ? 'a whole number' : 'a number', integer };
  const min = numberAttr(doc, holder, 'lowerbound', { ...rule, label: 'lowerbound' });
  const max = numberAttr(doc, holder, 'upperbound', { ...rule, label: 'upperbound' });
  if (max < min)
    throw errorAt(doc, holder, `upperbound ${max} is below lowerbound ${min}`, 'lowerbound ≤ upperbound', 'upperbound');
  return { min, max };
}

function readIssue(doc: XmlDocument, el: XmlElement): Issue {
  const name = requireAttr(doc, el, 'name', 'the issue name, e.g. name="Price"');
  const type = issueType(el);
  const description = el.attrs.description ? { description: el.attrs.description } : {};
  switch (type) {
    case 'discrete':
      return { ...discreteIssue(doc, el, name), ...description };
    case 'integer':
      return { kind: 'integer', name, ...bounds(doc, el, true), ...description };
    case 'real': {
      const steps = optionalNumberAttr(doc, el, 'steps', {
        label: 'steps',
        expected: 'a whole number of 1 or more',
        min: 1,
        integer: true,
      });
      return { kind: 'real', name, ...bounds(doc, el, false), steps: steps ?? DEFAULT_REAL_STEPS, ...description };
    }
    default:
      throw errorAt(doc, el, `issue "${name}" has type "${type}"`, 'etype="discrete", "integer" or "real"', 'etype');
  }
}

/** Root objective of a template or profile; nested objectives change weights in ways parley does not model. */
export function rootObjective(doc: XmlDocument, holder: XmlElement): XmlElement {
  const objective = firstChild(holder, 'objective');
  if (!objective)
    throw errorAt(doc, holder, `<${holder.name}> has no <objective>`, 'an <objective> element holding the issues');
  const nested = firstChild(objective, 'objective');
  if (nested) {
    throw unrepresentableAt(
      doc,
      nested,
      `nested objective "${nested.attrs.name ?? ''}" cannot be represented`,
      'issues directly under the root objective',
    );
  }
  return objective;
}

export function expectRoot(doc: XmlDocument, root: string, what: string): void {
  if (doc.root.name !== root) throw errorAt(doc, doc.root, `root element is <${doc.root.name}>`, `<${root}> (${what})`);
}

export function readGeniusDomain(text: string, file: string, name: string): GeniusDomain {
  const doc = parseXmlDocument(text, file);
  expectRoot(doc, GENIUS_DOMAIN_ROOT, 'a GENIUS domain');
  const space = firstChild(doc.root, 'utility_space');
  if (!space)
    throw errorAt(
      doc,
      doc.root,
      '<negotiation_template> has no <utility_space>',
      'a <utility_space> holding the objective',
    );
  const objective = rootObjective(doc, space);
  const byNumber = new Map<number, Issue>();
  const issues: Issue[] = [];
  for (const el of childrenNamed(objective, 'issue')) {
    const number = issueNumber(doc, el);
    const issue = readIssue(doc, el);
    if (byNumber.has(number))
      throw errorAt(doc, el, `issue index ${number} is used twice`, 'a distinct index for every issue', 'index');
    if (issues.some((i) => i.name === issue.name))
      throw errorAt(doc, el, `issue name "${issue.name}" is used twice`, 'distinct issue names', 'name');
    byNumber.set(number, issue);
    issues.push(issue);
  }
  if (issues.length === 0) throw errorAt(doc, objective, 'the domain has no issues', 'at least one <issue>');
  const objectiveNumbers = new Set<number>();
  if (objective.attrs.index !== undefined) objectiveNumbers.add(issueNumber(doc, objective));
  return { domain: { name, issues, phases: [] }, byNumber, objectiveNumbers };
}
