/** What-if analysis: a scenario changed without editing its file, and what follows from it. */
import type { Scenario } from '../../core/scenario.js';
import { applyOverrides, eventsBy, scenarioAt } from './overrides.js';

export { applyOverrides, scenarioAt, eventsBy } from './overrides.js';

export interface WhatIfOptions {
  /** Apply the timeline's events up to this hour. */
  readonly at?: number;
  /** `path=value` changes (see `applyOverrides`). */
  readonly set?: readonly string[];
}

/** The scenario with the events up to `at` applied, then the `set` changes; and those changes in words. */
export function whatIf(scenario: Scenario, options: WhatIfOptions): { scenario: Scenario; changes: string[] } {
  let current = scenario;
  const changes: string[] = [];
  if (options.at !== undefined) {
    current = scenarioAt(current, options.at);
    const events = eventsBy(scenario, options.at);
    changes.push(
      `at hour ${options.at}: ${events.length ? `after ${events.join(', ')}` : 'no timeline event has fired yet'}`,
    );
  }
  if (options.set?.length) {
    current = applyOverrides(current, options.set);
    changes.push(...options.set.map((s) => `set ${s}`));
  }
  return { scenario: current, changes };
}

/** The header a what-if report opens with, or nothing when nothing changed. */
export function whatIfHeader(changes: readonly string[]): string {
  if (changes.length === 0) return '';
  return `What if (the scenario file is unchanged):\n${changes.map((c) => `  - ${c}`).join('\n')}\n\n`;
}
