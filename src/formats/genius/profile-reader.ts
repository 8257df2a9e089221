import type { Issue } from '../../core/issue.js';
import type { Party } from '../../core/party.js';
import type { AdditiveUtility, UtilityFunction, ValueFunction } from '../../core/utility.js';
import { errorAt, numberAttr } from '../xml-read.js';
import { childrenNamed, firstChild, parseXmlDocument, type XmlDocument, type XmlElement } from '../xml-tree.js';
import { expectRoot, GENIUS_PROFILE_ROOT, issueNumber, rootObjective, type GeniusDomain } from './domain-reader.js';
import { readEvaluator } from './evaluators.js';
import { readRectangles } from './rectangles-reader.js';

function lookupIssue(doc: XmlDocument, el: XmlElement, number: number, g: GeniusDomain): Issue {
  const issue = g.byNumber.get(number);
  if (!issue) {
    const known = [...g.byNumber.keys()].join(', ');
    throw errorAt(
      doc,
      el,
      `issue index ${number} is not an issue of the domain`,
      `one of the domain's issue indexes ${known}`,
      'index',
    );
  }
  return issue;
}

/** Only issue weights count: a `<weight>` whose index names an objective (Fitness 2012) is ignored. */
function readWeights(doc: XmlDocument, objective: XmlElement, g: GeniusDomain): Map<string, number> {
  const weights = new Map<string, number>();
  for (const w of childrenNamed(objective, 'weight')) {
    const number = issueNumber(doc, w);
    if (!g.byNumber.has(number) && (g.objectiveNumbers.has(number) || number === Number(objective.attrs.index)))
      continue;
    const issue = lookupIssue(doc, w, number, g);
    const value = numberAttr(doc, w, 'value', { label: 'weight', expected: 'a number between 0 and 1', min: 0 });
    if (weights.has(issue.name))
      throw errorAt(doc, w, `issue "${issue.name}" has two weights`, 'one <weight> per issue', 'index');
    weights.set(issue.name, value);
  }
  return weights;
}

function zeroFunction(issue: Issue): ValueFunction {
  return issue.kind === 'discrete' ? { kind: 'table', utilities: {} } : { kind: 'linear', slope: 0, offset: 0 };
}

function readAdditive(doc: XmlDocument, objective: XmlElement, g: GeniusDomain): AdditiveUtility {
  const values: Record<string, ValueFunction> = {};
  for (const el of childrenNamed(objective, 'issue')) {
    const issue = lookupIssue(doc, el, issueNumber(doc, el), g);
    if (values[issue.name])
      throw errorAt(doc, el, `issue "${issue.name}" is evaluated twice`, 'one <issue> per domain issue', 'index');
    values[issue.name] = readEvaluator(doc, el, issue);
  }
  const raw = readWeights(doc, objective, g);
  const total = [...raw.values()].reduce((a, b) => a + b, 0);
  if (total <= 0)
    throw errorAt(doc, objective, 'the issue weights sum to 0', 'at least one <weight index="…" value="…"/> above 0');
  const weights: Record<string, number> = {};
  for (const issue of g.domain.issues) {
    const w = (raw.get(issue.name) ?? 0) / total;
    if (!values[issue.name]) {
      if (w > 0)
        throw errorAt(
          doc,
          objective,
          `issue "${issue.name}" has a weight but no evaluation`,
          `an <issue> element for "${issue.name}"`,
        );
      values[issue.name] = zeroFunction(issue);
    }
    weights[issue.name] = w;
  }
  return { kind: 'additive', weights, values };
}

/** GENIUS treats a discount factor of 0 as no discounting. */
function readDiscount(doc: XmlDocument, root: XmlElement): number {
  const el = firstChild(root, 'discount_factor');
  if (!el) return 1;
  const d = numberAttr(doc, el, 'value', {
    label: 'discount factor',
    expected: 'a number between 0 and 1 (0 or 1: no discounting)',
    min: 0,
    max: 1,
  });
  return d === 0 ? 1 : d;
}

function readReservation(doc: XmlDocument, root: XmlElement): number {
  const el = firstChild(root, 'reservation');
  if (!el) return 0;
  return numberAttr(doc, el, 'value', {
    label: 'reservation value',
    expected: 'a number between 0 and 1',
    min: 0,
    max: 1,
  });
}

/** Reads one GENIUS profile (root `<utility_space>`) against its domain. */
export function readGeniusProfile(text: string, file: string, g: GeniusDomain, partyName: string): Party {
  const doc = parseXmlDocument(text, file);
  expectRoot(doc, GENIUS_PROFILE_ROOT, 'a GENIUS profile');
  const objective = rootObjective(doc, doc.root);
  const utilityEl = firstChild(objective, 'utility');
  const utility: UtilityFunction = utilityEl ? readRectangles(doc, utilityEl, g) : readAdditive(doc, objective, g);
  return {
    name: partyName,
    utility,
    reservation: readReservation(doc, doc.root),
    discount: readDiscount(doc, doc.root),
    redLines: [],
  };
}
