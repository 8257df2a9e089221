/** An issue is one dimension of a deal. Discrete values are strings, numeric values numbers. */
export type Value = string | number;

export interface DiscreteIssue {
  readonly kind: 'discrete';
  readonly name: string;
  readonly values: readonly string[];
  readonly description?: string;
  /**
   * The value that leaves the issue to a later phase, when the scenario declares one;
   * only a declared value lets a mediator say an issue is deferred.
   */
  readonly deferral?: string;
}

export interface IntegerIssue {
  readonly kind: 'integer';
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly description?: string;
}

/**
 * A real interval. Analysis cannot enumerate a continuum, so it works on `steps + 1`
 * evenly spaced points from min to max (both ends included).
 */
export interface RealIssue {
  readonly kind: 'real';
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly steps: number;
  readonly description?: string;
}

export type Issue = DiscreteIssue | IntegerIssue | RealIssue;

export const DEFAULT_REAL_STEPS = 10;

/** How many values analysis considers for this issue. */
export function issueSize(issue: Issue): number {
  switch (issue.kind) {
    case 'discrete':
      return issue.values.length;
    case 'integer':
      return issue.max - issue.min + 1;
    case 'real':
      return issue.steps + 1;
  }
}

/** The value at position `index` in the issue's value order. */
export function valueAt(issue: Issue, index: number): Value {
  switch (issue.kind) {
    case 'discrete':
      return issue.values[index]!;
    case 'integer':
      return issue.min + index;
    case 'real':
      return issue.steps === 0 ? issue.min : issue.min + ((issue.max - issue.min) * index) / issue.steps;
  }
}

/** Whether `value` is a legal value of the issue (any number in range for real issues). */
export function isValueOf(issue: Issue, value: Value): boolean {
  switch (issue.kind) {
    case 'discrete':
      return typeof value === 'string' && issue.values.includes(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= issue.min && value <= issue.max;
    case 'real':
      return typeof value === 'number' && value >= issue.min && value <= issue.max;
  }
}

/** Position of a value in the issue's value order, or -1 (real values off the grid give -1). */
export function indexOfValue(issue: Issue, value: Value): number {
  switch (issue.kind) {
    case 'discrete':
      return typeof value === 'string' ? issue.values.indexOf(value) : -1;
    case 'integer':
      return isValueOf(issue, value) ? (value as number) - issue.min : -1;
    case 'real': {
      if (!isValueOf(issue, value)) return -1;
      for (let i = 0; i <= issue.steps; i++) if (valueAt(issue, i) === value) return i;
      return -1;
    }
  }
}
