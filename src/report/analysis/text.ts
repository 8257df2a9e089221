import type { Scenario } from '../../core/scenario.js';
import type { Analysis } from '../../analysis/types.js';
import { AssumedNumbers } from './assumed.js';
import { assumedSection, blockersSection, solutionsSection, stickingSection, zoneSection } from './findings.js';
import { issuesSection, partiesSection, sizeSection, titleSection } from './overview.js';

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
    stickingSection(scenario, analysis, assumed),
    assumedSection(assumed),
  ].join('');
}
