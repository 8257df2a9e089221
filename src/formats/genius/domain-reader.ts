import type { Domain } from '../../core/domain.js';
import { DEFAULT_REAL_STEPS, type Issue } from '../../core/issue.js';
import { count, MAX_ISSUE_VALUES, quoted } from '../text-limits.js';
import { ignoreWarnings, type WarningSink } from '../warnings.js';
import { errorAt, numberAttr, optionalNumberAttr, requireAttr, unrepresentableAt, warnAt } from '../xml-read.js';
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

const ISSUE_TYPES = ['discrete', 'integer', 'real'];

/**
 * The issue's type as GENIUS decides it: `type` (a conflicting `vtype` or `etype` is
 * overruled), else `etype` or `vtype`, else discrete, as GENIUS takes an issue without one.
 */
export function issueType(doc: XmlDocument, el: XmlElement, warn: WarningSink): string {
  const given = (['type', 'etype', 'vtype'] as const)
    .map((attr) => ({ attr, value: el.attrs[attr]?.trim().toLowerCase() }))
    .filter((g): g is { attr: 'type' | 'etype' | 'vtype'; value: string } => g.value !== undefined);
  const first = given[0];
  if (!first) {
    warnAt(warn, doc, el, `issue ${quoted(el.attrs.name ?? '')} has no type: read as discrete (as GENIUS reads it)`);
    return 'discrete';
  }
  const other = given.find((g) => g.value !== first.value && ISSUE_TYPES.includes(g.value));
  if (other)
    warnAt(
      warn,
      doc,
      el,
      `issue ${quoted(el.attrs.name ?? '')} has ${first.attr}="${first.value}" but ${other.attr}="${other.value}": ${first.attr} is read (as GENIUS reads it)`,
    );
  return first.value;
}

/** An issue with more values than analysis can hold is refused when read, naming the limit. */
function checkSize(doc: XmlDocument, el: XmlElement, name: string, size: number, what: string): void {
  if (size > MAX_ISSUE_VALUES)
    throw unrepresentableAt(
      doc,
      el,
      `issue ${quoted(name)} has ${count(size)} ${what}, more than parley analyses (${count(MAX_ISSUE_VALUES)})`,
      `at most ${count(MAX_ISSUE_VALUES)} values per issue`,
    );
}

/** GENIUS keys values by name: a value listed twice is one value, read once with a warning. */
function discreteIssue(doc: XmlDocument, el: XmlElement, name: string, warn: WarningSink): Issue {
  const items = childrenNamed(el, 'item');
  checkSize(doc, el, name, items.length, 'values');
  const seen = new Set<string>();
  const values: string[] = [];
  for (const item of items) {
    const value = requireAttr(doc, item, 'value', 'the value as text, e.g. value="Dell"');
    if (seen.has(value)) {
      warnAt(
        warn,
        doc,
        item,
        `value ${quoted(value)} appears twice in issue ${quoted(name)}: read once (GENIUS keys values by name)`,
        'value',
      );
      continue;
    }
    seen.add(value);
    values.push(value);
  }
  if (values.length === 0)
    throw errorAt(doc, el, `discrete issue ${quoted(name)} has no <item> values`, 'at least one <item value="…"/>');
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

function readIssue(doc: XmlDocument, el: XmlElement, warn: WarningSink): Issue {
  const name = requireAttr(doc, el, 'name', 'the issue name, e.g. name="Price"');
  const type = issueType(doc, el, warn);
  const description = el.attrs.description ? { description: el.attrs.description } : {};
  switch (type) {
    case 'discrete':
      return { ...discreteIssue(doc, el, name, warn), ...description };
    case 'integer': {
      const range = bounds(doc, el, true);
      checkSize(doc, el, name, range.max - range.min + 1, 'whole numbers in its range');
      return { kind: 'integer', name, ...range, ...description };
    }
    case 'real': {
      const steps = optionalNumberAttr(doc, el, 'steps', {
        label: 'steps',
        expected: 'a whole number of 1 or more',
        min: 1,
        integer: true,
      });
      checkSize(doc, el, name, (steps ?? DEFAULT_REAL_STEPS) + 1, 'grid points (steps + 1)');
      return { kind: 'real', name, ...bounds(doc, el, false), steps: steps ?? DEFAULT_REAL_STEPS, ...description };
    }
    default:
      throw errorAt(
        doc,
        el,
        `issue ${quoted(name)} has type ${quoted(type)}`,
        'type="discrete", "integer" or "real"',
        el.attrs.type !== undefined ? 'type' : 'etype',
      );
  }
}

/**
 * Root objective of a template or profile; nested objectives change weights in ways parley
 * does not model. Older files put the issues directly under `<utility_space>`: GENIUS reads
 * them there, and so does parley, with a warning.
 */
export function rootObjective(doc: XmlDocument, holder: XmlElement, warn: WarningSink): XmlElement {
  const objective = firstChild(holder, 'objective');
  if (!objective) {
    if (firstChild(holder, 'issue')) {
      warnAt(
        warn,
        doc,
        holder,
        `<${holder.name}> holds its issues without an <objective> (an older form, read as GENIUS reads it)`,
      );
      return holder;
    }
    throw errorAt(doc, holder, `<${holder.name}> has no <objective>`, 'an <objective> element holding the issues');
  }
  const nested = firstChild(objective, 'objective');
  if (nested) {
    throw unrepresentableAt(
      doc,
      nested,
      `nested objective ${quoted(nested.attrs.name ?? '')} cannot be represented`,
      'issues directly under the root objective',
    );
  }
  return objective;
}

export function expectRoot(doc: XmlDocument, root: string, what: string): void {
  if (doc.root.name !== root)
    throw errorAt(doc, doc.root, `root element is <${doc.root.name.slice(0, 60)}>`, `<${root}> (${what})`);
}

export function readGeniusDomain(
  text: string,
  file: string,
  name: string,
  warn: WarningSink = ignoreWarnings,
): GeniusDomain {
  return readGeniusDomainDocument(parseXmlDocument(text, file, warn), name, warn);
}

/** Reads a parsed GENIUS domain (root `<negotiation_template>`). */
export function readGeniusDomainDocument(
  doc: XmlDocument,
  name: string,
  warn: WarningSink = ignoreWarnings,
): GeniusDomain {
  expectRoot(doc, GENIUS_DOMAIN_ROOT, 'a GENIUS domain');
  const space = firstChild(doc.root, 'utility_space');
  if (!space)
    throw errorAt(
      doc,
      doc.root,
      '<negotiation_template> has no <utility_space>',
      'a <utility_space> holding the objective',
    );
  const objective = rootObjective(doc, space, warn);
  const byNumber = new Map<number, Issue>();
  const issues: Issue[] = [];
  const names = new Set<string>();
  for (const el of childrenNamed(objective, 'issue')) {
    const number = issueNumber(doc, el);
    const issue = readIssue(doc, el, warn);
    if (byNumber.has(number))
      throw errorAt(doc, el, `issue index ${number} is used twice`, 'a distinct index for every issue', 'index');
    if (names.has(issue.name))
      throw errorAt(doc, el, `issue name ${quoted(issue.name)} is used twice`, 'distinct issue names', 'name');
    byNumber.set(number, issue);
    names.add(issue.name);
    issues.push(issue);
  }
  if (issues.length === 0) throw errorAt(doc, objective, 'the domain has no issues', 'at least one <issue>');
  const objectiveNumbers = new Set<number>();
  if (objective !== space && objective.attrs.index !== undefined) objectiveNumbers.add(issueNumber(doc, objective));
  return { domain: { name, issues, phases: [] }, byNumber, objectiveNumbers };
}
