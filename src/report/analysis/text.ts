import type { Scenario } from '../../core/scenario.js';
import type { Analysis } from '../../analysis/types.js';
import { AssumedNumbers } from './assumed.js';
import { assumedSection, blockersSection, solutionsSection, stickingSection, zoneSection } from './findings.js';
import { issuesSection, partiesSection, sizeSection, titleSection } from './overview.js';
import { nearMisses } from '../../analysis/what-if/near-misses.js';
import { nearMissesSection } from './what-if-text.js';

/** The readable analysis report `parley analyze` prints. */
export function renderAnalysisText(scenario: Scenario, analysis: Analysis): string {
  const assumed = new AssumedNumbers(scenario);
  return [
    titleSection(scenario),
    partiesSection(scenario, assumed),
    issuesSection(scenario, assumed),
    sizeSection(analysis),
    solutionsSection(scenario, analysis, assumed),
    zoneSection(scenario, analysis, assumed),
    blockersSection(scenario, analysis),
    analysis.zopa.best.length === 0 ? nearMissesSection(scenario, nearMisses(scenario)) : '',
    stickingSection(scenario, analysis, assumed),
    assumedSection(assumed),
  ].join('');
}
