import type { Issue } from '../../core/issue.js';
import type { Party } from '../../core/party.js';
import type { AdditiveUtility, UtilityFunction, ValueFunction } from '../../core/utility.js';
import { quoted, shown } from '../text-limits.js';
import { ignoreWarnings, type WarningSink } from '../warnings.js';
import { errorAt, numberAttr, warnAt } from '../xml-read.js';
import { childrenNamed, firstChild, parseXmlDocument, type XmlDocument, type XmlElement } from '../xml-tree.js';
import { expectRoot, GENIUS_PROFILE_ROOT, issueNumber, rootObjective, type GeniusDomain } from './domain-reader.js';
import { readEvaluator } from './evaluators.js';
import { readRectangles } from './rectangles-reader.js';
import { sumOf } from '../representable.js';

function lookupIssue(doc: XmlDocument, el: XmlElement, number: number, g: GeniusDomain): Issue {
  const issue = g.byNumber.get(number);
  if (!issue) {
    const known = [...g.byNumber.keys()].slice(0, 20).join(', ') + (g.byNumber.size > 20 ? ', …' : '');
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
      throw errorAt(doc, w, `issue ${quoted(issue.name)} has two weights`, 'one <weight> per issue', 'index');
    weights.set(issue.name, value);
  }
  return weights;
}

function zeroFunction(issue: Issue): ValueFunction {
  return issue.kind === 'discrete' ? { kind: 'table', utilities: {} } : { kind: 'linear', slope: 0, offset: 0 };
}

function readAdditive(doc: XmlDocument, objective: XmlElement, g: GeniusDomain, warn: WarningSink): AdditiveUtility {
  const values: Record<string, ValueFunction> = {};
  for (const el of childrenNamed(objective, 'issue')) {
    const issue = lookupIssue(doc, el, issueNumber(doc, el), g);
    if (values[issue.name])
      throw errorAt(doc, el, `issue ${quoted(issue.name)} is evaluated twice`, 'one <issue> per domain issue', 'index');
    values[issue.name] = readEvaluator(doc, el, issue, warn);
  }
  const raw = readWeights(doc, objective, g);
  const total = [...raw.values()].reduce((a, b) => a + b, 0);
  if (!(total > 0))
    throw errorAt(doc, objective, 'the issue weights sum to 0', 'at least one <weight index="…" value="…"/> above 0');
  // Weights near the largest number sum to infinity: then they are scaled by the largest first.
  const largest = [...raw.values()].reduce((m, w) => Math.max(m, w), 0);
  const share = (w: number) =>
    Number.isFinite(total) ? w / total : w / largest / sumOf([...raw.values()].map((x) => x / largest));
  const weights: Record<string, number> = {};
  for (const issue of g.domain.issues) {
    const w = share(raw.get(issue.name) ?? 0);
    if (!values[issue.name]) {
      if (w > 0)
        throw errorAt(
          doc,
          objective,
          `issue ${quoted(issue.name)} has a weight but no evaluation`,
          `an <issue> element for ${quoted(issue.name)}`,
        );
      values[issue.name] = zeroFunction(issue);
    }
    weights[issue.name] = w;
  }
  return { kind: 'additive', weights, values };
}

/**
 * GENIUS treats a discount factor of 0 as no discounting, and discards one outside (0, 1] or
 * not a number (with a warning, as here).
 */
function readDiscount(doc: XmlDocument, root: XmlElement, warn: WarningSink): number {
  const el = firstChild(root, 'discount_factor');
  if (!el) return 1;
  const raw = el.attrs.value;
  const d = raw === undefined || raw.trim() === '' ? NaN : Number(raw.trim());
  if (d === 0) return 1;
  if (!(d > 0 && d <= 1)) {
    const what =
      raw === undefined
        ? 'has no value'
        : Number.isNaN(d)
          ? `"${shown(raw, 40)}" is not a number`
          : `${shown(raw, 40)} is outside (0, 1]`;
    warnAt(
      warn,
      doc,
      el,
      `discount factor ${what}: discarded, no discounting (as GENIUS discards it)`,
      raw === undefined ? undefined : 'value',
    );
    return 1;
  }
  return d;
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
export function readGeniusProfile(
  text: string,
  file: string,
  g: GeniusDomain,
  partyName: string,
  warn: WarningSink = ignoreWarnings,
): Party {
  return readGeniusProfileDocument(parseXmlDocument(text, file, warn), g, partyName, warn);
}

/** Reads a parsed GENIUS profile (root `<utility_space>`). */
export function readGeniusProfileDocument(
  doc: XmlDocument,
  g: GeniusDomain,
  partyName: string,
  warn: WarningSink = ignoreWarnings,
): Party {
  expectRoot(doc, GENIUS_PROFILE_ROOT, 'a GENIUS profile');
  const objective = rootObjective(doc, doc.root, warn);
  const utilityEl = firstChild(objective, 'utility');
  const utility: UtilityFunction = utilityEl
    ? readRectangles(doc, utilityEl, g)
    : readAdditive(doc, objective, g, warn);
  return {
    name: partyName,
    utility,
    reservation: readReservation(doc, doc.root),
    discount: readDiscount(doc, doc.root, warn),
    redLines: [],
  };
}
