import { DEFAULT_REAL_STEPS } from '../../core/issue.js';
import { count, MAX_ISSUE_VALUES } from '../text-limits.js';
import { CheckContext, list, numberOf } from './check-context.js';
import type { IssueFile, PreferencesFile, RedLineFile, ScenarioFile } from './schema.js';
import type { FilePath } from './source-text.js';

/** Checks issues, phases and every party's preferences and red lines against the issues. */
export function checkDomain(ctx: CheckContext): void {
  const { file } = ctx;
  ctx.expectUnique(
    ['issues'],
    file.issues.map((i) => i.name),
    'issue',
  );
  file.issues.forEach((issue, i) => checkIssue(ctx, issue, ['issues', i]));
  checkPhases(ctx, file);
  ctx.expectUnique(
    ['parties'],
    file.parties.map((p) => p.name),
    'party',
  );
  file.parties.forEach((party, p) => {
    checkPreferences(ctx, party.preferences, ['parties', p, 'preferences']);
    const lines = party.redLines ?? [];
    ctx.expectUnique(
      ['parties', p, 'redLines'],
      lines.map((l) => l.id),
      'red line',
      'id',
    );
    lines.forEach((line, l) => checkRedLine(ctx, line, ['parties', p, 'redLines', l]));
  });
}

/** An issue with more values than analysis can hold is refused when read, naming the limit. */
function checkSize(ctx: CheckContext, path: FilePath, size: number, what: string): void {
  if (size > MAX_ISSUE_VALUES)
    ctx.fail(
      path,
      `gives ${count(size)} ${what}, more than parley analyses (${count(MAX_ISSUE_VALUES)})`,
      `at most ${count(MAX_ISSUE_VALUES)} values per issue`,
    );
}

function checkIssue(ctx: CheckContext, issue: IssueFile, path: FilePath): void {
  if (isDiscrete(issue)) {
    checkSize(ctx, [...path, 'values'], issue.values.length, 'values');
    const seen = new Set<string>();
    issue.values.forEach((v, i) => {
      if (seen.has(v)) ctx.fail([...path, 'values', i], `repeats the value "${v}"`, 'values that differ');
      seen.add(v);
    });
    if (issue.deferral !== undefined && !issue.values.includes(issue.deferral))
      ctx.fail(
        [...path, 'deferral'],
        `is "${issue.deferral}", which is not one of the issue's values`,
        `one of ${issue.values.join(', ')}`,
      );
    return;
  }
  if (issue.kind !== 'integer' && issue.kind !== 'real') return;
  const min = numberOf(issue.min);
  const max = numberOf(issue.max);
  if (issue.kind === 'integer') {
    if (!Number.isInteger(min)) ctx.fail([...path, 'min'], 'must be a whole number', 'an integer');
    if (!Number.isInteger(max)) ctx.fail([...path, 'max'], 'must be a whole number', 'an integer');
  }
  if (max < min) ctx.fail([...path, 'max'], `must not be below min (${min})`, `a number ≥ ${min}`);
  if (issue.kind === 'integer') checkSize(ctx, [...path, 'max'], max - min + 1, 'whole numbers from min to max');
  else checkSize(ctx, [...path, 'steps'], numberOf(issue.steps ?? DEFAULT_REAL_STEPS) + 1, 'grid points (steps + 1)');
  if (issue.kind === 'real' && issue.steps !== undefined && !Number.isInteger(numberOf(issue.steps))) {
    ctx.fail([...path, 'steps'], 'must be a whole number', 'an integer ≥ 0');
  }
}

function checkPhases(ctx: CheckContext, file: ScenarioFile): void {
  const phases = file.phases ?? [];
  ctx.expectUnique(
    ['phases'],
    phases.map((p) => p.name),
    'phase',
  );
  const owner = new Map<string, string>();
  phases.forEach((phase, p) => {
    phase.issues.forEach((name, i) => {
      const path = ['phases', p, 'issues', i];
      ctx.expectKnown(path, name, ctx.issueNames, 'issue');
      const before = owner.get(name);
      if (before !== undefined)
        ctx.fail(
          path,
          `puts issue "${name}" in a second phase (it is in "${before}")`,
          'each issue in at most one phase',
        );
      owner.set(name, phase.name);
    });
  });
}

function issueOf(ctx: CheckContext, name: string): IssueFile {
  return ctx.file.issues.find((i) => i.name === name)!;
}

function isDiscrete(issue: IssueFile): issue is Extract<IssueFile, { values: string[] }> {
  return issue.kind === undefined || issue.kind === 'discrete';
}

function checkPreferences(ctx: CheckContext, prefs: PreferencesFile, path: FilePath): void {
  if (prefs.kind === 'rectangles') {
    prefs.rectangles.forEach((rect, r) => {
      for (const issue of Object.keys(rect.bounds))
        ctx.expectKnown([...path, 'rectangles', r, 'bounds', issue], issue, ctx.issueNames, 'issue', 'key');
    });
    return;
  }
  let total = 0;
  for (const [issue, weight] of Object.entries(prefs.weights)) {
    ctx.expectKnown([...path, 'weights', issue], issue, ctx.issueNames, 'issue', 'key');
    if (numberOf(weight) > 0 && prefs.values[issue] === undefined) {
      ctx.fail(
        [...path, 'weights', issue],
        `is weighted but issue "${issue}" has no value function`,
        `an entry "${issue}" under values`,
        'key',
      );
    }
    total += numberOf(weight);
  }
  if (total <= 0) ctx.fail([...path, 'weights'], 'must give some issue a weight above 0', 'at least one weight > 0');
  for (const [issue, fn] of Object.entries(prefs.values)) {
    const fnPath = [...path, 'values', issue];
    ctx.expectKnown(fnPath, issue, ctx.issueNames, 'issue', 'key');
    const def = issueOf(ctx, issue);
    const numericFn = 'linear' in fn || 'piecewise' in fn;
    if (isDiscrete(def) && numericFn)
      ctx.fail(fnPath, `is numeric but issue "${issue}" has discrete values`, 'a table {value: utility}');
    if (!isDiscrete(def) && !numericFn)
      ctx.fail(
        fnPath,
        `is a table but issue "${issue}" is numeric`,
        '{linear: {slope, offset}} or {piecewise: [[x, u], …]}',
      );
    if (isDiscrete(def) && !numericFn) {
      const table = fn as Record<string, unknown>;
      for (const value of Object.keys(table)) {
        if (!def.values.includes(value))
          ctx.fail(
            [...fnPath, value],
            `is for a value issue "${issue}" does not have`,
            `one of ${list(def.values)}`,
            'key',
          );
      }
    }
  }
}

export function checkRedLine(ctx: CheckContext, line: RedLineFile, path: FilePath): void {
  ctx.expectKnown([...path, 'issue'], line.issue, ctx.issueNames, 'issue');
  const def = issueOf(ctx, line.issue);
  if (line.allowed === undefined && line.min === undefined && line.max === undefined) {
    ctx.fail(path, 'limits nothing', 'allowed: […] or min/max');
  }
  if (isDiscrete(def)) {
    if (line.min !== undefined || line.max !== undefined)
      ctx.fail(
        [...path, line.min !== undefined ? 'min' : 'max'],
        `uses min/max but issue "${line.issue}" has discrete values`,
        'allowed: […]',
        'key',
      );
    (line.allowed ?? []).forEach((value, i) => {
      if (!def.values.includes(String(value)))
        ctx.fail(
          [...path, 'allowed', i],
          `allows "${value}", which is not a value of issue "${line.issue}"`,
          `one of ${list(def.values)}`,
        );
    });
    if (line.allowed !== undefined && line.allowed.length === 0)
      ctx.fail([...path, 'allowed'], 'allows no value at all', 'at least one value');
    return;
  }
  (line.allowed ?? []).forEach((value, i) => {
    if (typeof value !== 'number')
      ctx.fail([...path, 'allowed', i], `allows "${value}" on numeric issue "${line.issue}"`, 'a number');
  });
}
